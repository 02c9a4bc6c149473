import { CleanText } from './clean-text';
import { EXTENSIONS, FILE_EXACT, normalizePath } from './source-paths';
import { readStackTraces, StackFrame } from './stack-traces';

/**
 * Exact references a ticket makes to code: file names, symbols written as code, stack-trace
 * frames. When one of these resolves to a file in the repository it is close to certain evidence,
 * far stronger than shared words, so they are kept apart from the bag of terms.
 */
export interface Mentions {
  files: string[];
  symbols: string[];
  /** Symbols seen only inside a call's parentheses (`isAtLeast(JavaVersion)`): arguments, not the subject. */
  arguments: string[];
  frames: StackFrame[];
  /**
   * The files, symbols and arguments written only in the description: how a reporter calls the code
   * (`requests.post(…)` in their snippet) more often than what is broken, which the title names.
   */
  describedOnly: string[];
}

/** Where a qualified name splits into its parts: `Type.member`, `Ns::fn`, `Type#member`, `$obj->member`. */
export const MEMBER_SEPARATOR = /\.|::|#|->/;

const MAX_FILES = 50;
const MAX_SYMBOLS = 50;
const MAX_CODE_SPANS = 200;

const FILE = new RegExp(
  `(?:[A-Za-z]:)?(?:[\\w@.$~+-]+[\\\\/])*[\\w@$+-][\\w@.$+-]*\\.(?:${EXTENSIONS})(?![\\w$])`,
  'g',
);
const DOTTED = /(?<![\w$.])([A-Za-z_$][\w$]*(?:(?:\.|::|#|->)[A-Za-z_$][\w$]*)+)(\()?/g;
// Not after a hyphen: `:nth-child(2)` and other kebab-case names are selectors, not calls.
const CALL = /(?<![\w$.-])([A-Za-z_$][\w$]{1,})\(/g;
// An acronym with a plural "s" (APIs, URLs, IDs) is an English word, not a type name.
const CAMEL =
  /(?<![\w$])(?:[a-z][a-z0-9]*[A-Z][\w$]*|[A-Z][a-z0-9]+[A-Z][\w$]*|(?![A-Z]+s(?![\w$]))[A-Z]{2,}[a-z][\w$]*)(?![\w$])/g;
const SNAKE = /(?<![\w$])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w$])/g;
// A command-line option (`--forbid-only`): the few files that define or read it are where it changes.
// It is kept as written, dashes and all, and resolved by its name (mention-signal.ts).
const OPTION = /(?<![\w-])--([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])/g;
// A kebab-case or upper-case name in quotes ('wide-align', "XUNIT"): a literal copied from the
// code. A plain quoted word ('flask', "Lesser") is as often the project's name or prose.
const QUOTED = /(?<![\w$])['"‘“]([A-Za-z_$][\w$]*(?:-[A-Za-z_$][\w$]*)+|[A-Z][A-Z0-9_]+)['"’”](?![\w$])/g;
const CODE_IDENTIFIER = /[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
const PARENTHESIZED = /\([^()\n]*\)/g;

const HOST_SUFFIX = /\.(?:com|org|net|io|dev|edu|gov)$/;

class Collector {
  readonly files = new Set<string>();
  readonly symbols = new Set<string>();

  addFile(file: string): void {
    if (this.files.size < MAX_FILES) this.files.add(normalizePath(file));
  }

  addSymbol(symbol: string): void {
    if (this.symbols.size < MAX_SYMBOLS && symbol.length > 1) this.symbols.add(symbol);
  }
}

function looksLikeAbbreviation(dotted: string): boolean {
  // "e.g", "i.e", "a.k.a": every part one or two letters.
  return dotted.split(MEMBER_SEPARATOR).every((part) => part.length <= 2);
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
  for (const m of text.matchAll(OPTION)) out.addSymbol(m[0]);
  for (const m of text.matchAll(QUOTED)) out.addSymbol(m[1]);
}

// A shell command (`flask run`, `npx typeorm migration:run -d dist/ds.js`): lower-case words, the
// program and its arguments, not names in the code (`run` is not the `run` method of app.py). Its
// options are read from the text like any other.
const COMMAND_LINE = /^[a-z][a-z0-9_.-]*(?:\s+(?:--?[a-z0-9][a-z0-9-]*(?:=\S*)?|[a-z0-9_@.:/+~=-]+))+$/;

/** Short code spans are names the author typed on purpose: every identifier in them counts. */
function collectCodeSpan(span: string, out: Collector): void {
  if (span.includes('\n') || span.length > 120 || COMMAND_LINE.test(span)) return;
  // A URL's parts (`http://user:pass@proxy:3128`) are an address, not names; an option's name is
  // read with its dashes from the text.
  for (const m of span.replace(URL, ' ').replace(OPTION, ' ').matchAll(CODE_IDENTIFIER)) {
    if (!FILE_EXACT.test(m[0]) && !looksLikeAbbreviation(m[0])) out.addSymbol(m[0]);
  }
}

export function extractMentions(clean: CleanText): Mentions {
  const out = new Collector();
  const { frames, prose: text } = readStackTraces(clean.text.replace(URL, ' '));
  for (const frame of frames) if (frame.file) out.addFile(frame.file);
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
    frames,
    describedOnly: [],
  };
}

/** A ticket's mentions, with those its description alone makes marked as such. */
export function extractTicketMentions(title: CleanText, description: CleanText): Mentions {
  const mentions = extractMentions({
    text: `${title.text}\n${description.text}`,
    code: [...title.code, ...description.code].slice(0, MAX_CODE_SPANS),
  });
  const own = extractMentions(title);
  const titled = new Set([...own.files, ...own.symbols, ...own.arguments]);
  const described = [...mentions.files, ...mentions.symbols, ...mentions.arguments].filter(
    (n) => !titled.has(n),
  );
  return { ...mentions, describedOnly: [...new Set(described)] };
}
