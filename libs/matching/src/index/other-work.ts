import { isMatchablePath, isTestPath } from '@sightline/analysis';

// A changelog entry comes with code work: projects that record each change in `changes.xml` in a
// commit of its own have as many such commits as code changes.
const CHANGELOG = /(^|\/)(changes|changelog|history|news|release[-_]?notes|whatsnew)(\.[\w.]+)?$/i;

/**
 * A file whose change is work of its own outside the code the matcher ranks: documentation, CI,
 * build and dependency configuration. Not a test (tests come with code work) nor a changelog.
 */
export function isOtherWork(path: string): boolean {
  return !isMatchablePath(path) && !isTestPath(path) && !CHANGELOG.test(path);
}
