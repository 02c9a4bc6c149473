import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { ancestorsOf, basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

const PROJECT_FILES = new Set(['setup.py', 'setup.cfg', 'pyproject.toml']);
// A package is a directory with an `__init__.py`, or an `__init__.pyi` in a tree of type stubs.
const PACKAGE_INITS = ['__init__.py', '__init__.pyi'];

/**
 * Python import resolution over source roots: the repository root, `src/`, directories holding a
 * setup.py/pyproject.toml (and their `src/`), and the parent of every top-level package (a
 * directory with `__init__.py` whose parent has none). The importing file's own directory is tried
 * last, as Python does for scripts. Relative imports climb from the importing package. A module is
 * its source file or, failing that, its type stub (`.pyi`).
 */
export class PythonResolver implements LanguageResolver {
  private readonly roots: string[];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
  ) {
    const roots = new Set<string>(['', 'src']);
    for (const path of paths) {
      const base = basenameOf(path);
      const dir = dirnameOf(path);
      if (PROJECT_FILES.has(base)) {
        roots.add(dir);
        roots.add(joinPath(dir, 'src')!);
      } else if (PACKAGE_INITS.includes(base)) {
        const parent = dirnameOf(dir);
        const parentIsPackage = PACKAGE_INITS.some((init) => index.has(joinPath(parent, init)!));
        if (dir !== '' && !parentIsPackage) roots.add(parent);
      }
    }
    this.roots = [...roots].filter((r) => r === '' || index.isDir(r)).sort();
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const specifier = imported.specifier;
    const dots = /^\.*/.exec(specifier)![0].length;
    const modulePath = specifier.slice(dots);
    const segments = modulePath === '' ? [] : modulePath.split('.');
    let bases: string[];
    if (dots > 0) {
      let base = dirnameOf(from.path);
      for (let i = 1; i < dots; i++) base = dirnameOf(base);
      bases = [base];
    } else {
      const own = dirnameOf(from.path);
      const enclosing = new Set(ancestorsOf(own));
      // Roots that contain the importing file come first, deepest first.
      const ordered = [...this.roots].sort(
        (a, b) => Number(enclosing.has(b)) - Number(enclosing.has(a)) || b.length - a.length,
      );
      bases = [...ordered, own];
    }
    const names = imported.names ?? [];
    for (const base of bases) {
      const module = this.moduleFile(base, segments);
      const submodules = names
        .map((name) => this.moduleFile(base, [...segments, name]))
        .filter((f): f is string => f !== undefined);
      if (submodules.length > 0) {
        // `from pkg import a, b`: a name that is not a submodule comes from pkg itself.
        const all = names.length > submodules.length && module ? [...submodules, module] : submodules;
        return { files: [...new Set(all)] };
      }
      if (module) return { files: [module] };
    }
    if (dots > 0 || segments.length === 0) return undefined;
    return { package: segments[0] };
  }

  private moduleFile(base: string, segments: readonly string[]): string | undefined {
    const path = segments.length === 0 ? base : joinPath(base, segments.join('/'));
    if (path === undefined) return undefined;
    const inits = PACKAGE_INITS.map((init) => joinPath(path, init)!);
    const candidates = segments.length === 0 ? inits : [`${path}.py`, inits[0], `${path}.pyi`, inits[1]];
    return candidates.find((candidate) => this.index.has(candidate));
  }
}
