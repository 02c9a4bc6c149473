import { EXTENSIONS, FILE_EXACT, normalizePath } from './source-paths';

/**
 * One frame of a stack trace a ticket quotes (Java, Kotlin, Scala, Python, JavaScript and
 * TypeScript, Go, C#, Ruby, PHP, or any `file:line`): the file as written, the function, the line.
 */
export interface StackFrame {
  file?: string;
  symbol?: string;
  line?: number;
}

const MAX_FRAMES = 40;

const FRAME_PATTERNS: ReadonlyArray<{
  re: RegExp;
  file?: number;
  line?: number;
  symbol?: number;
  java?: boolean;
}> = [
  // C#: at Ns.Type.Method(args) in C:\src\File.cs:line 12
  { re: /\bat\s+([\w.<>`]+)\([^)]*\)\s+in\s+(.+?):line\s+(\d+)/, symbol: 1, file: 2, line: 3 },
  // Java, Kotlin, Scala: at pkg.Type.method(Type.java:12)
  {
    re: /\bat\s+([\w$.<>/]+)\s*\(([^():\s]+\.[A-Za-z]+)(?::(\d+))?\)/,
    symbol: 1,
    file: 2,
    line: 3,
    java: true,
  },
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

/**
 * A Java frame names only the file (`StringUtils.java`); its qualified name holds the package, so
 * `org.apache.commons.lang3.StringUtils.join` is read as `org/apache/commons/lang3/StringUtils.java`
 * and a same-named file in another package is not taken for it. A module prefix
 * (`java.base/java.util…`) is dropped.
 */
function qualifiedJavaFile(symbol: string, file: string): string {
  const parts = symbol.slice(symbol.lastIndexOf('/') + 1).split('.');
  const base = file.slice(0, file.lastIndexOf('.'));
  const owner = parts.findLastIndex((part, i) => i < parts.length - 1 && part.split('$')[0] === base);
  return owner > 0 ? `${parts.slice(0, owner).join('/')}/${file}` : file;
}

// What a frame line may say besides its frame: "at", "in", "from", "line", "File", "async", "new".
const FRAME_FILLER = new Set(['at', 'in', 'from', 'line', 'file', 'async', 'new']);

/**
 * Lines of a trace that name no file: its header, elisions, native and Node-internal frames,
 * Python's carets.
 */
const TRACE_BOILERPLATE = new RegExp(
  '^\\s*(?:' +
    [
      'Traceback \\(most recent call last\\):?',
      '\\.\\.\\. \\d+ (?:more|common frames omitted)',
      'at [\\w$.<>/]+\\((?:Native Method|Unknown Source)\\)',
      'at (?:async )?(?:[\\w$.<>[\\] ]+ )?\\(?(?:node:[\\w/:.-]+|index \\d+)\\)?',
      'goroutine \\d+ \\[[^\\]]*\\]:',
      '#\\d+ \\{main\\}',
      'Stack ?trace:?',
      '[~^]+',
    ].join('|') +
    ')\\s*$',
  'i',
);

// A Go trace pairs each function line with the tab-indented `file.go:line +0x…` line below it.
// The tab is optional: a trace pasted into Markdown outside a code block loses it.
const GO_FUNCTION_LINE = /^\s*[\w./@-]+\.(?:\(\*?\w+\)\.)?\w+(?:\.func\d+)*(?:\.\d+)*\(.*\)\s*$/;
const GO_FILE_LINE = /^\s*\S+\.go:\d+(?: \+0x[0-9a-f]+)?\s*$/;
// The runtime's `panic(…)` frame: what a trace printed by a recovery (debug.Stack() in a deferred
// function) lists above it is the recovery printing the trace, not the failure: the frame that
// panicked is the one below it. gin's recovery frame, and its function's name as a query word,
// had put recovery.go above the render/json.go that panicked.
const GO_GOROUTINE_HEADER = /^\s*goroutine \d+ \[[^\]]*\]:\s*$/;
const GO_PANIC_LINE = /^\s*panic\(.*\)(?:\s*\[recovered\])?\s*$/;

/**
 * `github.com/gin-gonic/gin.(*Context).Next(…)` → `Context.Next`; `main.main()` → `main`; a
 * closure's frame (`gin.LoggerWithConfig.func1`) is its function's, `LoggerWithConfig`.
 */
function goFunctionName(line: string): string {
  const qualified = line.trim().slice(line.trim().lastIndexOf('/') + 1);
  // The receiver's brackets go (`(*Context).Next`), not the arguments' (`func1(0xc000…)`).
  const name = qualified.slice(qualified.indexOf('.') + 1).replace(/^\(\*?(\w+)\)(?=\.)/, '$1');
  return name.slice(0, name.indexOf('(')).replace(/(?:\.func\d+|\.\d+)+$/, '');
}

function frameOf(line: string): { frame?: StackFrame; wholeLine: boolean } {
  for (const pattern of FRAME_PATTERNS) {
    const m = pattern.re.exec(line);
    if (!m) continue;
    const frame: StackFrame = {};
    if (pattern.file !== undefined && m[pattern.file]) frame.file = normalizePath(m[pattern.file]);
    if (pattern.line !== undefined && m[pattern.line]) frame.line = Number(m[pattern.line]);
    if (pattern.symbol === 0) frame.symbol = `${m[1]}.${m[2]}`;
    else if (pattern.symbol !== undefined && m[pattern.symbol]) frame.symbol = m[pattern.symbol].trim();
    if (frame.file && !FILE_EXACT.test(frame.file)) delete frame.file;
    if (frame.file && frame.symbol && pattern.java) frame.file = qualifiedJavaFile(frame.symbol, frame.file);
    // Logback's packaging data (`~[jackson-databind-2.4.0.jar:2.4.0]`) is part of the frame.
    const rest = (line.slice(0, m.index) + line.slice(m.index + m[0].length)).replace(/~?\[[^\]]*\]/g, ' ');
    const wholeLine = (rest.match(/[A-Za-z]{2,}/g) ?? []).every((w) => FRAME_FILLER.has(w.toLowerCase()));
    return { frame: frame.file || frame.symbol ? frame : undefined, wholeLine };
  }
  return { wholeLine: false };
}

/**
 * The frames of any stack traces in `text` (the 40 nearest the failure), and the text without the
 * lines that are only trace: a trace's evidence is the frames that resolve to this repository's files,
 * while its words — dozens of runtime and framework names ("java", "util", "stream", "concurrent")
 * — would outweigh the ticket's own and name look-alike files.
 */
export function readStackTraces(text: string): { frames: StackFrame[]; prose: string } {
  const lines = text.split('\n');
  const prose: string[] = [];
  const frames = new Map<string, StackFrame>();
  let goFunction: string | undefined;
  let panicFileLine = -1;
  // Frames read since the current goroutine's header (none yet: null): above a panic, the recovery's.
  let sinceHeader: string[] | null = null;
  lines.forEach((line, i) => {
    if (GO_GOROUTINE_HEADER.test(line)) sinceHeader = [];
    if (GO_PANIC_LINE.test(line) && GO_FILE_LINE.test(lines[i + 1] ?? '')) panicFileLine = i + 1;
    if (GO_FUNCTION_LINE.test(line) && GO_FILE_LINE.test(lines[i + 1] ?? '')) {
      // Read with the file line below it, so a frame of other code is known as such by its file.
      goFunction = goFunctionName(line);
      return;
    }
    const { frame, wholeLine } = frameOf(line);
    if (frame && goFunction && !frame.symbol) frame.symbol = goFunction;
    goFunction = undefined;
    const key = frame && `${frame.file ?? ''}:${frame.line ?? ''}:${frame.symbol ?? ''}`;
    if (frame && key && !frames.has(key)) {
      frames.set(key, frame);
      sinceHeader?.push(key);
    }
    if (i === panicFileLine && sinceHeader) {
      for (const recovery of sinceHeader) frames.delete(recovery);
      sinceHeader = [];
    }
    if (!wholeLine && !TRACE_BOILERPLATE.test(line) && !GO_PANIC_LINE.test(line)) prose.push(line);
  });
  return { frames: nearestFirst([...frames.values()]).slice(0, MAX_FRAMES), prose: prose.join('\n') };
}

/**
 * Frames nearest the failure first. Every runtime prints the failing frame first but Python, whose
 * tracebacks (and pytest's) end with it: "most recent call last".
 */
function nearestFirst(frames: readonly StackFrame[]): StackFrame[] {
  const python = frames.filter((f) => f.file?.endsWith('.py'));
  return [...python.reverse(), ...frames.filter((f) => !f.file?.endsWith('.py'))];
}

/** `text` without the lines that are only stack trace (frames, headers, elisions). */
export function withoutStackTraces(text: string): string {
  return readStackTraces(text).prose;
}
