/**
 * `git check-ref-format --branch` in TypeScript, so a branch name can be judged without running
 * git: the rules of git-check-ref-format(1) for a one-level-or-more name, plus the two that
 * `--branch` adds (no leading "-", not "HEAD"). The leading-dash rule also keeps the name from
 * ever being read as an option when the worker passes it to git.
 */

const MAX_LENGTH = 255;
/** Rule 4, 5 and 10: control characters, space, ~ ^ : ? * [ and backslash. */
const FORBIDDEN = /[\p{Cc} ~^:?*[\\]/u;

/** Returns what is wrong with the branch name and how to fix it, or null when git would accept it. */
export function checkBranchName(name: string): string | null {
  if (name === '') return 'give a branch name such as main';
  if (name.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
  if (name.startsWith('-')) return 'must not start with "-"';
  if (name === 'HEAD')
    return 'HEAD is not a branch name; leave the field out to follow the remote default branch';
  if (name === '@') return 'must not be the single character "@"';
  if (FORBIDDEN.test(name)) return 'must not contain spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'must not contain ".."';
  if (name.includes('@{')) return 'must not contain "@{"';
  if (name.startsWith('/') || name.endsWith('/')) return 'must not begin or end with "/"';
  if (name.includes('//')) return 'must not contain "//"';
  if (name.endsWith('.')) return 'must not end with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return 'no "/"-separated part may begin with "."';
    if (component.endsWith('.lock')) return 'no "/"-separated part may end with ".lock"';
  }
  return null;
}
