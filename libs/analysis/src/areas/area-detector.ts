import picomatch from 'picomatch';
import type { AreaRule } from '../analysis-options';
import { isMatchablePath, isSourcePath, isTestPath } from '../tree/file-kinds';

export interface AreaDefinition {
  /** Directory of the area (`.` for the repository root), or the rule name for rule areas. */
  path: string;
  name: string;
  kind: 'rule' | 'package' | 'directory';
}

export interface AreaInputFile {
  path: string;
  loc: number;
}

export interface AreaLayout {
  areas: AreaDefinition[];
  /** Area index per input file. */
  fileArea: Int32Array;
}

const MANIFEST =
  /^(package\.json|composer\.json|go\.mod|pom\.xml|build\.gradle(\.kts)?|pyproject\.toml|Cargo\.toml|pubspec\.yaml|mix\.exs|Package\.swift|[^/]+\.(csproj|gemspec))$/;

/** The share of a repository's code lines one area may hold before it is split regardless of size. */
const DOMINANT_SHARE = 0.9;

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The name a manifest gives its package, when it gives one. */
export function packageName(manifestPath: string, text: string | undefined): string | undefined {
  const base = baseOf(manifestPath);
  // A project or gem is named by its file (`Api.csproj`, `activerecord.gemspec`).
  const named = /^(.+)\.(csproj|gemspec)$/.exec(base);
  if (named) return named[1];
  if (text === undefined) return undefined;
  try {
    if (base === 'package.json' || base === 'composer.json') {
      const parsed: unknown = JSON.parse(text);
      const name =
        typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).name : undefined;
      return typeof name === 'string' && name !== '' ? name : undefined;
    }
  } catch {
    return undefined;
  }
  if (base === 'go.mod') return /^module\s+(\S+)/m.exec(text)?.[1];
  if (base === 'pubspec.yaml') return /^name:\s*["']?([A-Za-z_]\w*)/m.exec(text)?.[1];
  if (base === 'mix.exs') return /\bapp:\s*:(\w+)/.exec(text)?.[1];
  if (base === 'Package.swift') return /Package\s*\(\s*name:\s*"([^"]+)"/.exec(text)?.[1];
  if (base === 'Cargo.toml' || base === 'pyproject.toml') {
    return /^\[(?:package|project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"']+)["']/ms.exec(text)?.[1];
  }
  if (base === 'pom.xml')
    return /<artifactId>([^<]+)<\/artifactId>/.exec(text.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1];
  return undefined;
}

/**
 * Code areas, in order of precedence: path rules (first matching glob wins), then package
 * boundaries (the deepest directory holding a manifest), then directories inside a package,
 * split while a directory holds more code than one person can reason about at once.
 */
export function detectAreas(
  files: readonly AreaInputFile[],
  manifests: ReadonlyMap<string, string | undefined>,
  options: { areaRules: readonly AreaRule[]; maxAreaLoc: number; maxAreaFiles: number; minAreaLoc: number },
): AreaLayout {
  const fileArea = new Int32Array(files.length).fill(-1);
  const areas: AreaDefinition[] = [];
  const areaIndex = new Map<string, number>();
  const areaFor = (key: string, def: AreaDefinition): number => {
    let index = areaIndex.get(key);
    if (index === undefined) {
      index = areas.length;
      areas.push(def);
      areaIndex.set(key, index);
    }
    return index;
  };

  const rules = options.areaRules.map((rule) => ({ rule, match: picomatch(rule.glob, { dot: true }) }));
  const packageRoots = new Map<string, string>();
  for (const path of manifests.keys()) {
    if (!MANIFEST.test(baseOf(path))) continue;
    const dir = dirOf(path);
    // Sample projects under a test folder (maven's 1,500 `src/test/resources/mng-*/pom.xml`) are
    // test data, not packages; a package that is itself named `testing` still is one.
    if (dir !== '' && isTestPath(`${dirOf(dir)}/`)) continue;
    const name = packageName(path, manifests.get(path));
    if (!packageRoots.has(dir) || name !== undefined) packageRoots.set(dir, name ?? (dir === '' ? '.' : dir));
  }
  const rootOf = (path: string): string => {
    for (let dir = dirOf(path); ; dir = dirOf(dir)) {
      if (packageRoots.has(dir)) return dir;
      if (dir === '') return '';
    }
  };
  // A manifest with no code of its own beside it (guzzle's `vendor-bin/phpstan/composer.json`,
  // which only pins a tool) is no code area: its files go to the package around it.
  const holdsCode = new Set(
    files.filter((file) => file.loc > 0 && isSourcePath(file.path)).map((file) => rootOf(file.path)),
  );
  for (const dir of [...packageRoots.keys()]) if (dir !== '' && !holdsCode.has(dir)) packageRoots.delete(dir);

  // Files left for directory splitting, grouped by their package root.
  const byRoot = new Map<string, number[]>();
  files.forEach((file, i) => {
    const rule = rules.find((r) => r.match(file.path));
    if (rule) {
      fileArea[i] = areaFor(`rule:${rule.rule.name}`, {
        path: rule.rule.name,
        name: rule.rule.name,
        kind: 'rule',
      });
      return;
    }
    const root = rootOf(file.path);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  });

  const lines = (members: readonly number[]): number => members.reduce((sum, i) => sum + files[i].loc, 0);
  // The members directly in `dir`, and the rest grouped by the sub-directory that holds them.
  const childrenOf = (dir: string, members: readonly number[]) => {
    const own: number[] = [];
    const children = new Map<string, number[]>();
    for (const i of members) {
      const rest = dir === '' ? files[i].path : files[i].path.slice(dir.length + 1);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        own.push(i);
        continue;
      }
      const child = dir === '' ? rest.slice(0, slash) : `${dir}/${rest.slice(0, slash)}`;
      const group = children.get(child);
      if (group) group.push(i);
      else children.set(child, [i]);
    }
    return { own, children };
  };
  const split = (dir: string, members: number[], root: string): void => {
    const loc = lines(members);
    const { own, children } = childrenOf(dir, members);
    // A folder that only holds one folder (`src/` around `src/flask/`) is named by what it holds;
    // a package root keeps its package's name.
    if (dir !== root && own.length === 0 && children.size === 1) {
      split([...children.keys()][0], members, root);
      return;
    }
    const small = loc <= options.maxAreaLoc && members.length <= options.maxAreaFiles;
    if (small || children.size === 0) {
      assign(dir, members, root);
      return;
    }
    // Children too small to stand alone stay with their parent: a directory of hundreds of tiny
    // fixtures is one area, not hundreds.
    const big: [string, number[]][] = [];
    for (const [child, group] of children) {
      if (lines(group) < options.minAreaLoc) own.push(...group);
      else big.push([child, group]);
    }
    if (own.length > 0) assign(dir, own, root);
    for (const [child, group] of big) split(child, group, root);
  };
  const assign = (dir: string, members: number[], root: string): void => {
    const path = dir === '' ? '.' : dir;
    const isPackage = dir === root && packageRoots.has(root);
    const name = isPackage ? (packageRoots.get(root) ?? path) : path;
    const index = areaFor(`dir:${path}`, { path, name, kind: isPackage ? 'package' : 'directory' });
    for (const i of members) fileArea[i] = index;
  };
  for (const [root, members] of byRoot) split(root, members, root);

  // A small repository is one area by the limits above, and one area tells a planner nothing
  // (every ticket "touches the repository root") and leaves no areas to couple or import each
  // other. While one area holds nearly all the code (a config script or two elsewhere aside), it
  // is split into the sub-directories holding at least a tenth of its code lines; the rest stays.
  const codeLoc = (i: number): number => (isMatchablePath(files[i].path) ? files[i].loc : 0);
  while (files.length > 0) {
    const byArea = new Map<number, number>();
    let total = 0;
    files.forEach((_, i) => {
      byArea.set(fileArea[i], (byArea.get(fileArea[i]) ?? 0) + codeLoc(i));
      total += codeLoc(i);
    });
    const [area, code] = [...byArea].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    if (code < options.minAreaLoc || code < DOMINANT_SHARE * total) break;
    const { path, kind } = areas[area];
    if (kind === 'rule') break;
    const dir = path === '.' ? '' : path;
    const members = files.map((_, i) => i).filter((i) => fileArea[i] === area);
    const standAlone = [...childrenOf(dir, members).children].filter(
      ([, group]) => lines(group) >= code / 10,
    );
    if (standAlone.length === 0) break;
    for (const [child, group] of standAlone) assign(child, group, dir);
  }

  // Stable output order: by path, rules and directories alike; an area split away entirely is gone.
  const used = new Set(fileArea);
  const order = areas
    .map((_, i) => i)
    .filter((i) => used.has(i))
    .sort((x, y) => (areas[x].path < areas[y].path ? -1 : areas[x].path > areas[y].path ? 1 : x - y));
  const renumber = new Int32Array(areas.length).fill(-1);
  order.forEach((old, i) => (renumber[old] = i));
  for (let i = 0; i < fileArea.length; i++) fileArea[i] = renumber[fileArea[i]];
  return { areas: order.map((i) => areas[i]), fileArea };
}
