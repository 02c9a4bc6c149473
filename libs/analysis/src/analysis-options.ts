import { z } from 'zod';

/**
 * Paths excluded from every figure unless `defaultExcludes` is turned off: vendored code, build
 * output, minified bundles and lock files change in bulk and would drown real hotspots and coupling.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/bower_components/**',
  '**/vendor/**',
  // Python's convention for re-vendored packages (pip, setuptools).
  '**/_vendor/**',
  '**/third_party/**',
  '**/third-party/**',
  '**/thirdparty/**',
  '**/3rdparty/**',
  '**/3rd_party/**',
  // Vendored C libraries at the root (redis's, Node's deps/), CocoaPods and Carthage checkouts,
  // as GitHub Linguist treats them; a nested deps/ may be the project's own.
  'deps/**',
  'Pods/**',
  'Carthage/**',
  // A committed Python virtual environment: installed packages, not the project's code.
  '**/.venv/**',
  '**/site-packages/**',
  '**/dist/**',
  '**/__generated__/**',
  // Phoenix's built front-end assets.
  '**/priv/static/**',
  // Dart's generated code (build_runner, freezed) and mason's templates, which are not Dart.
  '**/*.g.dart',
  '**/*.freezed.dart',
  '**/__brick__/**',
  // Windows Forms and resource designer output; GitHub Linguist treats every such file as generated.
  '**/*.{Designer,designer}.{cs,vb}',
  '**/*.min.js',
  '**/*.min.css',
  '**/*.js.map',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lockb',
  '**/Gemfile.lock',
  '**/Cargo.lock',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/composer.lock',
  '**/go.sum',
  '**/packages.lock.json',
  '**/mix.lock',
  '**/Package.resolved',
  '**/pubspec.lock',
  '**/{uv,pdm,flake,deno,bun,Gopkg,glide}.lock',
  '**/.terraform.lock.hcl',
  // Yarn's checked-in release bundle and Plug'n'Play loader.
  '**/.yarn/releases/**',
  '**/.pnp.{cjs,js,loader.mjs}',
];

/**
 * A ticket key as commit messages write it. Jira and Linear keys share one shape: an upper-case
 * project key (a letter, then letters, digits or `_`), a dash, a number. Jira Cloud and Linear keep
 * project keys to 10 characters, but Jira Data Center sites may raise the limit and histories
 * outlive migrations (Apache's `COLLECTIONS-510`), so text is read with up to 30.
 */
export const TICKET_KEY_PATTERN = '[A-Z][A-Z0-9_]{1,29}-[1-9][0-9]{0,6}';

export const DEFAULT_TICKET_PATTERNS: readonly string[] = [`\\b(${TICKET_KEY_PATTERN})\\b`];

/**
 * Upper-case prefixes that look like ticket keys but name standards, encodings, licences,
 * advisories and toolchains (UTF-8, SHA-1, PSR-4, BSD-3, GCC-12, TALOS-2023-…, MINGW64_NT-10).
 */
export const DEFAULT_TICKET_IGNORED_PREFIXES: readonly string[] = [
  'UTF',
  'UCS',
  'SHA',
  'MD',
  'ISO',
  'RFC',
  'CVE',
  'CWE',
  'GPL',
  'LGPL',
  'AGPL',
  'GPLV',
  'AES',
  'RSA',
  'HMAC',
  'CRC',
  'TLS',
  'SSL',
  'HTTP',
  'X',
  'ES',
  'ECMA',
  'WIN',
  'CP',
  'KOI',
  'IEEE',
  'ANSI',
  'PEP',
  'JSR',
  'JEP',
  'PSR',
  'POSIX',
  'ASCII',
  'WTF',
  'BSD',
  'MIT',
  'MPL',
  'EPL',
  'TALOS',
  'GCC',
  'LLVM',
  'RHEL',
  'IE',
  'MINGW64_NT',
  'MINGW32_NT',
  'MSYS_NT',
  'CYGWIN_NT',
];

/**
 * True when the project part of a key-shaped token names a standard rather than a tracker project:
 * a listed prefix, alone or with a version number after it (IE8-9 is a browser range, X86-64 an
 * architecture), or any prefix ending in a number of three or more digits — a code, not a project
 * (ShellCheck's SC1052-54 is a range of its checks, STM32F103-2 a board; project keys carry at
 * most a version digit or two: LOG4J2, TAP5). `ignored` holds upper-case prefixes.
 */
