export { LogCapture } from './log-capture';
export { testConfig } from './test-config';
export { FakeGitHost, type FakeGitHostOptions } from './fake-git-host';
export { FixtureRepo, type FixtureAuthor, type FixtureCommit } from './fixture-repo';
export { RandomHistory, type RandomHistoryOptions } from './random-history';
export { AdminApiHarness, fieldsOf, type ServiceAppFactory } from './admin-api-harness';
export {
  adfSchemaErrors,
  FakeJira,
  jiraSignature,
  jiraWebhookHeaders,
  sendJiraWebhook,
  type FakeJiraOptions,
  type FakeJiraUser,
  type JiraEvent,
  type JiraHumanEdit,
  type JiraIssueRecord,
  type JiraIssueSeed,
  type JiraWebhookSendOptions,
} from './fake-jira';
export type { Fault, RequestMatcher } from './fake-http/fault-queue';
export type { RecordedRequest } from './fake-http/fake-http';
export type { WebhookDelivery } from './fake-http/webhook-sender';
export { sampleRiskReport } from './tracker-fixtures';
export {
  FakeLinear,
  linearSignature,
  linearWebhookRequest,
  sendLinearWebhook,
  type FakeLinearOptions,
  type LinearEvent,
  type LinearHumanEdit,
  type LinearIssueRecord,
  type LinearIssueSeed,
  type LinearUserRecord,
  type LinearWebhookSendOptions,
} from './fake-linear';
export { buildRiskHistory, RISK_HISTORY_AUTHORS, type RiskHistoryPhase } from './risk-history';
export { buildShopHistory, type ShopHistory } from './shop-history';
export { freePort, spawnWorkerProcess } from './worker-process';
