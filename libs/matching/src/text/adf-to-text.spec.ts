import { adfToText, isAdfDocument } from './adf-to-text';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});

describe('adfToText', () => {
  it('joins blocks with line breaks so words of adjacent blocks never fuse', () => {
    const result = adfToText(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Checkout')] },
        p(text('Retry '), text('payments'), { type: 'hardBreak' }, text('twice')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(text('first'))] },
            { type: 'listItem', content: [p(text('second'))] },
          ],
        },
      ),
    );
    expect(result.text).toBe('Checkout\nRetry payments\ntwice\nfirst\nsecond');
  });

  it('keeps code blocks and inline code in the text and reports them as code', () => {
    const result = adfToText(
      doc(p(text('Calling '), text('PaymentService.retry()', [{ type: 'code' }]), text(' fails')), {
        type: 'codeBlock',
        attrs: { language: 'java' },
        content: [text('at a.B.c(B.java:1)\nat d.E.f(E.java:2)')],
      }),
    );
    expect(result.text).toBe('Calling PaymentService.retry() fails\nat a.B.c(B.java:1)\nat d.E.f(E.java:2)');
    expect(result.code).toEqual(['PaymentService.retry()', 'at a.B.c(B.java:1)\nat d.E.f(E.java:2)']);
  });

  it('drops people mentions and emoji, keeps repository links as paths', () => {
    const result = adfToText(
      doc(
        p(
          { type: 'mention', attrs: { id: '1', text: '@Ann Smith' } },
          text(' see '),
          { type: 'emoji', attrs: { shortName: ':smile:' } },
          {
            type: 'inlineCard',
            attrs: { url: 'https://github.com/acme/shop/blob/main/src/cart/cart.ts#L12' },
          },
          text('docs', [{ type: 'link', attrs: { href: 'https://example.com/page' } }]),
        ),
      ),
    );
    expect(result.text).toBe('see  src/cart/cart.ts docs');
  });

  it('survives malformed and hostile documents', () => {
    expect(adfToText(null)).toEqual({ text: '', code: [] });
    expect(adfToText({ type: 'doc', content: [42, 'x', { content: 'no' }, p(text('ok'))] }).text).toBe('ok');
    let deep: unknown = text('too deep');
    for (let i = 0; i < 200; i++) deep = p(deep);
    expect(adfToText(doc(deep)).text).toBe('');
  });

  it('recognises ADF documents', () => {
    expect(isAdfDocument(doc())).toBe(true);
    expect(isAdfDocument({ type: 'paragraph', content: [] })).toBe(false);
    expect(isAdfDocument('text')).toBe(false);
  });
});
