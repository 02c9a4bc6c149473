import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf, dirnameOf } from '../path-index';
import { addFile, sortedByPath } from './file-groups';

/** Conventional source roots, most specific first, for files whose package was not recorded. */
const SOURCE_ROOTS =
  /(?:^|\/)(?:src\/(?:main|test|androidTest|testFixtures|integrationTest)\/(?:java|kotlin|scala)|src|java|kotlin|scala)\//;

function stem(path: string): string {
  const base = basenameOf(path);
  return base.slice(0, base.lastIndexOf('.'));
}

/** The package a JVM source declares, or one inferred from a conventional source root. */
function packageOf(source: DependencySource): string | undefined {
  if (source.packageName !== undefined) return source.packageName;
  const match = SOURCE_ROOTS.exec(source.path);
  if (!match) return undefined;
  return dirnameOf(source.path.slice(match.index + match[0].length))
    .split('/')
    .filter(Boolean)
    .join('.');
}

/** `org.acme.Foo.Bar` → `org.acme`: the segments before the first capitalised one (a class). */
export function javaPackagePrefix(name: string): string {
  const segments = name.replace(/\.\*$/, '').split('.');
  const firstClass = segments.findIndex((s) => /^[A-Z]/.test(s));
  if (firstClass > 0) return segments.slice(0, firstClass).join('.');
  if (firstClass === 0 || segments.length === 1 || name.endsWith('.*')) return segments.join('.');
  return segments.slice(0, -1).join('.');
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Of several files with the same qualified name (multi-module builds), the one nearest the importer. */
function nearest(files: readonly string[], from: string): string {
  return files.reduce((best, f) => (commonPrefixLength(f, from) > commonPrefixLength(best, from) ? f : best));
}

/**
 * Java, Kotlin and Scala import resolution by fully qualified name: a file declares `package p` and
 * is named after its class (`p.Name`); Kotlin and Scala top-level functions and classes are also
 * found by the names the file declares. Wildcard imports depend on every file of the package.
 */
export class JvmResolver implements LanguageResolver {
  private readonly classes = new Map<string, string[]>();
  private readonly declared = new Map<string, string[]>();
  private readonly packages = new Map<string, string[]>();

  constructor(sources: readonly DependencySource[]) {
    for (const source of sortedByPath(sources)) {
      if (source.language !== 'java' && source.language !== 'kotlin' && source.language !== 'scala') continue;
      const pkg = packageOf(source);
      if (pkg === undefined) continue;
      const qualify = (name: string) => (pkg ? `${pkg}.${name}` : name);
      addFile(this.classes, qualify(stem(source.path)), source.path);
      addFile(this.packages, pkg, source.path);
      // Kotlin and Scala files hold top-level functions and several classes.
      if (source.language !== 'java')
        for (const symbol of source.symbols ?? []) addFile(this.declared, qualify(symbol), source.path);
    }
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const name = imported.specifier;
    if (name.endsWith('.*')) {
      const target = name.slice(0, -2);
      const files = this.classes.get(target) ?? this.packages.get(target);
      const others = files?.filter((f) => f !== from.path);
      return others && others.length > 0 ? { files: others } : { package: javaPackagePrefix(name) };
    }
    const segments = name.split('.');
    // `a.b.Outer.Inner` and static `a.b.Type.member` resolve to the file of their outermost class.
    for (let size = segments.length; size >= 2; size--) {
      const files = this.classes.get(segments.slice(0, size).join('.'));
      if (files) return { files: [nearest(files, from.path)] };
    }
    const declaring = this.declared.get(name);
    if (declaring && declaring.length === 1) return { files: declaring };
    return { package: javaPackagePrefix(name) };
  }
}
