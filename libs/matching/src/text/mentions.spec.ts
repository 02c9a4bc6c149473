import { extractMentions } from './mentions';
import { withoutStackTraces } from './stack-traces';

const mentions = (text: string, code: string[] = []) => extractMentions({ text, code });

describe('extractMentions', () => {
  it('reads Java, Python, JavaScript, Go, C#, Ruby and PHP stack frames', () => {
    const trace = [
      'java.lang.NullPointerException',
      '  at org.apache.commons.lang3.StringUtils.join(StringUtils.java:4123)',
      '  File "/srv/app/flask/helpers.py", line 12, in send_file',
      '  at Foo.bar (/home/u/src/query-builder/InsertQueryBuilder.ts:12:3)',
      'github.com/gin-gonic/gin.(*Context).Next(...)',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:174 +0x2b',
      '   at Shop.Cart.Add(Item item) in C:\\src\\Shop\\Cart.cs:line 42',
      "app/models/user.rb:12:in `save'",
      '#0 /var/www/src/Order.php(88): Order->total()',
    ].join('\n');
    expect(mentions(trace).frames).toEqual([
      { file: 'srv/app/flask/helpers.py', line: 12, symbol: 'send_file' },
      {
        file: 'org/apache/commons/lang3/StringUtils.java',
        line: 4123,
        symbol: 'org.apache.commons.lang3.StringUtils.join',
      },
      { file: 'home/u/src/query-builder/InsertQueryBuilder.ts', line: 12, symbol: 'Foo.bar' },
      { file: 'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go', line: 174, symbol: 'Context.Next' },
      { file: 'src/Shop/Cart.cs', line: 42, symbol: 'Shop.Cart.Add' },
      { file: 'app/models/user.rb', line: 12, symbol: 'save' },
      { file: 'var/www/src/Order.php', line: 88, symbol: 'Order->total' },
    ]);
  });

  it("reads a Java frame's file in its package, past a module prefix and nested classes", () => {
    const frames = mentions(
      [
        '\tat java.base/java.util.ArrayList$Itr.next(ArrayList.java:1052)',
        '\tat Main.main(Main.java:3)',
        '\tat com.acme.Export.lambda$run$0(Export.kt:41)',
      ].join('\n'),
    ).frames;
    expect(frames.map((f) => f.file)).toEqual([
      'java/util/ArrayList.java',
      'Main.java',
      'com/acme/Export.kt',
    ]);
  });

  it('puts the frame nearest the failure first: the last of a Python traceback, the first elsewhere', () => {
    const python = [
      'Traceback (most recent call last):',
      '  File "/srv/app/flask/app.py", line 2190, in wsgi_app',
      '  File "/srv/app/flask/helpers.py", line 511, in send_file',
      'TypeError: expected str',
    ].join('\n');
    expect(mentions(python).frames.map((f) => f.symbol)).toEqual(['send_file', 'wsgi_app']);
    const java = '\tat a.B.inner(B.java:1)\n\tat a.C.outer(C.java:2)';
    expect(mentions(java).frames.map((f) => f.file)).toEqual(['a/B.java', 'a/C.java']);
  });

  it('keeps the words of a trace out of the text, and the prose and the error around it in', () => {
    const text = [
      'Export fails since 3.14:',
      'Traceback (most recent call last):',
      '  File "/srv/venv/lib/python3.11/site-packages/flask/sessions.py", line 380, in save_session',
      '    if not self.should_set_cookie(app, session):',
      '    ^^^^^^^^^^^^^^^^^^^^^^',
      "KeyError: '_permanent'",
      'java.lang.NullPointerException: marker',
      '\tat java.base/java.util.stream.ReferencePipeline.collect(ReferencePipeline.java:682)',
      '\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
      '! at com.acme.Api.call(Api.java:9) ~[acme-api-2.3.jar:2.3]',
      '\t... 12 more',
      '    at async Promise.all (index 0)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at charge (/app/libs/payments/stripe-client.ts:40:7)',
      'goroutine 1 [running]:',
      'github.com/gin-gonic/gin.(*Context).Next(...)',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:174 +0x2b',
      'main.main()',
      '\t/src/main.go:12 +0x1d',
      "from app/models/user.rb:12:in `save'",
      'The check in src/app.py:12 is wrong, and client.send(msg) too.',
    ].join('\n');
    expect(withoutStackTraces(text).split('\n')).toEqual([
      'Export fails since 3.14:',
      '    if not self.should_set_cookie(app, session):',
      "KeyError: '_permanent'",
      'java.lang.NullPointerException: marker',
      'The check in src/app.py:12 is wrong, and client.send(msg) too.',
    ]);
    const found = mentions(text);
    // A frame's qualified name is read as its frame, not again as a name the ticket writes.
    expect(found.symbols).not.toContain('java.util.stream.ReferencePipeline.collect');
    expect(found.symbols).toEqual(expect.arrayContaining(['self.should_set_cookie', 'client.send']));
    expect(found.frames.map((f) => f.file ?? f.symbol)).toEqual([
      'src/app.py',
      'srv/venv/lib/python3.11/site-packages/flask/sessions.py',
      'java/util/stream/ReferencePipeline.java',
      'com/acme/Api.java',
      'app/libs/payments/stripe-client.ts',
      'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go',
      'src/main.go',
      'app/models/user.rb',
    ]);
  });

  it("names a Go frame by its function, not its closure's number or its argument words", () => {
    const text = [
      'goroutine 7 [running]:',
      'github.com/gin-gonic/gin.LoggerWithConfig.func1(0xc0001b2000)',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/logger.go:240 +0x2b',
      'github.com/gin-gonic/gin.(*Engine).handleHTTPRequest(0xc000082000, 0xc0001b2000)',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/gin.go:620 +0x1d',
    ].join('\n');
    expect(mentions(text).frames.map((f) => f.symbol)).toEqual([
      'LoggerWithConfig',
      'Engine.handleHTTPRequest',
    ]);
  });

  it('reads the frames that panicked, not the recovery that printed the trace', () => {
    // A recovery middleware prints debug.Stack(): its own deferred frame, then panic(…), then the failure.
    const text = [
      'goroutine 34 [running]:',
      'runtime/debug.Stack()',
      '\t/usr/local/go/src/runtime/debug/stack.go:24 +0x5e',
      'github.com/gin-gonic/gin.CustomRecoveryWithWriter.func1.1()',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/recovery.go:102 +0x7a',
      'panic({0x8a5e40?, 0xc0001a2f90?})',
      '\t/usr/local/go/src/runtime/panic.go:914 +0x21f',
      'github.com/gin-gonic/gin/render.JSON.Render({0x0?, 0x0?}, {0x9e7b70, 0xc0002a0000})',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/render/json.go:58 +0x95',
      'github.com/gin-gonic/gin.(*Context).Render(0xc0002a0100, 0xc8, {0x9e6f20, 0xc0001a2f78})',
      '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:1018 +0x1c3',
    ].join('\n');
    const earlier = ['goroutine 1 [running]:', 'main.main()', '\t/src/main.go:12 +0x1d'].join('\n');
    expect(mentions(`${earlier}\n${text}`).frames.map((f) => f.file?.split('/').pop())).toEqual([
      'main.go',
      'json.go',
      'context.go',
    ]);
    expect(withoutStackTraces(`Render panics on a nil value\n${text}`)).toBe('Render panics on a nil value');
  });

  it('reads a Go trace whose file lines lost their tab (pasted as Markdown text, not in a code block)', () => {
    const text = [
      'github.com/gin-gonic/gin/binding.decodeJSON(0x0, 0x0, 0xc000123)',
      '/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/binding/json.go:56 +0x3f',
      'github.com/gin-gonic/gin.(*Context).ShouldBindWith(...)',
      '/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go:712',
    ].join('\n');
    expect(mentions(text).frames.map((f) => [f.file?.split('/').pop(), f.line, f.symbol])).toEqual([
      ['json.go', 56, 'decodeJSON'],
      ['context.go', 712, 'Context.ShouldBindWith'],
    ]);
    expect(withoutStackTraces(`Binding panics\n${text}`)).toBe('Binding panics');
  });

  it('finds file names and paths with source extensions, not dotted names or URLs', () => {
    const found = mentions(
      'Broken in src/flask/app.py and context.go, not in StringUtils.join or https://x.io/a.py',
    );
    expect(found.files).toEqual(['src/flask/app.py', 'context.go']);
  });

  it('finds identifiers written as code: camel and snake case, calls, dotted names, code spans', () => {
    const found = mentions(
      'CharRange.contains fails; send_file and getRepository() too; also HTTPServer but not Context',
      ['router'],
    );
    expect(found.symbols).toEqual(
      expect.arrayContaining(['router', 'CharRange.contains', 'send_file', 'getRepository', 'HTTPServer']),
    );
    expect(found.symbols).not.toContain('Context');
  });

  it("keeps identifiers seen only inside a call's parentheses apart as arguments", () => {
    const found = mentions('NPE in SystemUtils.isJavaVersionAtLeast(JavaVersion) on startup');
    expect(found.symbols).toEqual(['SystemUtils.isJavaVersionAtLeast']);
    expect(found.arguments).toEqual(['JavaVersion']);
  });

  it('does not read a kebab-case name before parentheses as a call', () => {
    expect(mentions('Fix parse of :nth-child(-n+2)').symbols).toEqual([]);
    expect(mentions('Fix parse of nth(2)').symbols).toEqual(['nth']);
  });

  it('reads a shell command in a code span as a command, not as names in the code', () => {
    const text = 'Run `flask run --reload`, then `npx typeorm migration:run -d dist/data-source.js` fails';
    const found = mentions(text, ['flask run --reload', 'npx typeorm migration:run -d dist/data-source.js']);
    expect(found.symbols).toEqual(['--reload']);
    // Code keeps its names, spaces and all.
    const code = ['session.modified = True', 'return send_file(path)', 'take'];
    expect(mentions('see the code', code).symbols).toEqual(
      expect.arrayContaining(['session.modified', 'True', 'send_file', 'path', 'take']),
    );
  });

  it('reads no names in a URL inside a code span', () => {
    const span = "requests.get(url, proxies={'http': 'http://user:pass@proxy:3128'})";
    expect(mentions(`Repro: \`${span}\``, [span]).symbols.sort()).toEqual([
      'http',
      'proxies',
      'requests.get',
      'url',
    ]);
  });

  it('reads a command-line option as written, not a dash or a dashed word', () => {
    expect(
      mentions('cleanup references of --compilers; add --forbid-only -- see the re-run').symbols,
    ).toEqual(['--compilers', '--forbid-only']);
    // In a code span too: one mention, dashes and all, not the bare name.
    expect(mentions('Running with `--help` prints usage twice', ['--help']).symbols).toEqual(['--help']);
  });

  it('reads a quoted kebab-case or upper-case name as code, not a quoted word, phrase or apostrophe', () => {
    expect(
      mentions(
        `remove 'wide-align'; 'XUNIT' and "JSON" reporters crash; no theme named 'flask'; don't "Add the cart"`,
      ).symbols,
    ).toEqual(['wide-align', 'XUNIT', 'JSON']);
  });

  it('reads a plural acronym as a word, not a type name', () => {
    expect(mentions('More *_async APIs; drop IDs and URLs from PRs').symbols).toEqual([]);
    expect(mentions('HTTPServer and URLSearchParams').symbols).toEqual(['HTTPServer', 'URLSearchParams']);
  });

  it('skips abbreviations and host names', () => {
    const found = mentions('e.g. this, i.e. that, see github.com');
    expect(found.symbols).toEqual([]);
  });
});
