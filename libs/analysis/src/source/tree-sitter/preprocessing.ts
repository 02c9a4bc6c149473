/**
 * C, C++, Objective-C, C# and Swift read the way their compiler reads them, as far as one file
 * allows, before parsing. A grammar knows no preprocessor:
 *
 * - **Conditional compilation.** It sees every branch of an `#if` at once, and code written for
 *   two configurations — `extern "C" {` under `#ifdef __cplusplus`, an `#ifdef` inside an
 *   expression, a function head per platform — does not parse as one program. The reader's
 *   reading is kept: the first branch of each conditional, except where the condition is known
 *   (`#if 0`, `#if 1`, `__cplusplus` by the file's language); the other branches and the
 *   conditional directives become spaces.
 * - **Macros in declarations** (C family, not C#). An all-caps macro before a declaration
 *   (`UNITTEST void f(…)`, `CURL_EXTERN CURL *curl_easy_init(void)`) or after a parameter name
 *   (`int argc UNUSED`) reads as a syntax error; so does `va_arg`'s type argument. Such macros
 *   expand to attributes or nothing, so they become spaces too (`va_arg`'s type a `0`).
 *
 * Offsets, lines and comments stay where they were (a blanked character becomes a space, a
 * newline stays), so line numbers, comment text and code-line counts are those of the file as
 * written. `#include` / `#import` lines are kept in every branch: the dependency graph should know
 * every configuration's includes. Nothing inside comments or string literals is changed.
 */

export interface PreprocessingOptions {
  /** Whether `__cplusplus` is defined: C++ files yes, C and Objective-C files no. */
  cplusplus: boolean;
  /** Whether macros in declarations are blanked (C, C++, Objective-C; not C#). */
  macros: boolean;
}

interface Frame {
  /** Whether lines of the current branch are kept. */
  active: boolean;
  /** Whether a branch of this conditional was taken already. */
  taken: boolean;
  /** Whether the enclosing code is kept. */
  parentActive: boolean;
}

