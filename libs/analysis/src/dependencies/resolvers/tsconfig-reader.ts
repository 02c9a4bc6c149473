import { ancestorsOf, dirnameOf, joinPath, type PathIndex } from '../path-index';
import { isRecord, parseJsonWithComments } from './json-config';
import { splitPackageSpecifier, type WorkspacePackage } from './workspace-packages';

/** The module-resolution settings a tsconfig.json/jsconfig.json gives the files under it. */
export interface PathMapping {
  /** Directory `baseUrl` points at, if set. */
  baseUrl?: string;
  /** `paths` patterns and substitutions, substitutions already made repository-relative. */
  paths: { pattern: string; prefix: string; suffix: string; targets: string[] }[];
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 16;

/**
 * Reads the tsconfig.json (or jsconfig.json) nearest to each file, following `extends` chains
 * (relative paths and workspace packages; configs from node_modules are not in the tree).
 */
export class TsconfigReader {
  private readonly byDir = new Map<string, PathMapping | undefined>();
  private readonly byConfig = new Map<string, PathMapping>();

  constructor(
    private readonly index: PathIndex,
    private readonly readFile: (path: string) => string | undefined,
    private readonly packages: ReadonlyMap<string, WorkspacePackage>,
  ) {}

  /** The mapping that governs files in `dir`, if any config applies. */
  forDir(dir: string): PathMapping | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: PathMapping | undefined;
    for (const ancestor of ancestorsOf(dir)) {
      if (this.byDir.has(ancestor)) {
        found = this.byDir.get(ancestor);
        break;
      }
      const config = CONFIG_NAMES.map((name) => joinPath(ancestor, name)!).find((path) =>
        this.index.has(path),
      );
      if (config) {
        found = this.load(config);
        break;
      }
    }
    this.byDir.set(dir, found);
    return found;
  }

  private load(configPath: string): PathMapping {
    const cached = this.byConfig.get(configPath);
    if (cached) return cached;
    // Walk the chain from the config to its most basic ancestor; nearer configs override.
    const chain: { path: string; options: Record<string, unknown> }[] = [];
    const seen = new Set<string>();
    let current: string | undefined = configPath;
    while (current && !seen.has(current) && chain.length < MAX_EXTENDS) {
      seen.add(current);
      const json = parseJsonWithComments(current, this.readFile(current));
      if (!json) break;
      chain.push({ path: current, options: isRecord(json.compilerOptions) ? json.compilerOptions : {} });
      const parent: unknown = Array.isArray(json.extends)
        ? json.extends[json.extends.length - 1]
        : json.extends;
      current = typeof parent === 'string' ? this.resolveExtends(dirnameOf(current), parent) : undefined;
    }
    let baseUrl: string | undefined;
    let paths: Record<string, unknown> | undefined;
    let pathsBase = dirnameOf(configPath);
    for (const { path, options } of chain.reverse()) {
      if (typeof options.baseUrl === 'string') baseUrl = joinPath(dirnameOf(path), options.baseUrl);
      if (isRecord(options.paths)) {
        paths = options.paths;
        pathsBase = dirnameOf(path);
      }
    }
    const base = baseUrl ?? pathsBase;
    const mapping: PathMapping = { baseUrl, paths: [] };
    for (const [pattern, value] of Object.entries(paths ?? {})) {
      if (!Array.isArray(value)) continue;
      const star = pattern.indexOf('*');
      const targets = value
        .filter((t): t is string => typeof t === 'string')
        .map((t) => joinPath(base, t))
        .filter((t): t is string => t !== undefined);
      mapping.paths.push({
        pattern,
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? '' : pattern.slice(star + 1),
        targets,
      });
    }
    this.byConfig.set(configPath, mapping);
    return mapping;
  }

  private resolveExtends(dir: string, specifier: string): string | undefined {
    const withJson = (p: string) => (p.endsWith('.json') ? p : `${p}.json`);
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const path = joinPath(dir, specifier.replace(/^\//, ''));
      if (path === undefined) return undefined;
      return [withJson(path), `${path}/tsconfig.json`].find((p) => this.index.has(p));
    }
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = this.packages.get(name);
    if (!pkg) return undefined;
    const path = joinPath(pkg.dir, subpath || 'tsconfig.json');
    if (path === undefined) return undefined;
    return [withJson(path), `${path}/tsconfig.json`].find((p) => this.index.has(p));
  }
}

/** Substituted candidates for a specifier under `paths`: TypeScript picks the longest matching prefix. */
export function pathCandidates(mapping: PathMapping, specifier: string): string[] {
  let best: PathMapping['paths'][number] | undefined;
  let captured = '';
  for (const entry of mapping.paths) {
    const exact = entry.pattern === specifier;
    const wildcard =
      entry.pattern.includes('*') &&
      specifier.startsWith(entry.prefix) &&
      specifier.endsWith(entry.suffix) &&
      specifier.length >= entry.prefix.length + entry.suffix.length;
    if (!exact && !wildcard) continue;
    if (exact) {
      best = entry;
      captured = '';
      break;
    }
    if (!best || entry.prefix.length > best.prefix.length) {
      best = entry;
      captured = specifier.slice(entry.prefix.length, specifier.length - entry.suffix.length);
    }
  }
  if (!best) return [];
  return best.targets.map((t) => t.split('*').join(captured));
}
