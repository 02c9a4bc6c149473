import type { DependencySource } from '../dependency-types';

/** The sources in path order, so that every group lists its files in the same order on every run. */
export function sortedByPath(sources: readonly DependencySource[]): DependencySource[] {
  return [...sources].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Adds `path` to the files grouped under `key` (a package, namespace or module), once. */
export function addFile(groups: Map<string, string[]>, key: string, path: string): void {
  const files = groups.get(key);
  if (!files) groups.set(key, [path]);
  else if (!files.includes(path)) files.push(path);
}
