import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { joinPath, type PathIndex } from '../path-index';

/** Where `require` looks in a repository: the root, Neovim plugins' `lua/`, and `src/`, `lib/`. */
const ROOTS = ['', 'lua', 'src', 'lib'];

/**
 * Lua: `require "a.b"` searches `package.path`, approximated by `a/b.lua` and `a/b/init.lua` under the
 * usual roots, then the one file anywhere whose path ends in `a/b.lua` (rockspec layouts).
 * Unfound modules are rocks, named by their first segment.
 */
export class LuaResolver implements LanguageResolver {
  constructor(private readonly index: PathIndex) {}

  resolve(_from: DependencySource, imported: ImportFacts): Resolution {
    const modulePath = imported.specifier.replace(/\./g, '/');
    for (const root of ROOTS) {
      for (const candidate of [`${modulePath}.lua`, `${modulePath}/init.lua`]) {
        const path = joinPath(root, candidate);
        if (path !== undefined && this.index.has(path)) return { files: [path] };
      }
    }
    const anywhere = this.index.uniqueBySuffix(`${modulePath}.lua`);
    if (anywhere) return { files: [anywhere] };
    return { package: imported.specifier.split('.')[0] };
  }
}
