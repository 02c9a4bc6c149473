import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { ancestorsOf, basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

interface GoModule {
  path: string;
  dir: string;
  requires: string[];
}

/** `module x` and the `require` lines (single and block form) of a go.mod. */
export function parseGoMod(text: string): { module?: string; requires: string[] } {
  const requires: string[] = [];
  let module: string | undefined;
  let inBlock = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else requires.push(line.split(/\s+/)[0]);
      continue;
    }
    const moduleMatch = /^module\s+"?([^\s"]+)"?/.exec(line);
    if (moduleMatch) module = moduleMatch[1];
    if (/^require\s*\($/.test(line)) inBlock = true;
    const single = /^require\s+([^\s(]+)/.exec(line);
    if (single) requires.push(single[1]);
  }
  return { module, requires };
}

function withinModule(importPath: string, modulePath: string): boolean {
  return importPath === modulePath || importPath.startsWith(`${modulePath}/`);
}

/**
 * Go import resolution: an import path inside a module of the repository (by go.mod `module`)
 * names a package directory, and the importing file depends on that package's non-test files.
 * Other imports are external: the required module they belong to, or the standard library path.
 */
export class GoResolver implements LanguageResolver {
  private readonly modules: GoModule[] = [];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
    readFile: (path: string) => string | undefined,
  ) {
    for (const path of paths) {
      if (basenameOf(path) !== 'go.mod') continue;
      const text = readFile(path);
      if (text === undefined) continue;
      const parsed = parseGoMod(text);
      if (parsed.module)
        this.modules.push({ path: parsed.module, dir: dirnameOf(path), requires: parsed.requires });
    }
    this.modules.sort((a, b) => b.path.length - a.path.length || (a.dir < b.dir ? -1 : 1));
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const importPath = imported.specifier;
    const local = this.modules.find((m) => withinModule(importPath, m.path));
    if (local) {
      const dir = joinPath(local.dir, importPath.slice(local.path.length).replace(/^\//, ''));
      if (dir === undefined) return undefined;
      const files = this.index
        .filesIn(dir)
        .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && f !== from.path);
      return files.length > 0 ? { files } : undefined;
    }
    return { package: this.externalModule(from.path, importPath) };
  }

  private externalModule(fromPath: string, importPath: string): string {
    const owner = this.ownerModule(fromPath);
    const required = (owner?.requires ?? [])
      .filter((r) => withinModule(importPath, r))
      .sort((a, b) => b.length - a.length)[0];
    if (required) return required;
    const first = importPath.split('/')[0];
    // Standard library paths have no dot in their first element.
    if (!first.includes('.')) return importPath;
    return importPath.split('/').slice(0, 3).join('/');
  }

  private ownerModule(fromPath: string): GoModule | undefined {
    const dirs = new Set(ancestorsOf(dirnameOf(fromPath)));
    return this.modules.filter((m) => dirs.has(m.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
  }
}
