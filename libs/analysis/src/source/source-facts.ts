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
  | 'scala'
  | 'swift'
  | 'elixir'
  | 'lua'
  | 'dart'
  | 'php'
  | 'rust'
  | 'c'
  | 'objc'
  | 'cpp';

/**
 * What kind of code unit a FunctionFacts entry is. `initializer` covers class field initializers and
 * static blocks, which ESLint's `complexity` rule scores as functions of their own.
 */
export type FunctionKind = 'function' | 'method' | 'constructor' | 'accessor' | 'lambda' | 'initializer';

export interface FunctionFacts {
  /** Declared name (methods as `Class.method`), or a placeholder such as `<anonymous>` / `<arrow>`. */
  name: string;
  /**
   * 1-based line of the function's head. For JS/TS this is the line ESLint reports: the member's
   * first line (decorators included) for methods and properties, the `=>` for other arrows.
   */
  line: number;
  /** 1-based last line of the function. */
  endLine?: number;
  kind?: FunctionKind;
  /** McCabe cyclomatic complexity (analysis.md; for JS/TS equal to ESLint's `complexity`). */
  complexity: number;
  /** SonarSource cognitive complexity. */
  cognitive: number;
}

/**
 * How an import was written, where a language has more than one way and resolution differs:
 * `import` (the language's import/use/using statement, JS `import`/`export … from`), `require`
 * (JS `require()`/`import x = require()`, Ruby `require`, PHP `require`/`include`), `dynamic`
 * (JS `import()`), `require-relative` (Ruby), `include` / `include-system` (C/C++ `"…"` / `<…>`),
 * `mod` (Rust `mod x;`), `reference` (TS `/// <reference path>`).
 */
export type ImportKind =
  'import' | 'require' | 'dynamic' | 'require-relative' | 'include' | 'include-system' | 'mod' | 'reference';

export interface ImportFacts {
  /** The module specifier exactly as written (`./util`, `@scope/pkg/sub`, `github.com/x/y`, `java.util.List`). */
  specifier: string;
  /** `import type` / `export type … from` and similar: still a dependency edge. */
  typeOnly: boolean;
  /** Absent means `import`. */
  kind?: ImportKind;
  /** Python `from m import a, b`: the imported names (each may be a submodule of `m`). */
  names?: string[];
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
  /**
   * The package / namespace the file declares (Java/Kotlin `package`, C# first `namespace`, Go
   * `package`, PHP `namespace`), used to resolve imports that name packages rather than paths.
   */
  packageName?: string;
  /** Set when the parser reported errors; the other figures are then best effort. */
  parseError?: string;
}
