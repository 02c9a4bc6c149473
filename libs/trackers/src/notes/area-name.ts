/**
 * How notes name an area. The root area's path `.` means nothing to a reader, so it is named in
 * words — "repository root", or "shop (root)" where a note spans several repositories — and
 * renderers print such a name as text, not as a path in code.
 */
const ROOT = 'repository root';
const LABELLED_ROOT = ' (root)';

export function areaDisplayName(path: string, repositoryName?: string): string {
  if (repositoryName === undefined) return path === '.' ? ROOT : path;
  return path === '.' ? `${repositoryName}${LABELLED_ROOT}` : `${repositoryName}:${path}`;
}

export function isRootAreaName(name: string): boolean {
  return name === ROOT || name.endsWith(LABELLED_ROOT);
}
