import { buildMatchIndex } from '../index/match-index';
import { rankTicket } from './ranker';

const NOW = Date.UTC(2025, 0, 1);

/** A stack trace counts by the frames in this repository's own files. */
describe('stack traces in a ticket', () => {
  const index = buildMatchIndex({
    asOf: NOW,
    files: [
      {
        path: 'services/checkout/checkout-service.ts',
        symbols: ['CheckoutService', 'placeOrder', 'retryPayment'],
        commitSubjects: ['Retry declined card payments once'],
        loc: 400,
      },
      {
        path: 'libs/payments/stripe-client.ts',
        symbols: ['StripeClient', 'charge', 'refund'],
        commitSubjects: ['Stripe refunds are idempotent'],
        loc: 200,
      },
      {
        path: 'libs/search/indexer.ts',
        symbols: ['Indexer', 'reindexProducts'],
        commitSubjects: ['Faster product reindex'],
        loc: 300,
      },
    ],
  });

  it('follows stack-trace frames in an ADF description', () => {
    const description = {
      type: 'doc',
      content: [
        {
          type: 'codeBlock',
          content: [
            { type: 'text', text: 'Error: boom\n    at charge (/app/libs/payments/stripe-client.ts:40:7)' },
          ],
        },
      ],
    };
    const result = rankTicket(index, { title: 'Checkout crashes', description });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({
        kind: 'mention',
        mention: 'stack-frame',
        text: 'app/libs/payments/stripe-client.ts:40',
      }),
    );
  });

  it("reads a trace through other code by this repository's frames alone", () => {
    const trace = [
      "TypeError: Cannot read properties of undefined (reading 'id')",
      // Another package's indexer.ts, and its method named like one declared here: other code.
      '    at Indexer.reindexProducts (/app/node_modules/search-kit/indexer.ts:88:3)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at charge (/app/libs/payments/stripe-client.ts:40:7)',
    ].join('\n');
    const result = rankTicket(index, { title: 'Checkout crashes', description: trace });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
    const indexer = result.files.find((f) => f.path === 'libs/search/indexer.ts');
    expect(indexer).toBeUndefined();
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({
        kind: 'mention',
        mention: 'stack-frame',
        text: 'app/libs/payments/stripe-client.ts:40',
      }),
    );
    // Words count from this repository's frames only.
    const words = result.files.flatMap((f) => f.reasons.flatMap((r) => (r.kind === 'terms' ? r.terms : [])));
    expect(words).toContain('charge');
    expect(words).not.toContain('reindexProducts');
  });

  it('reads a frame of compiled JavaScript as the TypeScript it was compiled from', () => {
    const trace =
      "TypeError: Cannot read properties of undefined (reading 'id')\n    at charge (/srv/node_modules/shop/libs/payments/stripe-client.js:31:9)";
    const result = rankTicket(index, { title: 'Checkout crashes', description: trace });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
  });
});
