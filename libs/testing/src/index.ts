export { LogCapture } from './log-capture';
export { testConfig } from './test-config';
export { FakeGitHost, type FakeGitHostOptions } from './fake-git-host';
export { FixtureRepo, type FixtureAuthor, type FixtureCommit } from './fixture-repo';
export { RandomHistory, seededRandom, type RandomHistoryOptions } from './random-history';
export { AdminApiHarness, fieldsOf, type ServiceAppFactory } from './admin-api-harness';
