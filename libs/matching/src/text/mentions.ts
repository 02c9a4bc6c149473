import { CleanText } from './clean-text';

/**
 * Exact references a ticket makes to code: file names, symbols written as code, stack-trace
 * frames. When one of these resolves to a file in the repository it is close to certain evidence,
 * far stronger than shared words, so they are kept apart from the bag of terms.
 */
export interface StackFrame {
  file?: string;
  symbol?: string;
  line?: number;
}

export interface Mentions {
  files: string[];
  symbols: string[];
  /** Symbols seen only inside a call's parentheses (`isAtLeast(JavaVersion)`): arguments, not the subject. */
  arguments: string[];
  frames: StackFrame[];
}

const MAX_FILES = 50;
const MAX_SYMBOLS = 50;
const MAX_FRAMES = 40;

const EXTENSIONS =
  'tsx?|mts|cts|jsx?|mjs|cjs|py|pyi|go|java|kt|kts|scala|groovy|cs|fs|vb|rb|php|rs|c|h|cc|cpp|cxx|hpp|hh|hxx|mm?|swift|dart|lua|pl|pm|sql|sh|bash|zsh|fish|vue|svelte|ex|exs|erl|hs|clj|elm|ml|json|ya?ml|toml|xml|gradle|properties|html|css|scss|less|md|rst|proto|graphql';
const FILE = new RegExp(
  `(?:[A-Za-z]:)?(?:[\\w@.$~+-]+[\\\\/])*[\\w@$+-][\\w@.$+-]*\\.(?:${EXTENSIONS})(?![\\w$])`,
  'g',
);
const FILE_EXACT = new RegExp(`\\.(?:${EXTENSIONS})$`);

