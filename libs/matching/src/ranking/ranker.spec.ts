import { InMemoryFeedbackStore } from '../feedback/feedback-store';
import { MatchCorpus } from '../index/corpus';
import { buildMatchIndex, topLevelAssignments } from '../index/match-index';
import { describeResult } from './describe-result';
import { rankTicket } from './ranker';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 1);

const corpus: MatchCorpus = {
  asOf: NOW,
  files: [
    {
      path: 'services/checkout/checkout-service.ts',
      symbols: ['CheckoutService', 'placeOrder', 'retryPayment'],
      comments: 'Places orders and retries failed payments.',
      commitSubjects: ['Retry declined card payments once', 'Split checkout into steps'],
      loc: 400,
      revisions: 30,
      bugFixRevisions: 12,
      lastChangedAt: NOW - 3 * DAY,
    },
    {
      path: 'services/checkout/cart.ts',
      symbols: ['Cart', 'addItem', 'removeItem'],
      comments: 'Shopping cart line items.',
      commitSubjects: ['Cart keeps quantities'],
      loc: 120,
      revisions: 5,
      lastChangedAt: NOW - 200 * DAY,
    },
    {
      path: 'libs/payments/stripe-client.ts',
      symbols: ['StripeClient', 'charge', 'refund'],
      comments: 'Thin client for the Stripe API: charges and refunds.',
      commitSubjects: ['Stripe refunds are idempotent'],
      loc: 200,
      revisions: 8,
      lastChangedAt: NOW - 40 * DAY,
    },
    {
      path: 'libs/search/indexer.ts',
      symbols: ['Indexer', 'reindexProducts'],
      comments: 'Rebuilds the product search index.',
      commitSubjects: ['Faster product reindex'],
      loc: 300,
      revisions: 3,
      lastChangedAt: NOW - 400 * DAY,
    },
  ],
  pastTickets: [
    {
      key: 'SHOP-812',
      title: 'Refund fails for partially shipped orders (#4411). Fixes SHOP-812',
      files: ['libs/payments/stripe-client.ts'],
    },
    { key: 'SHOP-640', title: 'Search results miss new products', files: ['libs/search/indexer.ts'] },
  ],
};

