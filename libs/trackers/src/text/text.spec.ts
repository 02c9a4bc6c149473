import { adfToText } from './adf-text';
import { markdownToText } from './markdown-text';

describe('adfToText', () => {
  it('keeps inline text, code, mentions and status, and breaks lines at blocks and list items', () => {
    const document = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Scope' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ask ' },
            { type: 'mention', attrs: { id: 'x', text: '@ada' } },
            { type: 'text', text: ' about ' },
            { type: 'text', text: 'ledger.ts', marks: [{ type: 'code' }] },
            { type: 'hardBreak' },
            { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
          ],
        },
        { type: 'codeBlock', content: [{ type: 'text', text: 'src/billing/*' }] },
      ],
    };
    expect(adfToText(document)).toBe('Scope\nAsk @ada about ledger.ts\nBLOCKED\n- one\nsrc/billing/*');
  });

  it('tolerates junk', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText({ type: 'doc', content: [{ type: 'text' }, 'x', 3] })).toBe('');
  });
});

describe('markdownToText', () => {
  it('drops Markdown syntax but keeps identifiers intact', () => {
    const markdown = [
      '# Retry **failed** payments',
      '> quoted',
      '- [ ] update `snake_case_name` in [ledger](https://x.example/l)',
      '1. check ![diagram](https://x.example/d.png) and ~~old~~ flow',
      '```ts',
      'const a_b = 1;',
      '```',
    ].join('\n');
    expect(markdownToText(markdown)).toBe(
      'Retry failed payments\nquoted\nupdate snake_case_name in ledger\ncheck diagram and old flow\nconst a_b = 1;',
    );
  });
});
