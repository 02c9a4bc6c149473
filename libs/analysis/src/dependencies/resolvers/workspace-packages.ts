import { dirnameOf, joinPath } from '../path-index';
import { isRecord, parseJsonWithComments } from './json-config';

export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

/** Splits `@scope/pkg/sub/path` into the package name and the subpath (`sub/path`, or ``). */
export function splitPackageSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, size).join('/'), subpath: parts.slice(size).join('/') };
}

/** Every package.json with a `name` in the tree, outside node_modules; the shallowest wins a name clash. */
export function readWorkspacePackages(
  paths: readonly string[],
  readFile: (path: string) => string | undefined,
): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  const manifests = paths
    .filter((p) => (p === 'package.json' || p.endsWith('/package.json')) && !p.includes('node_modules/'))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  for (const path of manifests) {
    const manifest = parseJsonWithComments(path, readFile(path));
    const name = manifest?.name;
    if (!manifest || typeof name !== 'string' || packages.has(name)) continue;
    packages.set(name, { name, dir: dirnameOf(path), manifest });
  }
  return packages;
}

/** Strings an `exports` target can resolve to, in the order written (conditions included). */
function targetsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) targetsOf(item, out);
  else if (isRecord(value)) for (const item of Object.values(value)) targetsOf(item, out);
  return out;
}

/** Candidate targets for a subpath (`.` or `./x`) of a package.json `exports` field. */
export function exportTargets(exportsField: unknown, subpath: string): string[] {
  const key = subpath === '' ? '.' : `./${subpath}`;
  if (typeof exportsField === 'string' || Array.isArray(exportsField))
    return key === '.' ? targetsOf(exportsField) : [];
  if (!isRecord(exportsField)) return [];
  const keys = Object.keys(exportsField);
  if (!keys.some((k) => k.startsWith('.'))) return key === '.' ? targetsOf(exportsField) : [];
  if (key in exportsField) return targetsOf(exportsField[key]);
  // Subpath patterns: the longest matching prefix wins, as Node resolves them.
  let best: { prefix: string; suffix: string; value: unknown } | undefined;
  for (const pattern of keys) {
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length) {
      if (!best || prefix.length > best.prefix.length)
        best = { prefix, suffix, value: exportsField[pattern] };
    }
  }
  if (!best) return [];
  const match = key.slice(best.prefix.length, key.length - best.suffix.length);
  return targetsOf(best.value).map((t) => t.split('*').join(match));
}

const BUILD_DIRS = /^(dist|lib|build|out|esm|cjs|types|typings)(\/(esm|cjs|types|src))?\//;

/**
 * Maps a published file (`./dist/index.js`, `./lib/esm/x.d.ts`) back to the committed source that
 * builds it (`src/index.ts`), since build output is rarely committed.
 */
export function sourceCandidates(pkg: WorkspacePackage, target: string): string[] {
  const relative = target.replace(/^\.\//, '');
  const out: string[] = [];
  const direct = joinPath(pkg.dir, relative);
  if (direct !== undefined) out.push(direct);
  // Packages that publish from a build directory name their entry after the build layout
  // (`./index.js` at the package root of the published copy): try the source tree too.
  const stripped = relative.replace(BUILD_DIRS, '').replace(/\.d\.[cm]?ts$|\.[cm]?js$/, '');
  for (const candidate of [`src/${stripped}`, stripped]) {
    const path = joinPath(pkg.dir, candidate);
    if (path !== undefined && !out.includes(path)) out.push(path);
  }
  return out;
}

/** Candidate files for `name/subpath` inside a workspace package, most specific first. */
export function packageEntryCandidates(pkg: WorkspacePackage, subpath: string): string[] {
  const out: string[] = [];
  const manifest = pkg.manifest;
  if (manifest.exports !== undefined) {
    for (const target of exportTargets(manifest.exports, subpath)) out.push(...sourceCandidates(pkg, target));
  }
  if (subpath === '') {
    for (const field of ['source', 'types', 'typings', 'module', 'main']) {
      const value = manifest[field];
      if (typeof value === 'string') out.push(...sourceCandidates(pkg, value));
    }
    for (const fallback of ['src/index', 'index']) {
      const path = joinPath(pkg.dir, fallback);
      if (path !== undefined) out.push(path);
    }
  } else {
    for (const base of [subpath, `src/${subpath}`]) {
      const path = joinPath(pkg.dir, base);
      if (path !== undefined) out.push(path);
    }
  }
  return out;
}
