import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';

/** The `name:` of a pubspec.yaml. */
const PUBSPEC_NAME = /^name:\s*["']?([A-Za-z_]\w*)/m;

/**
 * Dart: `package:<name>/<path>` is `lib/<path>` of the package whose pubspec.yaml names it (any
 * package of a monorepo), otherwise an external package; a relative URI is resolved against the
 * importing file; `dart:` libraries are the SDK's.
 */
export class DartResolver implements LanguageResolver {
  private readonly packageDirs = new Map<string, string>();

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
    readFile: (path: string) => string | undefined,
  ) {
    for (const path of [...paths].sort()) {
      if (basenameOf(path) !== 'pubspec.yaml') continue;
      const name = PUBSPEC_NAME.exec(readFile(path) ?? '')?.[1];
      if (name !== undefined && !this.packageDirs.has(name)) this.packageDirs.set(name, dirnameOf(path));
    }
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const uri = imported.specifier;
    if (uri.startsWith('dart:')) return { package: uri };
    const packaged = /^package:([^/]+)\/(.+)$/.exec(uri);
    if (packaged) {
      const [, name, rest] = packaged;
      const dir = this.packageDirs.get(name);
      const path = dir === undefined ? undefined : joinPath(dir, `lib/${rest}`);
      return path !== undefined && this.index.has(path) ? { files: [path] } : { package: name };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined;
    const path = joinPath(dirnameOf(from.path), uri);
    return path !== undefined && this.index.has(path) ? { files: [path] } : undefined;
  }
}
