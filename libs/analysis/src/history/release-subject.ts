// Words around the version in a release's subject ("bump main to 4.18.1", "Release/v0.22.0",
// "release v1.8.1 version", "4.2.1 release").
const RELEASE_WORD = '(?:release[ds]?|releasing|version|bump(?:ed)?|prepare|preparing|for|to|main|master)';
const RELEASE_SUBJECT = new RegExp(
  `^(?:${RELEASE_WORD}[\\s/]+)*v?\\d+(?:\\.\\d+)+(?:[-+.]?[a-z0-9.]+)?(?:\\s+${RELEASE_WORD})*$`,
  'i',
);
// What may wrap it: a conventional-commit prefix ("chore(release): v1.7.0") and the pull-request
// numbers GitHub appends ("4.2.1 release (#2125)").
const CONVENTIONAL_PREFIX = /^[a-z]+(?:\([^)]*\))?!?:\s*/i;
const TRAILING_REFERENCES = /(?:\s*\(#\d+\))+\s*$/;

/**
 * Whether a commit subject only names a version: a release, which changes the version files of
 * every package together by rule, not because their code depends on each other.
 */
export function isReleaseSubject(subject: string): boolean {
  const text = subject.trim().replace(TRAILING_REFERENCES, '').replace(CONVENTIONAL_PREFIX, '');
  return RELEASE_SUBJECT.test(text.trim());
}
