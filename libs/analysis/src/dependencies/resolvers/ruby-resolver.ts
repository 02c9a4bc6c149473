import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

/**
 * Ruby: `require_relative` is relative to the requiring file; `require 'a/b'` searches the load
 * path, approximated by every `lib/` directory, `app/` and the repository root. Unfound requires
 * are gems, named by their first path segment.
 */
export class RubyResolver implements LanguageResolver {
  private readonly loadPath: string[];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
  ) {
    const dirs = new Set<string>(['lib', 'app', '']);
    for (const path of paths) {
      const dir = dirnameOf(path);
      if (basenameOf(dir) === 'lib') dirs.add(dir);
    }
    this.loadPath = [...dirs]
      .filter((d) => d === '' || index.isDir(d))
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const specifier = imported.specifier;
    if (imported.kind === 'require-relative') {
      const file = this.rubyFile(dirnameOf(from.path), specifier);
      return file ? { files: [file] } : undefined;
    }
    if (specifier.startsWith('.')) {
      const file = this.rubyFile(dirnameOf(from.path), specifier);
      return file ? { files: [file] } : undefined;
    }
    for (const dir of this.loadPath) {
      const file = this.rubyFile(dir, specifier);
      if (file) return { files: [file] };
    }
    return { package: specifier.split('/')[0] };
  }

  private rubyFile(dir: string, specifier: string): string | undefined {
    const base = joinPath(dir, specifier);
    if (base === undefined) return undefined;
    return [base, `${base}.rb`].find((p) => p.endsWith('.rb') && this.index.has(p));
  }
}
