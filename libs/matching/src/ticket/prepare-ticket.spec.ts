import { prepareTicket } from './prepare-ticket';

describe('prepareTicket', () => {
  it('reads a Markdown description, keeps code and finds mentions', () => {
    const t = prepareTicket({
      key: 'ENG-7',
      title: 'Checkout retries twice',
      description:
        'See `PaymentService.retry` in src/payments/service.ts\n```\nat retry (src/payments/service.ts:10:2)\n```',
      labels: ['payments', ''],
    });
    expect(t.title).toBe('Checkout retries twice');
    expect(t.code).toEqual(['PaymentService.retry', 'at retry (src/payments/service.ts:10:2)']);
    expect(t.mentions.files).toEqual(['src/payments/service.ts']);
    expect(t.mentions.symbols).toContain('PaymentService.retry');
    expect(t.labels).toEqual(['payments']);
    expect(t.bugLike).toBe(true);
  });

  it('reads a Go trace pasted as plain Markdown text: frames, and none of its words as terms', () => {
    const t = prepareTicket({
      title: 'ShouldBindJSON panics on a nil body',
      description: [
        'panic: runtime error: invalid memory address',
        'github.com/gin-gonic/gin/binding.decodeJSON(0x0, 0x0, 0xc000123)',
        '\t/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/binding/json.go:56 +0x3f',
      ].join('\n'),
    });
    expect(t.mentions.frames).toEqual([expect.objectContaining({ line: 56, symbol: 'decodeJSON' })]);
    const surfaces = t.terms.map((term) => term.surface);
    // The frame's function comes back as a word only where it is this repository's (the ranker).
    expect(surfaces).toContain('memory');
    for (const junk of ['github', 'com', 'gonic', '0x0', 'decodeJSON']) expect(surfaces).not.toContain(junk);
  });

  it('marks the names only the description writes', () => {
    const t = prepareTicket({
      title: 'Session.send hangs when the body is a `StringIO`',
      description: '```python\nrequests.post(url, data=StringIO("x"))\n```\nSee utils.py too.',
    });
    expect(t.mentions.describedOnly.sort()).toEqual(['data', 'requests.post', 'url', 'utils.py']);
    expect(prepareTicket({ title: 'Fix `StringIO` bodies in utils.py' }).mentions.describedOnly).toEqual([]);
  });

  it('reads an ADF description', () => {
    const t = prepareTicket({
      title: 'Refunds',
      description: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'partial refunds fail' }] }],
      },
    });
    expect(t.description).toBe('partial refunds fail');
  });

  it('weights title terms above description terms and caps repetitions', () => {
    const t = prepareTicket({
      title: 'refund',
      description: `${'checkout '.repeat(30)} cart`,
    });
    const weight = (term: string) => t.terms.find((q) => q.term === term)?.weight;
    expect(weight('refund')).toBe(1);
    expect(weight('cart')).toBeLessThan(0.5);
    expect(weight('checkout')).toBe(3);
    expect(t.terms.find((q) => q.term === 'refund')?.inTitle).toBe(true);
  });

  it('caps long input and says so', () => {
    const t = prepareTicket(
      { title: 'x'.repeat(5), description: 'word '.repeat(10_000) },
      { maxTitleChars: 3, maxDescriptionChars: 100, maxQueryTerms: 5 },
    );
    expect(t.title).toBe('xxx');
    expect(t.description.length).toBe(100);
    expect(t.truncated).toBe(true);
  });

  it('keeps the strongest terms when there are too many', () => {
    const description = Array.from({ length: 20 }, (_, i) =>
      `alpha${String.fromCharCode(97 + i)}`.repeat(1),
    ).join(' ');
    const t = prepareTicket(
      { title: 'checkout', description },
      { maxTitleChars: 100, maxDescriptionChars: 10_000, maxQueryTerms: 3 },
    );
    expect(t.terms).toHaveLength(3);
    expect(t.terms[0].term).toBe('checkout');
  });

  it('treats bug types, bug labels and bug words as bug-like, stories otherwise', () => {
    expect(prepareTicket({ title: 'Add export', issueType: 'Bug' }).bugLike).toBe(true);
    expect(prepareTicket({ title: 'Add export', labels: ['regression'] }).bugLike).toBe(true);
    expect(prepareTicket({ title: 'Export crashes on empty list' }).bugLike).toBe(true);
    expect(prepareTicket({ title: 'Add export', issueType: 'Story' }).bugLike).toBe(false);
  });

  it('survives input of the wrong shape', () => {
    const t = prepareTicket({
      title: 42 as unknown as string,
      description: { nope: true },
      labels: [7 as unknown as string],
    });
    expect(t).toEqual(expect.objectContaining({ title: '', description: '', terms: [], labels: [] }));
  });
});