const FRAME_PATTERNS: ReadonlyArray<{ re: RegExp; file?: number; line?: number; symbol?: number }> = [
  // C#: at Ns.Type.Method(args) in C:\src\File.cs:line 12
  { re: /\bat\s+([\w.<>`]+)\([^)]*\)\s+in\s+(.+?):line\s+(\d+)/, symbol: 1, file: 2, line: 3 },
  // Java, Kotlin, Scala: at pkg.Type.method(Type.java:12)
  { re: /\bat\s+([\w$.<>/]+)\s*\(([^():\s]+\.[A-Za-z]+)(?::(\d+))?\)/, symbol: 1, file: 2, line: 3 },
  // JavaScript / TypeScript: at fn (path/file.ts:12:3)  or  at path/file.ts:12:3
  {
    re: /\bat\s+(?:async\s+)?([\w$.<>[\] ]+?)\s+\((?:file:\/\/)?([^\s()]+?\.[A-Za-z]+):(\d+)(?::\d+)?\)/,
    symbol: 1,
    file: 2,
    line: 3,
  },
  { re: /\bat\s+(?:file:\/\/)?([^\s()]+?\.[A-Za-z]+):(\d+)(?::\d+)?\s*$/, file: 1, line: 2 },
  // Python: File "path/app.py", line 12, in handler
  { re: /File "([^"]+)", line (\d+)(?:, in ([\w<>.]+))?/, file: 1, line: 2, symbol: 3 },
  // Ruby: app/models/user.rb:12:in `save'
  { re: /([\w./-]+\.rb):(\d+):in\s+[`'‘]([^'’]+)['’]/, file: 1, line: 2, symbol: 3 },
  // PHP: #0 /src/Foo.php(12): Foo->bar()
  { re: /#\d+\s+(\S+\.php)\((\d+)\):\s*([\w\\:>-]+)/, file: 1, line: 2, symbol: 3 },
  // Go: github.com/org/pkg.(*Context).Next(...)
  { re: /\.\(\*?([A-Z]\w*)\)\.(\w+)\(/, symbol: 0 },
  // Go, Rust, C and the rest: path/file.go:123
  { re: new RegExp(`(?:^|\\s)/?((?:[\\w.@-]+/)*[\\w.@-]+\\.(?:${EXTENSIONS})):(\\d+)`), file: 1, line: 2 },
];

const DOTTED = /(?<![\w$.])([A-Za-z_$][\w$]*(?:(?:\.|::|#|->)[A-Za-z_$][\w$]*)+)(\()?/g;
// Not after a hyphen: `:nth-child(2)` and other kebab-case names are selectors, not calls.
const CALL = /(?<![\w$.-])([A-Za-z_$][\w$]{1,})\(/g;
// An acronym with a plural "s" (APIs, URLs, IDs) is an English word, not a type name.
const CAMEL =
  /(?<![\w$])(?:[a-z][a-z0-9]*[A-Z][\w$]*|[A-Z][a-z0-9]+[A-Z][\w$]*|(?![A-Z]+s(?![\w$]))[A-Z]{2,}[a-z][\w$]*)(?![\w$])/g;
const SNAKE = /(?<![\w$])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w$])/g;
// A command-line option (`--forbid-only`): the few files that define or read it are where it changes.
const OPTION = /(?<![\w-])--([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])/g;
// A kebab-case or upper-case name in quotes ('wide-align', "XUNIT"): a literal copied from the
// code. A plain quoted word ('flask', "Lesser") is as often the project's name or prose.
const QUOTED = /(?<![\w$])['"‘“]([A-Za-z_$][\w$]*(?:-[A-Za-z_$][\w$]*)+|[A-Z][A-Z0-9_]+)['"’”](?![\w$])/g;
const CODE_IDENTIFIER = /[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
const PARENTHESIZED = /\([^()\n]*\)/g;

const HOST_SUFFIX = /\.(?:com|org|net|io|dev|edu|gov)$/;

/** Forward slashes, no drive letter or leading slash: mentions are matched as path suffixes. */
function normalizePath(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '');
}

class Collector {
  readonly files = new Set<string>();
  readonly symbols = new Set<string>();
  readonly frames: StackFrame[] = [];
  private readonly frameKeys = new Set<string>();

  addFile(file: string): void {
    if (this.files.size < MAX_FILES) this.files.add(normalizePath(file));
  }

  addSymbol(symbol: string): void {
    if (this.symbols.size < MAX_SYMBOLS && symbol.length > 1) this.symbols.add(symbol);
  }

  addFrame(frame: StackFrame): void {
    const key = `${frame.file ?? ''}:${frame.line ?? ''}:${frame.symbol ?? ''}`;
    if (this.frames.length >= MAX_FRAMES || this.frameKeys.has(key)) return;
    this.frameKeys.add(key);
    this.frames.push(frame);
  }
}

function looksLikeAbbreviation(dotted: string): boolean {
  // "e.g", "i.e", "a.k.a": every part one or two letters.
  return dotted.split(/\.|::|#|->/).every((part) => part.length <= 2);
}

function collectFrames(text: string, out: Collector): void {
  for (const line of text.split('\n')) {
    for (const pattern of FRAME_PATTERNS) {
      const m = pattern.re.exec(line);
      if (!m) continue;
      const frame: StackFrame = {};
      if (pattern.file !== undefined && m[pattern.file]) frame.file = normalizePath(m[pattern.file]);
      if (pattern.line !== undefined && m[pattern.line]) frame.line = Number(m[pattern.line]);
      if (pattern.symbol === 0) frame.symbol = `${m[1]}.${m[2]}`;
      else if (pattern.symbol !== undefined && m[pattern.symbol]) frame.symbol = m[pattern.symbol].trim();
      if (frame.file && !FILE_EXACT.test(frame.file)) delete frame.file;
      if (frame.file || frame.symbol) out.addFrame(frame);
      break;
    }
  }
}

function collectSymbols(text: string, out: Collector): void {
  // A qualified name is taken whole; its parts are not mentions of their own.
  const rest = text.replace(DOTTED, (whole: string, dotted: string) => {
    if (FILE_EXACT.test(dotted) || looksLikeAbbreviation(dotted) || HOST_SUFFIX.test(dotted)) return whole;
    out.addSymbol(dotted);
    return ' ';
  });
  text = rest;
  for (const m of text.matchAll(CALL)) out.addSymbol(m[1]);
  for (const m of text.matchAll(CAMEL)) out.addSymbol(m[0]);
  for (const m of text.matchAll(SNAKE)) out.addSymbol(m[0]);
  for (const m of text.matchAll(OPTION)) out.addSymbol(m[1]);
  for (const m of text.matchAll(QUOTED)) out.addSymbol(m[1]);
}

/** Short code spans are names the author typed on purpose: every identifier in them counts. */
function collectCodeSpan(span: string, out: Collector): void {
  if (span.includes('\n') || span.length > 120) return;
  for (const m of span.matchAll(CODE_IDENTIFIER)) {
    if (!FILE_EXACT.test(m[0]) && !looksLikeAbbreviation(m[0])) out.addSymbol(m[0]);
  }
}

export function extractMentions(clean: CleanText): Mentions {
  const out = new Collector();
  const text = clean.text.replace(URL, ' ');
  collectFrames(text, out);
  for (const frame of out.frames) if (frame.file) out.addFile(frame.file);
  for (const m of text.matchAll(FILE)) out.addFile(m[0]);
  for (const span of clean.code) collectCodeSpan(span, out);
  // Symbols outside parentheses first: those inside are usually argument types, not what changes.
  collectSymbols(text.replace(PARENTHESIZED, '()'), out);
  const primary = new Set(out.symbols);
  collectSymbols(text, out);
  const symbols = [...out.symbols];
  return {
    files: [...out.files],
    symbols: symbols.filter((s) => primary.has(s)),
    arguments: symbols.filter((s) => !primary.has(s)),
    frames: out.frames,
  };
}