/** `#elseif` is Swift's spelling of `#elif`. */
const CONDITIONAL = /^\s*#\s*(if|ifdef|ifndef|elif|elseif|else|endif)\b(.*)$/;
const KEPT_DIRECTIVE = /^\s*#\s*(include|import)\b/;
/** C#'s ignored directives: `#!` and a file-based app's `#:package …`, which the compiler skips. */
const IGNORED_DIRECTIVE = /^#[:!]/;
const HAS_DIRECTIVE_TO_RESOLVE = /^[ \t]*#[ \t]*if|^#[:!]/m;
const MAY_CHANGE_STATE = /["'/@]/;
const NEXT_STATE_CHAR = /["'/@]/g;

const MACRO = '[A-Z][A-Z0-9_]{2,}';
const IDENTIFIER = '[A-Za-z_]\\w*';
/** `UNITTEST void f(`, `CURL_EXTERN CURL *f(`, `BOOL WINAPI DllMain(`: the macro before a declaration. */
const SPECIFIER_MACRO = new RegExp(
  `^([ \\t]*(?:(?:static|extern|inline)[ \\t]+)?)(${MACRO})(?=[ \\t]+(?:(?:const|struct|enum|union|unsigned|signed)[ \\t]+)?${IDENTIFIER}[ \\t*]+${IDENTIFIER}[ \\t]*[(;=[,])`,
);
/** `int argc UNUSED,`: the macro after a parameter's (lowercase) name. */
const PARAMETER_MACRO = new RegExp(
  `(\\b(?!(?:struct|enum|union|return|case|sizeof|unsigned|signed|long|short|const|volatile)\\b)[a-z_]\\w*[ \\t]+)(${MACRO})(?=[ \\t]*[,)])`,
  'g',
);
/**
 * `Q_OBJECT`, `JEMALLOC_NOINLINE`, `REDIS_NO_SANITIZE("alignment")`: a macro alone on its line,
 * with or without arguments, between statements or declarations.
 */
const LONE_MACRO = new RegExp(`^[ \\t]*${MACRO}(?:[ \\t]*\\((?:[^()]|\\([^()]*\\))*\\))?[ \\t]*$`);
/** Where a line may end before a lone macro: a statement, a block (or `@end`), a signature, a directive. */
const ENDS_DECLARATION = new Set(['', ';', '{', '}', ')', '#']);
/** Apple's `typedef NS_ENUM(NSInteger, Mode) {`: read as the `enum Mode {` it declares. */
const APPLE_ENUM =
  /\btypedef(\s+)(NS_ENUM|NS_OPTIONS|NS_CLOSED_ENUM|NS_ERROR_ENUM)(\s*\([^,()]+,\s*)(\w+)\s*\)/g;
/** `va_arg(ap, char *)`: the type argument. */
const VA_ARG = /\bva_arg\s*\([^,()]+,([^()]*)\)/g;
/** A cheap test on the raw line: most lines hold none of the shapes above. */
const MAY_HOLD_MACRO =
  /^[ \t]*(?:(?:static|extern|inline)[ \t]+)?[A-Z][A-Z0-9_]{2}|[a-z0-9_][ \t]+[A-Z][A-Z0-9_]{2,}[ \t]*[,)]|va_arg|NS_/;

/** The last character of a line's code (comments and blank space skipped). */
function lastCodeChar(line: string, ranges: Ranges): string {
  // Objective-C's `@end` closes a declaration as `}` does.
  if (/^\s*@end\b/.test(line)) return '}';
  let end = line.length;
  for (let r = ranges.length - 1; r >= 0 && ranges[r][2] === 'comment'; r--) {
    if (line.slice(ranges[r][1], end).trim() !== '') break;
    end = ranges[r][0];
  }
  return line.slice(0, end).trimEnd().slice(-1);
}

/** What a condition is known to be: true, false, or undefined (unknown: the first branch wins). */
function evaluate(kind: string, expression: string, options: PreprocessingOptions): boolean | undefined {
  const expr = expression
    .replace(/\/\*.*?\*\/|\/\/.*$/g, '')
    .replace(/\\$/, '')
    .trim();
  if (kind === 'ifdef' || kind === 'ifndef') {
    if (expr !== '__cplusplus') return undefined;
    return kind === 'ifdef' ? options.cplusplus : !options.cplusplus;
  }
  if (/^0+$/.test(expr)) return false;
  if (/^[1-9]\d*$/.test(expr)) return true;
  const defined = /^(!?)\s*defined\s*\(?\s*__cplusplus\s*\)?$/.exec(expr);
  if (defined) return defined[1] === '!' ? !options.cplusplus : options.cplusplus;
  // `#if __cplusplus >= 201103L`: false where it is not defined, unknown where it is.
  if (/^__cplusplus\b/.test(expr) && !options.cplusplus) return false;
  return undefined;
}

/** Scanner state carried from one line to the next. */
interface ScanState {
  inBlockComment: boolean;
  /** Inside a C# verbatim string (`@"…"`), which may span lines. */
  inVerbatim: boolean;
}

/** Half-open ranges of a line that are comments or string literals, in order. */
type Ranges = [number, number, 'comment' | 'string'][];

/** Where a line's comments and string literals are; updates the state for those that run on. */
function literalsOf(line: string, state: ScanState): Ranges {
  const ranges: Ranges = [];
  // Most lines open or close nothing: no comment, no string.
  if (!state.inBlockComment && !state.inVerbatim && !MAY_CHANGE_STATE.test(line)) return ranges;
  let i = 0;
  while (i < line.length) {
    if (state.inBlockComment) {
      const end = line.indexOf('*/', i);
      const stop = end === -1 ? line.length : end + 2;
      ranges.push([i, stop, 'comment']);
      if (end !== -1) state.inBlockComment = false;
      i = stop;
      continue;
    }
    if (state.inVerbatim) {
      // `""` is an escaped quote inside a verbatim string.
      let j = i;
      while (j < line.length && !(line[j] === '"' && line[j + 1] !== '"')) j += line[j] === '"' ? 2 : 1;
      if (j < line.length) state.inVerbatim = false;
      ranges.push([i, Math.min(j + 1, line.length), 'string']);
      i = j + 1;
      continue;
    }
    const ch = line[i];
    const next = line[i + 1];
    if (ch === '/' && next === '/') {
      ranges.push([i, line.length, 'comment']);
      break;
    }
    if (ch === '/' && next === '*') {
      state.inBlockComment = true;
      ranges.push([i, i + 2, 'comment']);
      i += 2;
      continue;
    }
    if (ch === '@' && next === '"') {
      state.inVerbatim = true;
      ranges.push([i, i + 2, 'string']);
      i += 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A string or character literal ends on its line (a backslash escapes the next character).
      let j = i + 1;
      while (j < line.length && line[j] !== ch) j += line[j] === '\\' ? 2 : 1;
      const stop = Math.min(j + 1, line.length);
      ranges.push([i, stop, 'string']);
      i = stop;
      continue;
    }
    NEXT_STATE_CHAR.lastIndex = i + 1;
    i = NEXT_STATE_CHAR.exec(line)?.index ?? line.length;
  }
  return ranges;
}

const spaces = (text: string): string => text.replace(/[^\r]/g, ' ');

/** The line with everything but its comments blanked: a dropped branch. */
function blankCode(line: string, ranges: Ranges): string {
  let out = '';
  let at = 0;
  for (const [from, to, kind] of ranges) {
    if (kind !== 'comment') continue;
    out += spaces(line.slice(at, from)) + line.slice(from, to);
    at = to;
  }
  return out + spaces(line.slice(at));
}

/**
 * An operator only a continued statement starts with (`ASSERT_EQ(a, b)` ⏎ `<< "why";`); not `-`,
 * `+` or `*`, which start Objective-C methods and C statements too.
 */
const CONTINUATION = /^(?:<<|>>|\.|->|\?|:(?!:)|\|\||&&|[!=]=|=|,|\)|\])/;

