import type { Language } from '../source/source-facts';
import type {
  DependencyEdge,
  DependencyGraph,
  DependencyInput,
  ExternalDependency,
  LanguageResolver,
} from './dependency-types';
import { PathIndex } from './path-index';
import { CResolver } from './resolvers/c-resolver';
import { CsharpResolver } from './resolvers/csharp-resolver';
import { DartResolver } from './resolvers/dart-resolver';
import { ElixirResolver } from './resolvers/elixir-resolver';
import { GoResolver } from './resolvers/go-resolver';
import { JsResolver } from './resolvers/js-resolver';
import { JvmResolver } from './resolvers/jvm-resolver';
import { LuaResolver } from './resolvers/lua-resolver';
import { PhpResolver } from './resolvers/php-resolver';
import { PythonResolver } from './resolvers/python-resolver';
import { RubyResolver } from './resolvers/ruby-resolver';
import { RustResolver } from './resolvers/rust-resolver';
import { SwiftResolver } from './resolvers/swift-resolver';

type ResolverFamily =
  | 'js'
  | 'python'
  | 'go'
  | 'jvm'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'c'
  | 'swift'
  | 'elixir'
  | 'lua'
  | 'dart';

const FAMILY: Record<Language, ResolverFamily> = {
  typescript: 'js',
  javascript: 'js',
  python: 'python',
  go: 'go',
  java: 'jvm',
  kotlin: 'jvm',
  scala: 'jvm',
  swift: 'swift',
  elixir: 'elixir',
  lua: 'lua',
  dart: 'dart',
  csharp: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
  c: 'c',
  objc: 'c',
  cpp: 'c',
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Resolves every file's imports to files of the same tree (edges) or to external packages.
 * Resolvers for a language are only built when the tree has files of that language, and each
 * reads the configuration it needs (tsconfig, package.json, go.mod, composer.json, Cargo.toml)
 * through `readFile`. The output is sorted and free of duplicates, so equal trees give equal graphs.
 */
export function resolveDependencies(input: DependencyInput): DependencyGraph {
  const index = new PathIndex(input.paths);
  const resolvers = new Map<ResolverFamily, LanguageResolver>();
  const resolverFor = (family: ResolverFamily): LanguageResolver => {
    let resolver = resolvers.get(family);
    if (!resolver) {
      resolver = createResolver(family, index, input);
      resolvers.set(family, resolver);
    }
    return resolver;
  };

  const edges = new Map<string, DependencyEdge>();
  const external = new Map<string, ExternalDependency>();
  for (const source of input.sources) {
    if (source.imports.length === 0) continue;
    const resolver = resolverFor(FAMILY[source.language]);
    for (const imported of source.imports) {
      const resolution = resolver.resolve(source, imported);
      if (!resolution) continue;
      if ('package' in resolution) {
        const key = `${source.path}\u0000${resolution.package}`;
        if (!external.has(key)) external.set(key, { from: source.path, package: resolution.package });
        continue;
      }
      for (const to of resolution.files) {
        if (to === source.path) continue;
        const key = `${source.path}\u0000${to}`;
        const existing = edges.get(key);
        // An edge is type-only only if every import behind it is.
        if (existing) existing.typeOnly &&= imported.typeOnly;
        else edges.set(key, { from: source.path, to, typeOnly: imported.typeOnly });
      }
    }
  }
  return {
    edges: [...edges.values()].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to)),
    external: [...external.values()].sort((a, b) => compare(a.from, b.from) || compare(a.package, b.package)),
  };
}

function createResolver(family: ResolverFamily, index: PathIndex, input: DependencyInput): LanguageResolver {
  switch (family) {
    case 'js':
      return new JsResolver(index, input.paths, input.readFile);
    case 'python':
      return new PythonResolver(index, input.paths);
    case 'go':
      return new GoResolver(index, input.paths, input.readFile);
    case 'jvm':
      return new JvmResolver(input.sources);
    case 'csharp':
      return new CsharpResolver(input.sources);
    case 'ruby':
      return new RubyResolver(index, input.paths);
    case 'php':
      return new PhpResolver(index, input.paths, input.readFile);
    case 'rust':
      return new RustResolver(index, input.paths, input.readFile);
    case 'c':
      return new CResolver(index, input.paths);
    case 'swift':
      return new SwiftResolver(input.sources);
    case 'elixir':
      return new ElixirResolver(input.sources);
    case 'lua':
      return new LuaResolver(index);
    case 'dart':
      return new DartResolver(index, input.paths, input.readFile);
  }
}
