import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

interface Crate {
  name?: string;
  dir: string;
  src: string;
  root?: string;
}

/** Where a file sits in its crate's module tree. */
interface ModuleLocation {
  /** Directory that module paths of this crate start from. */
  src: string;
  /** Module path of the file (`[]` for the crate root). */
  path: string[];
  /** Directory where this file's own `mod x;` children live. */
  childDir: string;
}

function crateName(cargoToml: string): string | undefined {
  const section = /^\s*\[package\][^[]*/m.exec(cargoToml)?.[0];
  const name = section ? /^\s*name\s*=\s*"([^"]+)"/m.exec(section)?.[1] : undefined;
  return name?.replace(/-/g, '_');
}

/**
 * Rust: `mod x;` loads `x.rs` or `x/mod.rs` beside (or under) the declaring file; `use` paths start
 * at `crate`, `self`, `super` or a crate of the workspace (Cargo.toml `[package] name`) and resolve
 * to the deepest module file that exists. Other first segments are external crates.
 */
export class RustResolver implements LanguageResolver {
  private readonly crates: Crate[] = [];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
    readFile: (path: string) => string | undefined,
  ) {
    for (const path of paths) {
      if (basenameOf(path) !== 'Cargo.toml') continue;
      const dir = dirnameOf(path);
      const src = joinPath(dir, 'src')!;
      const root = [joinPath(src, 'lib.rs')!, joinPath(src, 'main.rs')!].find((p) => index.has(p));
      this.crates.push({ name: crateName(readFile(path) ?? ''), dir, src, root });
    }
    this.crates.sort((a, b) => b.dir.length - a.dir.length);
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const location = this.locate(from.path);
    if (imported.kind === 'mod') {
      const file = this.moduleFile(location.childDir, [imported.specifier]);
      return file ? { files: [file] } : undefined;
    }
    const segments = imported.specifier.split('::').filter((s) => s !== '' && s !== '*' && s !== 'self');
    if (imported.specifier.startsWith('self::')) segments.unshift('self');
    const [first, ...rest] = segments;
    let base: { src: string; path: string[] } | undefined;
    if (first === 'crate') base = { src: location.src, path: [] };
    else if (first === 'self') base = { src: location.src, path: location.path };
    else if (first === 'super') {
      let path = location.path;
      let tail = rest;
      path = path.slice(0, -1);
      while (tail[0] === 'super') {
        path = path.slice(0, -1);
        tail = tail.slice(1);
      }
      return this.deepest(from.path, location.src, path, tail);
    } else {
      const crate = this.crates.find((c) => c.name === first);
      if (crate) base = { src: crate.src, path: [] };
    }
    if (base) return this.deepest(from.path, base.src, base.path, rest);
    // 2015-style paths and local modules: `use model::Item` from the crate root.
    const local = this.deepest(from.path, location.src, [], segments, false);
    if (local) return local;
    return first ? { package: first } : undefined;
  }

  private deepest(
    fromPath: string,
    src: string,
    base: string[],
    rest: string[],
    includeBase = true,
  ): Resolution {
    for (let size = rest.length; size >= (includeBase ? 0 : 1); size--) {
      const file = this.moduleFile(src, [...base, ...rest.slice(0, size)]);
      if (file) return file === fromPath ? undefined : { files: [file] };
    }
    return undefined;
  }

  private moduleFile(dir: string, path: readonly string[]): string | undefined {
    if (path.length === 0) {
      const crate = this.crates.find((c) => c.src === dir);
      if (crate?.root) return crate.root;
      return [joinPath(dir, 'lib.rs')!, joinPath(dir, 'main.rs')!].find((p) => this.index.has(p));
    }
    const base = joinPath(dir, path.join('/'));
    if (base === undefined) return undefined;
    return [`${base}.rs`, `${base}/mod.rs`].find((p) => this.index.has(p));
  }

  private locate(path: string): ModuleLocation {
    const crate = this.crates.find((c) => path.startsWith(`${c.src}/`));
    const dir = dirnameOf(path);
    const base = basenameOf(path);
    const isModRoot = base === 'mod.rs' || base === 'lib.rs' || base === 'main.rs';
    if (!crate) return { src: dir, path: [], childDir: dir };
    const relative = path
      .slice(crate.src.length + 1)
      .replace(/\.rs$/, '')
      .split('/');
    if (isModRoot) relative.pop();
    const isCrateRoot = relative.length === 0;
    return {
      src: crate.src,
      path: relative,
      childDir: isModRoot || isCrateRoot ? dir : joinPath(dir, base.replace(/\.rs$/, ''))!,
    };
  }
}