/**
 * Whether a lone macro is part of what follows: the next line continues its expression, or it
 * takes arguments and a `{` line follows (`TEST(Suite, Name)` ⏎ `{` declares a function).
 */
function continuesOnNextLine(line: string, next: string): boolean {
  return CONTINUATION.test(next) || (line.includes('(') && next.startsWith('{'));
}

/** The line with its declaration macros blanked; comments and strings are never matched. */
function blankMacros(line: string, ranges: Ranges, previousEnd: string, nextLine: () => string): string {
  const lone =
    !ranges.some(([, , kind]) => kind === 'comment') &&
    LONE_MACRO.test(line) &&
    ENDS_DECLARATION.has(previousEnd) &&
    !continuesOnNextLine(line, nextLine());
  if (lone) return spaces(line);
  if (!MAY_HOLD_MACRO.test(line)) return line;
  let view = line;
  for (const [from, to] of ranges) view = view.slice(0, from) + spaces(view.slice(from, to)) + view.slice(to);
  const blanks: [number, number, string][] = [];
  const specifier = SPECIFIER_MACRO.exec(view);
  if (specifier) {
    const from = specifier[1].length;
    blanks.push([from, from + specifier[2].length, '']);
  }
  for (const m of view.matchAll(PARAMETER_MACRO)) {
    const from = (m.index ?? 0) + m[1].length;
    blanks.push([from, from + m[2].length, '']);
  }
  for (const m of view.matchAll(APPLE_ENUM)) {
    // `typedef NS_ENUM(NSInteger, Mode)` → `        enum            Mode `
    const [whole, gap, macro, args, name] = m;
    const start = m.index ?? 0;
    const macroAt = start + 'typedef'.length + gap.length;
    const nameAt = macroAt + macro.length + args.length;
    blanks.push(
      [start, macroAt, ''],
      [macroAt, nameAt, 'enum'],
      [nameAt + name.length, start + whole.length, ''],
    );
  }
  for (const m of view.matchAll(VA_ARG)) {
    const to = (m.index ?? 0) + m[0].length - 1;
    blanks.push([to - m[1].length, to, '0']);
  }
  let out = line;
  for (const [from, to, lead] of blanks) {
    out = out.slice(0, from) + lead + spaces(out.slice(from + lead.length, to)) + out.slice(to);
  }
  return out;
}

/** The first non-blank line after line `n`, trimmed. */
function nextCodeLine(lines: readonly string[], n: number): string {
  for (let k = n + 1; k < lines.length; k++) {
    const trimmed = lines[k].trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

/** The text as its first configuration compiles it (see the file comment); same length, same lines. */
export function asFirstConfiguration(text: string, options: PreprocessingOptions): string {
  const conditionals = HAS_DIRECTIVE_TO_RESOLVE.test(text);
  if (!conditionals && !options.macros) return text;
  const lines = text.split('\n');
  const state: ScanState = { inBlockComment: false, inVerbatim: false };
  const frames: Frame[] = [];
  const active = () => frames.length === 0 || frames[frames.length - 1].active;
  let previousEnd = '';
  // A directive continued over lines with a backslash (`#if A && \`, `#define X \`): a
  // conditional's lines are blanked with it, and no line of either is read for macros.
  let continued: 'conditional' | 'directive' | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const atCode = !state.inBlockComment && !state.inVerbatim;
    const continues = line.trimEnd().endsWith('\\');
    const directive = conditionals && atCode && continued === null ? CONDITIONAL.exec(line) : null;
    if (atCode && IGNORED_DIRECTIVE.test(line)) {
      lines[n] = spaces(line);
      continue;
    }
    const ranges = literalsOf(line, state);
    if (directive) {
      const [, kind, expression] = directive;
      const top = frames[frames.length - 1];
      if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef') {
        const parentActive = active();
        const value = evaluate(kind, expression, options) ?? true;
        frames.push({ active: parentActive && value, taken: value, parentActive });
      } else if ((kind === 'elif' || kind === 'elseif') && top) {
        const value = !top.taken && (evaluate('if', expression, options) ?? true);
        top.active = top.parentActive && value;
        top.taken ||= value;
      } else if (kind === 'else' && top) {
        top.active = top.parentActive && !top.taken;
        top.taken = true;
      } else if (kind === 'endif') {
        frames.pop();
      }
      lines[n] = blankCode(line, ranges);
      continued = continues ? 'conditional' : null;
      continue;
    }
    if (continued === 'conditional' || !(active() || (atCode && KEPT_DIRECTIVE.test(line)))) {
      lines[n] = blankCode(line, ranges);
    } else if (options.macros && continued === null) {
      lines[n] = blankMacros(line, ranges, previousEnd, () => nextCodeLine(lines, n));
    }
    // Lines of a directive end as a directive does, for the lone-macro rule.
    const directiveLine: boolean = continued !== null || (atCode && /^\s*#/.test(line));
    previousEnd = directiveLine ? '#' : lastCodeChar(lines[n], ranges) || previousEnd;
    continued = directiveLine && continues ? (continued ?? 'directive') : null;
  }
  return lines.join('\n');
}
