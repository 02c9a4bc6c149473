/**
 * Which paths are source code and which are tests. Tickets are matched to source files; test files
 * are left out of rankings, of the evaluation's gold sets (a ticket names behaviour, and the file
 * that implements it is the useful answer) and of the summary's hotspot tables.
 */
const SOURCE_EXTENSIONS = new Set([
  'ts',
  'tsx',
  'mts',
  'cts',
  'js',
  'jsx',
  'mjs',
  'cjs',
  'py',
  'pyi',
  'go',
  'java',
  'kt',
  'kts',
  'scala',
  'groovy',
  'cs',
  'fs',
  'vb',
  'rb',
  'php',
  'rs',
  'c',
  'h',
  'cc',
  'cpp',
  'cxx',
  'hpp',
  'hh',
  'hxx',
  'm',
  'mm',
  'swift',
  'dart',
  'lua',
  'pl',
  'pm',
  'ex',
  'exs',
  'erl',
  'hs',
  'clj',
  'elm',
  'ml',
  'vue',
  'svelte',
  'sql',
  'sh',
  'bash',
  'zsh',
  'fish',
  // More languages without a parser (as Perl, Erlang, Haskell… above): matched by path, history
  // and text, ranked as hotspots by their non-blank lines.
  'r',
  'jl',
  'ps1',
  'psm1',
  'zig',
  'nim',
  'cr',
  'sol',
  'f90',
  'hrl',
  'mli',
]);

// Perl's `t/`, Elixir's `integration_test/`, Cucumber's `step_definitions/` and `features/support/`
// (not `features/` itself: apps keep feature folders of source), `integration-tests/` and
// `moshi-kotlin-tests/` too; not a singular `-test` module otherwise, which is often a library
// shipped for tests (`spring-boot-test`, `kotlinx-coroutines-test`).
const TEST_DIRECTORY =
  /(^|\/)(t|tests?|integration[-_]tests?|step_definitions|features\/support|__tests__|__mocks__|spec|specs|testing|testdata|test-data|fixtures?|e2e|benchmarks?|[^/]+[-_](tests|specs))\//i;
// `.test-d.ts` and `.spec-d.ts` are type tests (tsd, Vitest's typecheck).
const TEST_FILE =
  /(^|\/)(step_definitions|test_[^/]*|[^/]*_test|[^/]*[._-](test|spec)s?(-d)?|[^/]*Tests?|[^/]*IT|conftest)\.[a-z0-9]+$/;
// A JavaScript or TypeScript file named just `test` holds its folder's tests (date-fns'
// `src/addDays/test.ts` beside `index.ts`); not in Python, where `test.py` and `tests.py` are often
// modules of the product (`werkzeug.test`, `jinja2.tests`).
const FOLDER_TEST = /(^|\/)test\.[cm]?[jt]sx?$/;
// A Rust module's unit tests live in `tests.rs` or `test.rs` beside it (`#[cfg(test)] mod tests;`).
const RUST_TEST_MODULE = /(^|\/)tests?\.rs$/;
// .NET test projects: `FluentValidation.Tests/`, `Foo.UnitTests/`, `Polly.Specs/`, `src/UnitTests/`,
// `IntegrationTests/` (case-sensitive, so `contests/` stays source; `Polly.Testing` is a library).
const DOTNET_TEST =
  /(^|\/)([^/]*\.(Unit|Integration|Functional|Acceptance)?(Tests?|Specs?|Benchmarks?)|[^/]*[a-z0-9](Unit|Integration|Functional|Acceptance)?Tests)\//;
// Maven and Gradle test source sets (`src/test/`, `src/integrationTest/`), Android's
// (`src/androidTest/`, `src/testDebug/`) and Kotlin Multiplatform's (`src/jvmTest/`, `src/commonTest/`).
const MAVEN_TEST = /(^|\/)src\/(it|test[A-Za-z0-9]*|[a-z][A-Za-z0-9]*Test[A-Za-z0-9]*)\//;
const GENERATED = /(^|\/)(node_modules|vendor|third_party|dist|build|out|target|\.git)\//;

export function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** A path is a test's when one of these matches; plain regular expressions, so SQL can use them too. */
export const TEST_PATH_PATTERNS: readonly RegExp[] = [
  MAVEN_TEST,
  DOTNET_TEST,
  TEST_DIRECTORY,
  TEST_FILE,
  FOLDER_TEST,
  RUST_TEST_MODULE,
];

export function isTestPath(path: string): boolean {
  return TEST_PATH_PATTERNS.some((pattern) => pattern.test(path));
}

/** A test area: a test folder itself (`src/test/…`, `__tests__`, `test/shop`), judged by its path. */
export function isTestArea(areaPath: string): boolean {
  return isTestPath(`${areaPath}/`);
}

/**
 * Whether a file's figures count toward its area's. Tests count only toward test areas: a package
 * with its tests inside (`hooks/test/`) is described by its code — size, changes, authors, fixes
 * — not by its test suites.
 */
export function countsTowardArea(path: string, areaPath: string): boolean {
  return !isTestPath(path) || isTestArea(areaPath);
}

/**
 * Build manifests written in a programming language — Gradle's Kotlin scripts, Mix's `mix.exs`,
 * SwiftPM's `Package.swift` — are build configuration, as `build.gradle`, `pom.xml` and
 * `package.json` are: they change with every dependency bump and release, and are no code to plan.
 */
// `Package@swift-5.9.swift` is SwiftPM's manifest for one tools version.
const CODE_MANIFEST = /(^|\/)([^/]+\.gradle\.kts|mix\.exs|Package(@swift-[\d.]+)?\.swift)$/;

export function isCodeManifest(path: string): boolean {
  return CODE_MANIFEST.test(path);
}

/** Source code, not vendored, not build output and no build manifest (tests included: see isMatchablePath). */
export function isSourcePath(path: string): boolean {
  return (
    SOURCE_EXTENSIONS.has(extension(path)) &&
    !GENERATED.test(path) &&
    !path.endsWith('.min.js') &&
    !isCodeManifest(path)
  );
}

export function isMatchablePath(path: string): boolean {
  return isSourcePath(path) && !isTestPath(path);
}