describe('rankTicket', () => {
  const index = buildMatchIndex(corpus);

  it('ranks by shared words and explains which field they matched', () => {
    const result = rankTicket(index, { title: 'Retry payments at checkout' });
    expect(result.noMatch).toBe(false);
    expect(result.files[0].path).toBe('services/checkout/checkout-service.ts');
    expect(result.files[0].reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'terms', field: 'name', terms: ['checkout'] }),
      ]),
    );
    expect(result.areas[0]).toEqual(expect.objectContaining({ path: 'services/checkout', kind: 'area' }));
    const [best] = result.areas[0].reasons;
    expect(best).toEqual(expect.objectContaining({ kind: 'files' }));
    expect(best.kind === 'files' && best.files.map((f) => f.path)).toEqual([
      'services/checkout/checkout-service.ts',
      'services/checkout/cart.ts',
    ]);
    for (const file of result.files) expect(file.score).toBeGreaterThan(0);
    for (const file of result.files) expect(file.score).toBeLessThanOrEqual(1);
    expect(result.confidence).toBeGreaterThan(0);
  });

  it('puts an exactly mentioned symbol first', () => {
    const result = rankTicket(index, { title: 'Payments: reindexProducts is slow' });
    expect(result.files[0].path).toBe('libs/search/indexer.ts');
    expect(result.files[0].reasons[0]).toEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'reindexProducts' }),
    );
  });

  it('quotes an identifier the ticket wrote once, not also its parts', () => {
    const result = rankTicket(index, { title: 'StripeClient refund is slow' });
    const terms = result.files[0].reasons.flatMap((r) => (r.kind === 'terms' ? [r.terms] : []));
    const withWhole = terms.filter((list) => list.includes('StripeClient'));
    expect(withWhole.length).toBeGreaterThan(0);
    for (const list of withWhole) expect(list.filter((t) => t === 'stripe' || t === 'client')).toEqual([]);
    // Where only a part matched (the comments say "Stripe API"), the part is the term quoted.
    expect(terms).toContainEqual(expect.arrayContaining(['stripe']));
  });

  it('quotes the identifier the ticket wrote where every part of it matched on its own', () => {
    const graph = buildMatchIndex({
      files: [
        { path: 'src/parse-request.ts', symbols: ['parseGraphQLRequest'] },
        { path: 'src/cookies.ts', symbols: ['readCookies'] },
      ],
    });
    const [best] = rankTicket(graph, { title: 'GraphQL requests fail' }).files;
    expect(best.path).toBe('src/parse-request.ts');
    expect(best.reasons).toContainEqual(
      expect.objectContaining({
        kind: 'terms',
        field: 'symbols',
        terms: expect.arrayContaining(['GraphQL']),
      }),
    );
    const quoted = best.reasons.flatMap((r) => (r.kind === 'terms' ? r.terms : []));
    expect(quoted).not.toContain('graph');
    expect(quoted).not.toContain('ql');
    // `fill_in` has one part the index reads ("in" is a stop word).
    const [actions] = rankTicket(
      buildMatchIndex({ files: [{ path: 'lib/actions.rb', symbols: ['fill'] }] }),
      { title: 'fill_in skips the field' },
    ).files;
    expect(actions.reasons).toContainEqual(
      expect.objectContaining({ kind: 'terms', field: 'symbols', terms: ['fill_in'] }),
    );
  });

  it('prefers the owner of a qualified member over other files declaring the member', () => {
    const owners = buildMatchIndex({
      files: [
        { path: 'src/Range.java', symbols: ['Range', 'readObject', 'contains'] },
        {
          path: 'src/DateParser.java',
          symbols: ['DateParser', 'readObject'],
          comments: 'Parses a date range from text.',
        },
        { path: 'src/Version.java', symbols: ['Version'] },
      ],
    });
    const result = rankTicket(owners, { title: 'Range.readObject() ignores the bounds' });
    expect(result.files.map((f) => f.path)).toEqual(['src/Range.java', 'src/DateParser.java']);
    const [owner, other] = result.files.map((f) => f.reasons.find((r) => r.kind === 'mention')?.share ?? 0);
    expect(owner).toBeGreaterThan(other);
  });

  it('credits a name to the file named after it over shims that declare it too', () => {
    const shims = buildMatchIndex({
      files: [
        { path: 'src/decorator/Entity.ts', symbols: ['Entity'] },
        { path: 'src/decorator/Column.ts', symbols: ['Column'] },
        { path: 'src/decorator/JoinTable.ts', symbols: ['JoinTable'] },
        // A shim for browsers re-declares every decorator as a no-op.
        { path: 'extra/model-shim.js', symbols: ['Entity', 'Column', 'JoinTable'] },
        { path: 'src/metadata/RelationMetadata.ts', symbols: ['RelationMetadata'] },
      ],
    });
    const files = rankTicket(shims, {
      title: 'Custom join table name ignored',
      description:
        '```ts\n@Entity()\nclass Post {\n  @Column() title: string\n  @JoinTable({ name: "post_tags" })\n  tags: Tag[]\n}\n```',
    }).files;
    // The part of each file's score the names account for.
    const named = (path: string) => {
      const file = files.find((f) => f.path === path)!;
      const mentions = file.reasons.filter((r) => r.kind === 'mention');
      return file.score * mentions.reduce((sum, r) => sum + r.share, 0);
    };
    expect(files[0].path).toBe('src/decorator/JoinTable.ts');
    // Three names, each declared at home, give the shim less than one of them gives its home.
    expect(named('extra/model-shim.js')).toBeLessThan(named('src/decorator/Entity.ts'));
  });

  it('weighs a name only the description writes at half of one the title writes', () => {
    const entry = buildMatchIndex({
      files: [
        { path: 'src/api.py', symbols: ['post', 'get'] },
        { path: 'src/utils.py', symbols: ['super_len'], comments: 'Length of a body, string or stream.' },
      ],
    });
    const mentionOf = (ticket: { title: string; description?: string }) => {
      const api = rankTicket(entry, ticket).files.find((f) => f.path === 'src/api.py')!;
      const share = api.reasons.find((r) => r.kind === 'mention')?.share ?? 0;
      return api.score * share;
    };
    const titled = mentionOf({ title: 'Body length wrong in `post()`' });
    const described = mentionOf({
      title: 'Body length wrong',
      description: 'Calling `post(data)` shows it.',
    });
    expect(described).toBeGreaterThan(0);
    expect(described).toBeLessThan(titled * 0.6);
  });

  it('credits a code name no file declares to the few files whose source uses it', () => {
    const used = buildMatchIndex({
      files: [
        { path: 'src/term_impl.py', symbols: ['open_temp'], content: 'fd = tempfile.mkstemp()\nreturn fd' },
        { path: 'src/editor.py', symbols: ['edit'], content: 'def edit(text): return open_editor(text)' },
        { path: 'src/core.py', symbols: ['Command'], comments: 'Every call of the temporary file handling.' },
      ],
    });
    const title = 'Redundant mkstemp() call';
    const on = rankTicket(used, { title });
    const off = rankTicket(used, { title }, { weights: { usedName: 0 } });
    const implOn = on.files.find((f) => f.path === 'src/term_impl.py');
    const implOff = off.files.find((f) => f.path === 'src/term_impl.py');
    expect(implOn?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'mkstemp' }),
    );
    expect(implOff?.reasons.some((r) => r.kind === 'mention')).toBe(false);
    expect(implOn?.score ?? 0).toBeGreaterThan(implOff?.score ?? 1);
    // A file that neither declares nor uses the name gets nothing from it.
    expect(on.files.find((f) => f.path === 'src/editor.py')).toBeUndefined();
  });

  it('takes a module constant as declared where it is assigned, over the files that use it', () => {
    const constants = buildMatchIndex({
      files: [
        {
          path: 'src/utils/patterns.py',
          content: 'import re\n\nwheel_file_re = re.compile(r"^(?P<name>.+)")\n',
        },
        {
          path: 'src/repositories/http.py',
          symbols: ['HttpRepository', 'find_links'],
          comments: 'Finds the links of a page, dotted names too.',
          content:
            'from utils.patterns import wheel_file_re\n\ndef find_links():\n    return wheel_file_re.match(x)\n',
        },
        {
          path: 'src/installer.py',
          content: 'from utils.patterns import wheel_file_re\nm = wheel_file_re.match(name)\n',
        },
      ],
    });
    const result = rankTicket(constants, { title: 'Fix wheel_file_re for dotted names' });
    expect(result.files[0].path).toBe('src/utils/patterns.py');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'wheel_file_re' }),
    );
  });

  it('lists the names a source assigns at the top level, not locals, comparisons or imports', () => {
    const source = [
      'wheel_file_re = re.compile("x")',
      'MAX_SIZE: Final[int] = 10',
      'export const defaultOptions = { a: 1 };',
      "const fs = require('fs');",
      'var ErrClosed = errors.New("closed")',
      'count := 0',
      'def helper():',
      '    local_value = 1',
      'if ready == True:',
      'handler => run()',
    ].join('\n');
    expect([...topLevelAssignments(source)]).toEqual([
      'wheel_file_re',
      'max_size',
      'defaultoptions',
      'errclosed',
      'count',
    ]);
  });

  it('points a setting key at the few files whose source holds every word of it', () => {
    const settings = buildMatchIndex({
      files: [
        {
          path: 'server/ReplicationConfigs.java',
          symbols: ['ReplicationConfigs'],
          content: 'String UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG = "unclean.leader.election.enable";',
        },
        {
          path: 'server/Partition.java',
          symbols: ['Partition', 'electLeader', 'enable'],
          content: 'void electLeader(Leader leader) { if (enable) start(); }',
        },
        { path: 'server/Cleaner.java', symbols: ['Cleaner'], content: 'boolean unclean = true;' },
      ],
    });
    const result = rankTicket(settings, { title: 'Document `unclean.leader.election.enable` for KRaft' });
    expect(result.files[0].path).toBe('server/ReplicationConfigs.java');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'symbol', text: 'unclean.leader.election.enable' }),
    );
    // Declaring a member called `enable` is not a mention of the key.
    const partition = result.files.find((f) => f.path === 'server/Partition.java');
    expect(partition?.reasons.some((r) => r.kind === 'mention')).toBe(false);
  });

  it('does not credit a code name that many files use', () => {
    const files = Array.from({ length: 13 }, (_, i) => ({
      path: `src/m${i}.py`,
      symbols: [`handler${i}`],
      content: 'value = helper_call(1)',
    }));
    const many = buildMatchIndex({ files });
    const result = rankTicket(many, { title: 'speed up helper_call()' });
    expect(result.files.every((f) => f.reasons.every((r) => r.kind !== 'mention'))).toBe(true);
  });

  it('lets similar past tickets vote for the files they changed', () => {
    const result = rankTicket(index, { title: 'Partially shipped order cannot be refunded' });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
    const similar = result.files[0].reasons.find((r) => r.kind === 'similar-tickets');
    // Shown as a title, without the references its commit carried.
    expect(similar).toEqual(
      expect.objectContaining({
        tickets: [
          expect.objectContaining({ key: 'SHOP-812', title: 'Refund fails for partially shipped orders' }),
        ],
      }),
    );
  });

  it('applies component and label path rules', () => {
    const rules = [{ match: 'Search', glob: 'libs/search/**' }];
    const result = rankTicket(
      index,
      { title: 'Make it faster', components: ['search'] },
      { pathRules: rules },
    );
    expect(result.files[0].path).toBe('libs/search/indexer.ts');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({
        kind: 'path-rule',
        source: 'component',
        value: 'Search',
        glob: 'libs/search/**',
      }),
    );
  });

  it('demotes files marked wrong and promotes files marked right', async () => {
    const store = new InMemoryFeedbackStore();
    const ticket = { key: 'SHOP-900', title: 'Retry payments at checkout' };
    await store.record({
      ticketKey: 'SHOP-900',
      path: 'services/checkout',
      target: 'area',
      verdict: 'wrong',
    });
    await store.record({
      ticketKey: 'SHOP-900',
      path: 'libs/payments/stripe-client.ts',
      target: 'file',
      verdict: 'right',
    });
    const result = rankTicket(index, ticket, { feedback: await store.list() });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
    expect(result.files.map((f) => f.path)).not.toContain('services/checkout/checkout-service.ts');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'feedback', verdict: 'right', tickets: ['SHOP-900'] }),
    );
  });

  it('carries feedback over to a similar ticket only', async () => {
    const feedback = [
      {
        ticketKey: 'SHOP-1',
        path: 'libs/search/indexer.ts',
        target: 'file' as const,
        verdict: 'right' as const,
        ticketText: 'Retry payments at checkout',
      },
    ];
    const similar = rankTicket(
      index,
      { key: 'SHOP-2', title: 'Retry payments at checkout page' },
      { feedback },
    );
    const unrelated = rankTicket(index, { key: 'SHOP-3', title: 'Stripe refunds' }, { feedback });
    expect(similar.files.map((f) => f.path)).toContain('libs/search/indexer.ts');
    expect(unrelated.files.map((f) => f.path)).not.toContain('libs/search/indexer.ts');
  });

  it('boosts files with many past fixes for bug-like tickets only', () => {
    // A larger weight than the default makes the prior visible among the reasons.
    const weights = { bugFix: 0.5 };
    const bug = rankTicket(index, { title: 'Cart payments', issueType: 'Bug' }, { weights });
    const story = rankTicket(index, { title: 'Cart payments', issueType: 'Story' }, { weights });
    const bugFix = (r: typeof bug) =>
      r.files.flatMap((f) => f.reasons).some((x) => x.kind === 'prior' && x.prior === 'bug-fix-history');
    expect(bugFix(bug)).toBe(true);
    expect(bugFix(story)).toBe(false);
  });

  it('answers "no match" with zero confidence for empty or signal-free text', () => {
    expect(rankTicket(index, { title: '   ', description: '' })).toEqual(
      expect.objectContaining({ noMatch: true, noMatchReason: 'empty', confidence: 0, files: [], areas: [] }),
    );
    expect(rankTicket(index, { title: 'the of and' })).toEqual(
      expect.objectContaining({ noMatch: true, noMatchReason: 'empty' }),
    );
    expect(rankTicket(index, { title: 'Quarterly roadmap offsite' })).toEqual(
      expect.objectContaining({ noMatch: true, noMatchReason: 'no-signal', confidence: 0 }),
    );
  });

  it('caps very long descriptions and reports it', () => {
    const result = rankTicket(index, { title: 'Checkout', description: 'refund '.repeat(10_000) });
    expect(result.truncated).toBe(true);
    expect(result.files.length).toBeGreaterThan(0);
  });

  it("counts the title's words for confidence, as the model was fitted on titles", () => {
    const title = 'Retry declined card payments';
    const described = rankTicket(index, {
      title,
      description: 'Shopping cart line items, product search index, refunds and charges all look fine.',
    });
    expect(described.confidenceFeatures?.queryTerms).toBe(
      rankTicket(index, { title }).confidenceFeatures?.queryTerms,
    );
    // With no usable title word, the description's count.
    const untitled = rankTicket(index, {
      title: '',
      description: 'Retry declined card payments at checkout',
    });
    expect(untitled.confidenceFeatures?.queryTerms).toBeGreaterThan(0);
  });

  it('gives more confidence to a precise ticket than to a vague one', () => {
    const precise = rankTicket(index, { title: 'StripeClient.refund fails for partially shipped orders' });
    const vague = rankTicket(index, { title: 'Products' });
    expect(precise.confidence).toBeGreaterThan(vague.confidence);
  });

  it('describes a result in one sentence', () => {
    const result = rankTicket(index, { title: 'Payments: reindexProducts is slow' });
    expect(describeResult(result.files[0])).toMatch(/^The ticket names `reindexProducts`.*\.$/);
  });
});
