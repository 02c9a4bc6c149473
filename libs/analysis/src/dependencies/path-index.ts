/** Normalises `a/./b/../c` to `a/c`; undefined when the path climbs above the repository root. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.join('/');
}

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, relative: string): string | undefined {
  return normalizePath(dir ? `${dir}/${relative}` : relative);
}

/** `a/b/c` → [`a/b/c`, `a/b`, `a`, ``]: a directory and its ancestors up to the root. */
export function ancestorsOf(dir: string): string[] {
  const out = [dir];
  let current = dir;
  while (current !== '') {
    current = dirnameOf(current);
    out.push(current);
  }
  return out;
}

/** Lookups over the committed tree's paths. */
export class PathIndex {
  private readonly files: ReadonlySet<string>;
  private readonly byDir = new Map<string, string[]>();
  private readonly byBase = new Map<string, string[]>();
  private readonly dirs = new Set<string>();

  constructor(paths: readonly string[]) {
    const sorted = [...paths].sort();
    this.files = new Set(sorted);
    for (const path of sorted) {
      const dir = dirnameOf(path);
      const siblings = this.byDir.get(dir);
      if (siblings) siblings.push(path);
      else this.byDir.set(dir, [path]);
      const base = basenameOf(path);
      const same = this.byBase.get(base);
      if (same) same.push(path);
      else this.byBase.set(base, [path]);
      for (const ancestor of ancestorsOf(dir)) {
        if (this.dirs.has(ancestor)) break;
        this.dirs.add(ancestor);
      }
    }
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  /** Files directly inside `dir`, sorted. */
  filesIn(dir: string): readonly string[] {
    return this.byDir.get(dir) ?? [];
  }

  /** Every file with this name, sorted. */
  named(base: string): readonly string[] {
    return this.byBase.get(base) ?? [];
  }

  /** The one file whose path ends with `/suffix` (or is `suffix`); undefined when none or several. */
  uniqueBySuffix(suffix: string): string | undefined {
    const candidates = this.named(basenameOf(suffix)).filter((p) => p === suffix || p.endsWith(`/${suffix}`));
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}
