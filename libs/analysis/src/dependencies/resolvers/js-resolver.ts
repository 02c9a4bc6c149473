import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { dirnameOf, joinPath, type PathIndex } from '../path-index';
import { pathCandidates, TsconfigReader } from './tsconfig-reader';
import {
  packageEntryCandidates,
  readWorkspacePackages,
  splitPackageSpecifier,
  type WorkspacePackage,
} from './workspace-packages';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
/** ESM-style TypeScript imports name the emitted file: `./x.js` means `./x.ts`. */
const EMITTED = /\.(m|c)?jsx?$/;

/** The file a module path names: exact, by extension, by emitted-name mapping, or as a directory index. */
export function resolveModuleFile(index: PathIndex, base: string): string | undefined {
  if (index.has(base)) return base;
  const emitted = EMITTED.exec(base);
  if (emitted) {
    const stem = base.slice(0, emitted.index);
    const flavour = emitted[1] ?? '';
    for (const ext of [`.${flavour}ts`, `.${flavour}tsx`, '.tsx', '.d.ts']) {
      if (index.has(stem + ext)) return stem + ext;
    }
  }
  for (const ext of EXTENSIONS) if (index.has(base + ext)) return base + ext;
  for (const ext of EXTENSIONS) if (index.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
  return undefined;
}

/**
 * TS/JS import resolution: relative paths, tsconfig/jsconfig `paths` and `baseUrl` (with `extends`),
 * then workspace packages by `name` (their `exports`, `main`/`types` fields, mapped back from build
 * output to committed sources). Anything else is an external npm package.
 */
export class JsResolver implements LanguageResolver {
  private readonly packages: Map<string, WorkspacePackage>;
  private readonly tsconfigs: TsconfigReader;

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
    readFile: (path: string) => string | undefined,
  ) {
    this.packages = readWorkspacePackages(paths, readFile);
    this.tsconfigs = new TsconfigReader(index, readFile, this.packages);
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const specifier = imported.specifier.split('?')[0];
    const dir = dirnameOf(from.path);
    if (specifier.startsWith('.') || specifier.startsWith('/') || imported.kind === 'reference') {
      const base = joinPath(specifier.startsWith('/') ? '' : dir, specifier);
      const file = base === undefined ? undefined : resolveModuleFile(this.index, base);
      return file ? { files: [file] } : undefined;
    }
    const mapping = this.tsconfigs.forDir(dir);
    if (mapping) {
      for (const candidate of pathCandidates(mapping, specifier)) {
        const file = resolveModuleFile(this.index, candidate);
        if (file) return { files: [file] };
      }
      if (mapping.baseUrl !== undefined) {
        const base = joinPath(mapping.baseUrl, specifier);
        const file = base === undefined ? undefined : resolveModuleFile(this.index, base);
        if (file) return { files: [file] };
      }
    }
    const { name, subpath } = splitPackageSpecifier(specifier);
    const pkg = this.packages.get(name);
    if (pkg) {
      for (const candidate of packageEntryCandidates(pkg, subpath)) {
        const file = resolveModuleFile(this.index, candidate);
        if (file) return { files: [file] };
      }
    }
    return { package: name };
  }
}
