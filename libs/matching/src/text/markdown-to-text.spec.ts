import { markdownToText } from './markdown-to-text';

describe('markdownToText', () => {
  it('removes markup and keeps words', () => {
    const md =
      '## Checkout\n\n> **Retry** _payments_ twice\n\n- [x] one\n1. two\n\n| a | b |\n|---|---|\n| c | d |';
    expect(markdownToText(md).text).toBe('Checkout\nRetry payments twice\none\ntwo\na b\nc d');
  });

  it('keeps fenced code and inline code, and reports both as code', () => {
    const md = 'Calling `cart.retry()` fails:\n```ts\nthrow new Error("x")\n```\nend';
    const result = markdownToText(md);
    expect(result.text).toBe('Calling cart.retry() fails:\nthrow new Error("x")\nend');
    expect(result.code).toEqual(['cart.retry()', 'throw new Error("x")']);
  });

  it('keeps an unterminated fence as code', () => {
    expect(markdownToText('```\nat a.B(B.java:1)').code).toEqual(['at a.B(B.java:1)']);
  });

  it('does not eat underscores inside identifiers or generics in prose', () => {
    expect(markdownToText('send_static_file breaks on List<String> with *emphasis*').text).toBe(
      'send_static_file breaks on List<String> with emphasis',
    );
  });

  it('turns links into their label, keeping repository file paths and dropping other URLs', () => {
    const md =
      'See [the cart](https://github.com/a/b/blob/main/src/cart.ts) and https://example.com/x ![img](a.png)';
    expect(markdownToText(md).text).toBe('See the cart src/cart.ts and  img');
  });

  it('strips HTML tags and comments', () => {
    expect(markdownToText('<details><summary>Log</summary>text<br/></details><!-- hidden -->').text).toBe(
      'Log text',
    );
  });
});