export function isIgnoredTicketPrefix(project: string, ignored: ReadonlySet<string>): boolean {
  const upper = project.toUpperCase();
  return ignored.has(upper) || ignored.has(upper.replace(/[0-9]+$/, '')) || /[0-9]{3}$/.test(upper);
}

/** Conventional-commit `fix:`, "Fix …", "bug", "hotfix", "revert": the usual shapes of a corrective commit. */
export const DEFAULT_FIX_PATTERN =
  '\\b(?:fix(?:e[sd]|ing)?|bug(?:fix(?:es)?|s)?|hotfix(?:es)?|revert(?:s|ed)?)\\b';

const couplingThresholdsSchema = z.object({
  /** code-maat `max-changeset-size`: commits touching more files are ignored for coupling. */
  maxChangesetSize: z.number().int().positive().default(30),
  /** code-maat `min-revs`: the pair's average revisions must reach this. */
  minRevisions: z.number().int().nonnegative().default(5),
  /** code-maat `min-shared-revs`. */
  minShared: z.number().int().positive().default(5),
  /** code-maat `min-coupling`, in percent. */
  minDegree: z.number().int().nonnegative().max(100).default(30),
});

export type CouplingThresholds = z.infer<typeof couplingThresholdsSchema>;

export const areaRuleSchema = z.object({ name: z.string().min(1), glob: z.string().min(1) });
export type AreaRule = z.infer<typeof areaRuleSchema>;

export const analysisOptionsSchema = z.object({
  rev: z.string().min(1).default('HEAD'),
  /** Any date git understands (`2024-01-01`, `6 months ago`); resolved once to a fixed instant. */
  since: z.string().min(1).optional(),
  renames: z.boolean().default(true),
  defaultExcludes: z.boolean().default(true),
  exclude: z.array(z.string().min(1)).default([]),
  /** Files above this size are not read: listed as skipped, counted in history only. */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  coupling: couplingThresholdsSchema.default(couplingThresholdsSchema.parse({})),
  ticketCoupling: couplingThresholdsSchema.default(couplingThresholdsSchema.parse({})),
  areaCoupling: couplingThresholdsSchema.default(couplingThresholdsSchema.parse({})),
  /** Days before the head commit whose revisions make the hotspot score. */
  hotspotDays: z.number().int().positive().default(365),
  /** An author is active when they committed anywhere in the repository within this many days. */
  activeAuthorDays: z.number().int().positive().default(180),
  /** Share of added lines above which one active author makes a file a knowledge island. */
  knowledgeIslandShare: z.number().min(0).max(1).default(0.95),
  ticketPatterns: z.array(z.string().min(1)).default([...DEFAULT_TICKET_PATTERNS]),
  ticketIgnoredPrefixes: z.array(z.string()).default([...DEFAULT_TICKET_IGNORED_PREFIXES]),
  fixPattern: z.string().min(1).default(DEFAULT_FIX_PATTERN),
  /** Ticket keys the tracker knows as bugs: commits naming one count as fixes too. */
  bugTickets: z.array(z.string().min(1)).default([]),
  areaRules: z.array(areaRuleSchema).default([]),
  /** Directories are split into sub-areas while they hold more than this many code lines… */
  maxAreaLoc: z.number().int().positive().default(20000),
  /** …or more than this many files. */
  maxAreaFiles: z.number().int().positive().default(150),
  /** …but a sub-directory with fewer code lines than this stays part of its parent's area. */
  minAreaLoc: z.number().int().nonnegative().default(1000),
  /** Worker threads for the parsers; 0 parses on the main thread. Unset: one per core beyond the first. */
  parserThreads: z.number().int().nonnegative().max(16).optional(),
  /** Parallel `git log` processes; 0 picks one per core (at most 4). */
  concurrency: z.number().int().nonnegative().default(0),
});

export type AnalysisOptionsInput = z.input<typeof analysisOptionsSchema>;
export type AnalysisOptions = z.output<typeof analysisOptionsSchema>;

export function parseAnalysisOptions(input: AnalysisOptionsInput = {}): AnalysisOptions {
  return analysisOptionsSchema.parse(input);
}
