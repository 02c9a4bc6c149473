/**
 * What the analysis learns from one source file's content. Produced by the per-language parsers,
 * consumed by the metrics (complexity, LOC), the dependency graph (imports) and the matcher
 * (symbols, comments). Pure data: no paths are resolved here.
 */
export type Language =
  | 'typescript'
  | 'javascript'
  | 'python'
  | 'java'
  | 'go'
  | 'csharp'
  | 'ruby'
  | 'kotlin'
  | 'php'
  | 'rust'
  | 'c'
  | 'cpp';

export interface FunctionFacts {
  /** Declared name, or a descriptive placeholder such as `<anonymous>` / `<arrow>`. */
  name: string;
  /** 1-based line where the function starts. */
  line: number;
  /** McCabe cyclomatic complexity (analysis.md; for JS/TS equal to ESLint's `complexity`). */
  complexity: number;
  /** SonarSource cognitive complexity. */
  cognitive: number;
}

export interface ImportFacts {
  /** The module specifier exactly as written (`./util`, `@scope/pkg/sub`, `github.com/x/y`, `java.util.List`). */
  specifier: string;
  /** `import type` / `export type … from` and similar: still a dependency edge. */
  typeOnly: boolean;
}

export interface SourceFacts {
  language: Language;
  /** Code lines: not blank, not comment-only (as cloc counts them). */
  loc: number;
  functions: FunctionFacts[];
  imports: ImportFacts[];
  /** Declared names: classes, interfaces, functions, methods, exported names. */
  symbols: string[];
  /** Comment and docstring text, capped in length, for the matcher. */
  comments: string;
  /** Set when the parser reported errors; the other figures are then best effort. */
  parseError?: string;
}
