import { describeReason, describeResult } from './describe-result';
import { MatchReason, RankedResult } from './match-result';

describe('describeResult', () => {
  it.each<[MatchReason, string]>([
    [
      { kind: 'terms', field: 'name', terms: ['checkout'], share: 0.5 },
      'term "checkout" matches the file name',
    ],
    [
      { kind: 'terms', field: 'commits', terms: ['retry', 'card'], share: 0.5 },
      'terms "retry", "card" appear in the commits that changed it',
    ],
    [{ kind: 'terms', field: 'content', terms: ['stripe'], share: 0.5 }, 'term "stripe" appears in its code'],
    [{ kind: 'mention', mention: 'symbol', text: 'Cart.add', share: 1 }, 'the ticket names `Cart.add`'],
    [{ kind: 'mention', mention: 'file', text: 'cart.ts', share: 1 }, 'the ticket names the file `cart.ts`'],
    [
      { kind: 'mention', mention: 'stack-frame', text: 'srv/app/src/cart.ts:12', share: 1 },
      'a stack-trace frame points at cart.ts:12',
    ],
    [
      { kind: 'name', target: 'file', text: 'response writer', share: 1 },
      'the words "response writer" name this file',
    ],
    [
      {
        kind: 'similar-tickets',
        tickets: [
          { key: 'SHOP-1', title: 'a', similarity: 1 },
          { title: 'b', similarity: 0.5 },
        ],
        share: 1,
      },
      '1 past ticket (SHOP-1) and 1 past change with similar text changed it',
    ],
    [{ kind: 'prior', prior: 'change-frequency', value: 37, share: 0.1 }, 'it changed 37 times'],
    [{ kind: 'prior', prior: 'recency', value: 1, share: 0.1 }, 'it changed 1 day ago'],
    [{ kind: 'prior', prior: 'recency', value: 0, share: 0.1 }, 'it changed less than a day ago'],
    [{ kind: 'prior', prior: 'bug-fix-history', value: 4, share: 0.1 }, '4 past bug fixes touched it'],
    [
      { kind: 'path-rule', source: 'component', value: 'Payments', glob: 'libs/payments/**', share: 1 },
      'component "Payments" maps to libs/payments/**',
    ],
    [{ kind: 'feedback', verdict: 'right', tickets: ['SHOP-2'], share: 1 }, 'marked right for SHOP-2'],
  ])('%j', (reason, sentence) => {
    expect(describeReason(reason)).toBe(sentence);
  });

  it("joins the strongest reasons into one sentence, an area's after the name of its best file", () => {
    const result: RankedResult = {
      path: 'services/checkout',
      kind: 'area',
      score: 0.8,
      reasons: [
        { kind: 'files', files: [{ path: 'services/checkout/a.ts', score: 0.8 }], share: 1 },
        { kind: 'mention', mention: 'symbol', text: 'Cart.add', share: 0.6 },
        { kind: 'terms', field: 'name', terms: ['checkout'], share: 0.3 },
        { kind: 'prior', prior: 'size', value: 900, share: 0.1 },
      ],
    };
    expect(describeResult(result)).toBe(
      'Best file a.ts: the ticket names `Cart.add`; term "checkout" matches the file name.',
    );
    const file: RankedResult = {
      ...result,
      path: 'services/checkout/a.ts',
      kind: 'file',
      reasons: result.reasons.slice(1),
    };
    expect(describeResult(file)).toBe('The ticket names `Cart.add`; term "checkout" matches the file name.');
    expect(describeResult({ ...result, reasons: [] })).toBe('');
  });

  it('says the words that name the same file or symbol once', () => {
    const file: RankedResult = {
      path: 'src/AnnotationUtils.java',
      kind: 'file',
      score: 0.9,
      reasons: [
        { kind: 'name', target: 'file', text: 'AnnotationUtils', share: 0.3 },
        { kind: 'name', target: 'file', text: 'annotations', share: 0.3 },
        { kind: 'terms', field: 'content', terms: ['equals'], share: 0.2 },
      ],
    };
    expect(describeResult(file)).toBe(
      'The words "AnnotationUtils" and "annotations" name this file; term "equals" appears in its code.',
    );
  });

  it('says the same terms found in several fields once, and gives the freed place to the next reason', () => {
    const file: RankedResult = {
      path: 'lib/defaults/index.js',
      kind: 'file',
      score: 0.9,
      reasons: [
        { kind: 'terms', field: 'content', terms: ['fetch', 'adapter'], share: 0.4 },
        { kind: 'terms', field: 'commits', terms: ['adapter', 'fetch'], share: 0.3 },
        { kind: 'terms', field: 'symbols', terms: ['fetch', 'adapter'], share: 0.1 },
        { kind: 'prior', prior: 'recency', value: 3, share: 0.05 },
      ],
    };
    expect(describeResult(file)).toBe(
      'Terms "fetch", "adapter" appear in its code and in the commits that changed it, and match symbol names; it changed 3 days ago.',
    );
    const names: RankedResult = {
      ...file,
      reasons: [
        { kind: 'terms', field: 'name', terms: ['cookie'], share: 0.4 },
        { kind: 'terms', field: 'directories', terms: ['cookie'], share: 0.3 },
        { kind: 'terms', field: 'content', terms: ['cookie', 'jar'], share: 0.2 },
      ],
    };
    expect(describeResult(names)).toBe(
      'Term "cookie" matches the file name and the folder names; terms "cookie", "jar" appear in its code.',
    );
  });

  it('says "the word … names" of a single word, as a reader would write it', () => {
    const name = (text: string, target: 'file' | 'symbol'): RankedResult => ({
      path: 'lib/adapters/fetch.js',
      kind: 'file',
      score: 0.9,
      reasons: [{ kind: 'name', target, text, share: 1 }],
    });
    expect(describeResult(name('fetch', 'file'))).toBe('The word "fetch" names this file.');
    expect(describeResult(name('fetch', 'symbol'))).toBe('The word "fetch" names a symbol declared here.');
    expect(describeResult(name('fetch adapter', 'file'))).toBe('The words "fetch adapter" name this file.');
  });

  it('quotes the longest run of words naming a file, not the shorter runs inside it', () => {
    const file: RankedResult = {
      path: 'okhttp3/internal/http2/Http2Stream.kt',
      kind: 'file',
      score: 0.9,
      reasons: [
        { kind: 'name', target: 'file', text: 'HTTP 2 stream', share: 0.2 },
        { kind: 'name', target: 'file', text: '2 stream', share: 0.2 },
        { kind: 'name', target: 'file', text: 'stream', share: 0.2 },
        { kind: 'name', target: 'file', text: 'streams', share: 0.2 },
      ],
    };
    expect(describeResult(file)).toBe('The words "HTTP 2 stream" and "streams" name this file.');
  });

  it('says a name the ticket writes as code once, not again as words naming the file', () => {
    const file: RankedResult = {
      path: 'gson/annotations/SerializedName.java',
      kind: 'file',
      score: 0.9,
      reasons: [
        { kind: 'mention', mention: 'symbol', text: 'SerializedName', share: 0.4 },
        { kind: 'name', target: 'file', text: 'SerializedName', share: 0.3 },
        { kind: 'terms', field: 'content', terms: ['records'], share: 0.2 },
      ],
    };
    expect(describeResult(file)).toBe(
      'The ticket names `SerializedName`, this file\'s name; term "records" appears in its code.',
    );
  });

  it('leads with the name the file declares among equally strong ones, and says it is declared there', () => {
    const file: RankedResult = {
      path: 'index.d.ts',
      kind: 'file',
      score: 0.7,
      reasons: [
        { kind: 'similar-tickets', tickets: [{ title: 'Improved type-safety', similarity: 1 }], share: 0.17 },
        // "TypeScript" is only in a comment; the file declares AxiosRequestConfig.
        { kind: 'mention', mention: 'symbol', text: 'TypeScript', share: 0.095 },
        { kind: 'mention', mention: 'symbol', text: 'AxiosRequestConfig', share: 0.095 },
        { kind: 'name', target: 'symbol', text: 'AxiosRequestConfig', share: 0.084 },
      ],
    };
    expect(describeResult(file)).toBe(
      'The ticket names `AxiosRequestConfig`, declared here; 1 past change with similar text changed it.',
    );
  });

  it('leads with a direct reference when it is nearly as strong as the strongest reason', () => {
    const reasons: MatchReason[] = [
      { kind: 'similar-tickets', tickets: [{ title: 'Fix send_file', similarity: 1 }], share: 0.14 },
      { kind: 'terms', field: 'commits', terms: ['send_file'], share: 0.12 },
      { kind: 'mention', mention: 'stack-frame', text: 'flask/helpers.py:511', share: 0.09 },
      { kind: 'mention', mention: 'symbol', text: 'TypeError', share: 0.01 },
    ];
    const file: RankedResult = { path: 'src/flask/helpers.py', kind: 'file', score: 0.9, reasons };
    expect(describeResult(file)).toBe(
      'A stack-trace frame points at helpers.py:511; 1 past change with similar text changed it.',
    );
    // Weak ones do not jump the queue.
    const weak = reasons.map((r) => (r.kind === 'mention' ? { ...r, share: 0.03 } : r));
    expect(describeResult({ ...file, reasons: weak })).toBe(
      '1 past change with similar text changed it; term "send_file" appears in the commits that changed it.',
    );
  });

  it('weighs the direct references together: one signal split among a frame and the names it quotes', () => {
    const reasons: MatchReason[] = [
      { kind: 'similar-tickets', tickets: [{ title: 'Fix send_file', similarity: 1 }], share: 0.14 },
      { kind: 'mention', mention: 'stack-frame', text: 'flask/helpers.py:511', share: 0.04 },
      { kind: 'mention', mention: 'symbol', text: 'send_file', share: 0.04 },
    ];
    const file: RankedResult = { path: 'src/flask/helpers.py', kind: 'file', score: 0.9, reasons };
    expect(describeResult(file)).toBe(
      'A stack-trace frame points at helpers.py:511; 1 past change with similar text changed it.',
    );
  });

  it('says the frames in one file once', () => {
    const reasons: MatchReason[] = [
      {
        kind: 'mention',
        mention: 'stack-frame',
        text: 'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/binding/json.go:56',
        share: 0.3,
      },
      {
        kind: 'mention',
        mention: 'stack-frame',
        text: 'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/binding/json.go:39',
        share: 0.2,
      },
      { kind: 'terms', field: 'content', terms: ['body'], share: 0.1 },
    ];
    const file: RankedResult = { path: 'binding/json.go', kind: 'file', score: 0.9, reasons };
    expect(describeResult(file)).toBe(
      'Stack-trace frames point at json.go:56 and json.go:39; term "body" appears in its code.',
    );
  });

  it('leads with the reference to the file itself over a name the ticket quotes, which other files may hold', () => {
    const reasons: MatchReason[] = [
      { kind: 'terms', field: 'symbols', terms: ['getMany', 'take'], share: 0.12 },
      { kind: 'mention', mention: 'symbol', text: 'take', share: 0.05 },
      { kind: 'mention', mention: 'symbol', text: 'getMany', share: 0.05 },
      {
        kind: 'mention',
        mention: 'stack-frame',
        text: 'typeorm/query-builder/SelectQueryBuilder.js:3412',
        share: 0.04,
      },
    ];
    const file: RankedResult = {
      path: 'src/query-builder/SelectQueryBuilder.ts',
      kind: 'file',
      score: 0.9,
      reasons,
    };
    expect(describeResult(file)).toBe(
      'A stack-trace frame points at SelectQueryBuilder.js:3412; terms "getMany", "take" match symbol names.',
    );
    const named = reasons.map((r) =>
      r.kind === 'mention' && r.mention === 'stack-frame'
        ? { ...r, mention: 'file' as const, text: 'SelectQueryBuilder.ts' }
        : r,
    );
    expect(describeResult({ ...file, reasons: named })).toMatch(
      /^The ticket names the file `SelectQueryBuilder.ts`;/,
    );
  });
});
