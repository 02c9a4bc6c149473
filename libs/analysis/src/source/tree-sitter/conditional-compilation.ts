/**
 * Conditional compilation in C, C++, Objective-C and C#, resolved before parsing. A grammar sees
 * every branch of an `#if` at once, so code written for two configurations — `extern "C" {`
 * under `#ifdef __cplusplus`, an `#ifdef` inside an expression, a function head per platform —
 * does not parse as one program (2 of 5 redis files failed). The reader's reading is kept
 * instead: the first branch of each conditional, except where the condition is known
 * (`#if 0`, `#if 1`, `__cplusplus` by the file's language), and every other branch and the
 * conditional directives themselves become spaces.
 *
 * Offsets, lines and comments stay where they were (a blanked character becomes a space, a
 * newline stays), so line numbers, comment text and code-line counts are those of the file as
 * written. `#include` / `#import` lines are kept in every branch: the dependency graph should
 * know every configuration's includes.
 */

export interface ConditionalOptions {
  /** Whether `__cplusplus` is defined: C++ files yes, C and Objective-C files no. */
  cplusplus: boolean;
}

interface Frame {
  /** Whether lines of the current branch are kept. */
  active: boolean;
  /** Whether a branch of this conditional was taken already. */
  taken: boolean;
  /** Whether the enclosing code is kept. */
  parentActive: boolean;
}

const CONDITIONAL = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/;
const KEPT_DIRECTIVE = /^\s*#\s*(include|import)\b/;
const HAS_CONDITIONAL = /^[ \t]*#[ \t]*if/m;

/** What a condition is known to be: true, false, or undefined (unknown: the first branch wins). */
function evaluate(kind: string, expression: string, options: ConditionalOptions): boolean | undefined {
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

const MAY_CHANGE_STATE = /["'/@]/;
const NEXT_STATE_CHAR = /["'/@]/g;

/**
 * One line with its code blanked (`blank`) or kept, comments always kept; updates the state for
 * block comments and verbatim strings that run on to the next line.
 */
function scanLine(line: string, state: ScanState, blank: boolean): string {
  // Most kept lines open or close nothing that runs on: nothing to scan.
  if (!blank && !state.inBlockComment && !state.inVerbatim && !MAY_CHANGE_STATE.test(line)) return line;
  const out: string[] = [];
  const code = (from: number, to: number) =>
    out.push(blank ? line.slice(from, to).replace(/[^\r]/g, ' ') : line.slice(from, to));
  let i = 0;
  while (i < line.length) {
    if (state.inBlockComment) {
      const end = line.indexOf('*/', i);
      const stop = end === -1 ? line.length : end + 2;
      out.push(line.slice(i, stop));
      i = stop;
      if (end !== -1) state.inBlockComment = false;
      continue;
    }
    if (state.inVerbatim) {
      // `""` is an escaped quote inside a verbatim string.
      let j = i;
      while (j < line.length && !(line[j] === '"' && line[j + 1] !== '"')) j += line[j] === '"' ? 2 : 1;
      if (j < line.length) state.inVerbatim = false;
      code(i, Math.min(j + 1, line.length));
      i = j + 1;
      continue;
    }
    const ch = line[i];
    const next = line[i + 1];
    if (ch === '/' && next === '/') {
      out.push(line.slice(i));
      break;
    }
    if (ch === '/' && next === '*') {
      state.inBlockComment = true;
      out.push('/*');
      i += 2;
      continue;
    }
    if (ch === '@' && next === '"') {
      state.inVerbatim = true;
      code(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A string or character literal ends on its line (a backslash escapes the next character).
      let j = i + 1;
      while (j < line.length && line[j] !== ch) j += line[j] === '\\' ? 2 : 1;
      const stop = Math.min(j + 1, line.length);
      code(i, stop);
      i = stop;
      continue;
    }
    NEXT_STATE_CHAR.lastIndex = i + 1;
    const j = NEXT_STATE_CHAR.exec(line)?.index ?? line.length;
    code(i, j);
    i = j;
  }
  return out.join('');
}

/** The text with only the kept branches of its conditionals left as code (see the file comment). */
export function keepFirstBranches(text: string, options: ConditionalOptions): string {
  if (!HAS_CONDITIONAL.test(text)) return text;
  const lines = text.split('\n');
  const state: ScanState = { inBlockComment: false, inVerbatim: false };
  const frames: Frame[] = [];
  const active = () => frames.length === 0 || frames[frames.length - 1].active;
  let continuation = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const atCode = !state.inBlockComment && !state.inVerbatim;
    const directive = atCode && !continuation ? CONDITIONAL.exec(line) : null;
    if (directive) {
      const [, kind, expression] = directive;
      const top = frames[frames.length - 1];
      if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef') {
        const parentActive = active();
        const value = evaluate(kind, expression, options) ?? true;
        frames.push({ active: parentActive && value, taken: value, parentActive });
      } else if (kind === 'elif' && top) {
        const value = !top.taken && (evaluate('if', expression, options) ?? true);
        top.active = top.parentActive && value;
        top.taken ||= value;
      } else if (kind === 'else' && top) {
        top.active = top.parentActive && !top.taken;
        top.taken = true;
      } else if (kind === 'endif') {
        frames.pop();
      }
      lines[n] = scanLine(line, state, true);
      continuation = line.trimEnd().endsWith('\\');
      continue;
    }
    const keep = active() || (atCode && KEPT_DIRECTIVE.test(line));
    // A directive continued with a backslash is blanked whole, like its first line.
    lines[n] = scanLine(line, state, continuation || !keep);
    continuation = continuation && line.trimEnd().endsWith('\\');
  }
  return lines.join('\n');
}
