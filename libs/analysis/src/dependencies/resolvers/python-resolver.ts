import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { ancestorsOf, basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

const PROJECT_FILES = new Set(['setup.py', 'setup.cfg', 'pyproject.toml']);

/**
 * Python import resolution over source roots: the repository root, `src/`, directories holding a
 * setup.py/pyproject.toml (and their `src/`), and the parent of every top-level package (a
 * directory with `__init__.py` whose parent has none). The importing file's own directory is tried
 * last, as Python does for scripts. Relative imports climb from the importing package.
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
      } else if (base === '__init__.py') {
        const parent = dirnameOf(dir);
        if (dir !== '' && !index.has(joinPath(parent, '__init__.py')!)) roots.add(parent);
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
    if (segments.length === 0) {
      const init = joinPath(base, '__init__.py');
      return init !== undefined && this.index.has(init) ? init : undefined;
    }
    const path = joinPath(base, segments.join('/'));
    if (path === undefined) return undefined;
    for (const candidate of [`${path}.py`, `${path}/__init__.py`, `${path}.pyi`]) {
      if (this.index.has(candidate)) return candidate;
    }
    return undefined;
  }
}
