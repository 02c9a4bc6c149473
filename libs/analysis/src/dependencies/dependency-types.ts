import type { ImportFacts, Language } from '../source/source-facts';

/** One analysed source file as the resolver needs it; `{ path, ...sourceFacts }` fits. */
export interface DependencySource {
  path: string;
  language: Language;
  imports: readonly ImportFacts[];
  /** SourceFacts.packageName: lets Java/Kotlin/C# imports that name packages find their files. */
  packageName?: string;
  /** SourceFacts.symbols: lets Kotlin and Scala imports of top-level functions find the declaring file. */
  symbols?: readonly string[];
}

export interface DependencyInput {
  /** Every path of the committed tree (sources, manifests, configs), repository-relative, `/`-separated. */
  paths: readonly string[];
  sources: readonly DependencySource[];
  /** Reads a file of the same tree (tsconfig.json, package.json, go.mod, composer.json, Cargo.toml…). */
  readFile(path: string): string | undefined;
}

/** `from` imports `to`; `typeOnly` when every import between the two is type-only. */
export interface DependencyEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** An import that leaves the repository, by package (npm name, Go module, Python top-level module…). */
export interface ExternalDependency {
  from: string;
  package: string;
}

export interface DependencyGraph {
  /** Sorted by `from`, then `to`; no duplicates, no self-edges. */
  edges: DependencyEdge[];
  /** Sorted by `from`, then `package`; no duplicates. */
  external: ExternalDependency[];
}

/** What one import resolves to: files in the repository, an external package, or nothing known. */
export type Resolution = { files: readonly string[] } | { package: string } | undefined;

export interface LanguageResolver {
  resolve(from: DependencySource, imported: ImportFacts): Resolution;
}
