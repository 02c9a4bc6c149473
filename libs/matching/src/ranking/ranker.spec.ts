import { InMemoryFeedbackStore } from '../feedback/feedback-store';
import { MatchCorpus } from '../index/corpus';
import { buildMatchIndex } from '../index/match-index';
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

  it('says a file holds only the words of an identifier another file holds whole', () => {
    const config = buildMatchIndex({
      files: [
        {
          path: 'src/app.py',
          content: 'SESSION_REFRESH_EACH_REQUEST = True\nPERMANENT_SESSION_LIFETIME = 31',
        },
        { path: 'src/ctx.py', content: 'def refresh(session, request):\n    return session' },
        { path: 'src/cli.py', content: 'def main(args):\n    run(args)' },
      ],
    });
    const files = rankTicket(config, { title: 'SESSION_REFRESH_EACH_REQUEST is ignored' }).files;
    const quoted = (path: string) =>
      files.find((f) => f.path === path)!.reasons.flatMap((r) => (r.kind === 'terms' ? r.terms : []));
    expect(quoted('src/app.py')).toContain('SESSION_REFRESH_EACH_REQUEST');
    expect(quoted('src/ctx.py')).not.toContain('SESSION_REFRESH_EACH_REQUEST');
    expect(quoted('src/ctx.py')).toEqual(expect.arrayContaining(['session', 'refresh', 'request']));
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

  it('is less confident of a ticket most like past work that changed no source file', () => {
    const title = 'Document how checkout payments are retried';
    const before = rankTicket(index, { title });
    const withDocsWork = buildMatchIndex({
      ...corpus,
      pastTickets: [
        ...(corpus.pastTickets ?? []),
        { title: 'Document the checkout flow', files: [], otherFiles: ['docs/checkout.md'] },
        { title: 'Document payment retries', files: [], otherFiles: ['docs/payments.md'] },
      ],
    });
    const after = rankTicket(withDocsWork, { title });
    expect(after.confidenceFeatures?.otherWork).toBe(1);
    expect(before.confidenceFeatures?.otherWork).toBe(0);
    // In log-odds: this fixture's index is small enough for both confidences to sit near 1.
    const logOdds = (p: number) => Math.log(p / (1 - p));
    expect(logOdds(after.confidence)).toBeLessThan(logOdds(before.confidence) - 1.5);
    // The ranking itself is the code's: past documentation work votes for no file.
    expect(after.files.map((f) => f.path)).toEqual(before.files.map((f) => f.path));
    const code = rankTicket(withDocsWork, { title: 'Partially shipped order cannot be refunded' });
    expect(code.confidenceFeatures?.otherWork).toBe(0);
  });

  it('says what a ticket no code matches is like, when past work outside the code is', () => {
    const withCiWork = buildMatchIndex({
      ...corpus,
      pastTickets: [
        ...(corpus.pastTickets ?? []),
        { title: 'Group dependabot updates', files: [], otherFiles: ['.github/dependabot.yml'] },
      ],
    });
    const result = rankTicket(withCiWork, { title: 'Dependabot' });
    expect([result.noMatch, result.noMatchReason, result.confidence]).toEqual([true, 'no-signal', 0]);
    expect(result.otherWork).toEqual({
      share: 1,
      tickets: [{ title: 'Group dependabot updates', files: ['.github/dependabot.yml'], similarity: 1 }],
    });
    expect(rankTicket(index, { title: 'Dependabot' }).otherWork).toBeUndefined();
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

  it('says a file is large only when it is larger than most of the repository’s files', () => {
    // A larger weight than the default makes the size prior visible among the reasons.
    const result = rankTicket(index, { title: 'Cart checkout service' }, { weights: { size: 0.5 } });
    const sizeReason = (path: string) =>
      result.files
        .find((f) => f.path === path)
        ?.reasons.find((r) => r.kind === 'prior' && r.prior === 'size');
    expect(sizeReason('services/checkout/checkout-service.ts')).toEqual(
      expect.objectContaining({ value: 400 }),
    );
    expect(result.files.map((f) => f.path)).toContain('services/checkout/cart.ts');
    expect(sizeReason('services/checkout/cart.ts')).toBeUndefined();
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

  it("gives confidence the index's size, since the few files of a small index are found more often", () => {
    const result = rankTicket(index, { title: 'Partially shipped order cannot be refunded' });
    expect(result.confidenceFeatures?.indexedFiles).toBe(index.paths.length);
  });

  it('describes a result in one sentence', () => {
    const result = rankTicket(index, { title: 'Payments: reindexProducts is slow' });
    expect(describeResult(result.files[0])).toMatch(/^The ticket names `reindexProducts`.*\.$/);
  });
});
