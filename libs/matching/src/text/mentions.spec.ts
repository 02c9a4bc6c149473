import { extractMentions } from './mentions';

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
      { file: 'StringUtils.java', line: 4123, symbol: 'org.apache.commons.lang3.StringUtils.join' },
      { file: 'srv/app/flask/helpers.py', line: 12, symbol: 'send_file' },
      { file: 'home/u/src/query-builder/InsertQueryBuilder.ts', line: 12, symbol: 'Foo.bar' },
      { symbol: 'Context.Next' },
      { file: 'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go', line: 174 },
      { file: 'src/Shop/Cart.cs', line: 42, symbol: 'Shop.Cart.Add' },
      { file: 'app/models/user.rb', line: 12, symbol: 'save' },
      { file: 'var/www/src/Order.php', line: 88, symbol: 'Order->total' },
    ]);
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

  it('reads a command-line option as a name, not a dash or a dashed word', () => {
    expect(
      mentions('cleanup references of --compilers; add --forbid-only -- see the re-run').symbols,
    ).toEqual(['compilers', 'forbid-only']);
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
