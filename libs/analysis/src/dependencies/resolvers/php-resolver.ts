import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf, dirnameOf, joinPath, type PathIndex } from '../path-index';
import { isRecord } from './json-config';

interface Psr4Prefix {
  prefix: string;
  dirs: string[];
}

function readPsr4(autoload: unknown, baseDir: string, out: Psr4Prefix[]): void {
  if (!isRecord(autoload) || !isRecord(autoload['psr-4'])) return;
  for (const [prefix, value] of Object.entries(autoload['psr-4'])) {
    const dirs = (Array.isArray(value) ? value : [value])
      .filter((d): d is string => typeof d === 'string')
      .map((d) => joinPath(baseDir, d))
      .filter((d): d is string => d !== undefined);
    out.push({ prefix: prefix.replace(/^\\+/, ''), dirs });
  }
}

/**
 * PHP: `use` names a class, found through composer.json PSR-4 prefixes (`autoload` and
 * `autoload-dev`) or, without one, as the unique file whose path ends in the namespace path.
 * `require`/`include` paths are relative to the file (`__DIR__`) or the repository root.
 */
export class PhpResolver implements LanguageResolver {
  private readonly psr4: Psr4Prefix[] = [];

  constructor(
    private readonly index: PathIndex,
    paths: readonly string[],
    readFile: (path: string) => string | undefined,
  ) {
    for (const path of paths) {
      if (basenameOf(path) !== 'composer.json' || path.includes('vendor/')) continue;
      try {
        const json: unknown = JSON.parse(readFile(path) ?? 'null');
        if (!isRecord(json)) continue;
        readPsr4(json.autoload, dirnameOf(path), this.psr4);
        readPsr4(json['autoload-dev'], dirnameOf(path), this.psr4);
      } catch {
        // A malformed composer.json only loses its prefixes.
      }
    }
    this.psr4.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    if (imported.kind === 'require') return this.resolveRequire(from, imported.specifier);
    const name = imported.specifier.replace(/^\\/, '');
    for (const { prefix, dirs } of this.psr4) {
      if (!name.startsWith(prefix)) continue;
      const relative = `${name.slice(prefix.length).split('\\').join('/')}.php`;
      for (const dir of dirs) {
        const file = joinPath(dir, relative);
        if (file !== undefined && this.index.has(file)) return { files: [file] };
      }
    }
    const bySuffix =
      this.index.uniqueBySuffix(`${name.split('\\').join('/')}.php`) ??
      this.index.uniqueBySuffix(`${name.split('\\').slice(-2).join('/')}.php`);
    if (bySuffix) return { files: [bySuffix] };
    return { package: name.split('\\').slice(0, 2).join('\\') };
  }

  private resolveRequire(from: DependencySource, specifier: string): Resolution {
    const dir = dirnameOf(from.path);
    const relative = specifier.replace(/^__DIR__\/?/, '');
    const candidates = specifier.startsWith('__DIR__')
      ? [joinPath(dir, relative)]
      : [joinPath(dir, relative), joinPath('', relative)];
    const file = candidates.find((c): c is string => c !== undefined && this.index.has(c));
    return file ? { files: [file] } : undefined;
  }
}
