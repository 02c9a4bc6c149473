import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { ancestorsOf, basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

/**
 * C/C++ includes: `"x.h"` from the including file's directory and its ancestors, then from include
 * directories (every `include/` directory and the repository root), then as the one file in the
 * tree ending with that path. `<x.h>` skips the including file's directory. Unfound headers are
 * external, named by their first path segment (`boost`, `stdio.h`).
 */
export class CResolver implements LanguageResolver {
  private readonly includeDirs: string[];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
  ) {
    const dirs = new Set<string>();
    for (const path of paths) {
      for (const dir of ancestorsOf(dirnameOf(path))) {
        if (basenameOf(dir) === 'include') dirs.add(dir);
      }
    }
    this.includeDirs = [...dirs].sort();
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const header = imported.specifier;
    const system = imported.kind === 'include-system';
    const dir = dirnameOf(from.path);
    const searched = system ? [...this.includeDirs, ''] : [...ancestorsOf(dir), ...this.includeDirs];
    for (const base of searched) {
      const file = joinPath(base, header);
      if (file !== undefined && file !== from.path && this.index.has(file)) return { files: [file] };
    }
    const bySuffix = header.includes('/') || !system ? this.index.uniqueBySuffix(header) : undefined;
    if (bySuffix && bySuffix !== from.path) return { files: [bySuffix] };
    return { package: header.split('/')[0] };
  }
}
