import picomatch from 'picomatch';
import { DEFAULT_EXCLUDES } from '../analysis-options';

export interface ExclusionOptions {
  defaultExcludes: boolean;
  exclude: readonly string[];
}

/** The glob list actually applied, defaults first: recorded in the snapshot so a reader knows what was left out. */
export function exclusionGlobs(options: ExclusionOptions): string[] {
  return [...(options.defaultExcludes ? DEFAULT_EXCLUDES : []), ...options.exclude];
}

/** True for repository paths that no figure should count (vendored, generated, lock files, user globs). */
export function createExclusionFilter(options: ExclusionOptions): (path: string) => boolean {
  const globs = exclusionGlobs(options);
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}
