import { buildMatchIndex } from '../index/match-index';
import { describeResult } from './describe-result';
import { rankTicket } from './ranker';

const NOW = Date.UTC(2025, 0, 1);

/** Once work on a ticket has begun, commits naming its key are in the history. */
describe("a ticket's own earlier commits", () => {
  const index = buildMatchIndex({
    asOf: NOW,
    files: [
      {
        path: 'libs/payments/stripe-client.ts',
        symbols: ['StripeClient', 'charge', 'refund'],
        commitSubjects: ['Stripe refunds are idempotent'],
      },
      {
        path: 'services/checkout/cart.ts',
        symbols: ['Cart', 'addItem'],
        commitSubjects: ['Cart keeps quantities'],
      },
    ],
    pastTickets: [
      {
        key: 'SHOP-812',
        title: 'Refund fails for partially shipped orders (#4411). Fixes SHOP-812',
        files: ['libs/payments/stripe-client.ts'],
      },
    ],
  });

  it('credit the files they changed as its work, not as a similar ticket', () => {
    const result = rankTicket(index, {
      key: 'shop-812',
      title: 'Partially shipped order cannot be refunded',
    });
    expect(result.files[0].path).toBe('libs/payments/stripe-client.ts');
    const reasons = result.files[0].reasons;
    expect(reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'ticket-commits', text: 'SHOP-812' }),
    );
    expect(reasons.some((r) => r.kind === 'similar-tickets')).toBe(false);
    expect(describeResult(result.files[0])).toMatch(/^Commits naming SHOP-812 already changed it/);
    // Its own work makes the match surer than text alone does.
    const textOnly = rankTicket(index, { title: 'Partially shipped order cannot be refunded' });
    expect(textOnly.files[0].reasons.some((r) => r.kind === 'similar-tickets')).toBe(true);
    expect(result.confidence).toBeGreaterThan(textOnly.confidence);
  });

  it('count however many files they touched', () => {
    const modules = Array.from({ length: 14 }, (_, i) => `src/module${i}.ts`);
    const wide = buildMatchIndex({
      asOf: NOW,
      files: modules.map((path, i) => ({ path, symbols: [`Module${i}`] })),
      pastTickets: [{ key: 'SHOP-9', title: 'Rename the modules', files: modules }],
    });
    const result = rankTicket(wide, { key: 'SHOP-9', title: 'Module3 keeps its old name' });
    expect(result.files[0].path).toBe('src/module3.ts');
    expect(result.files[0].reasons).toContainEqual(
      expect.objectContaining({ kind: 'mention', mention: 'ticket-commits', text: 'SHOP-9' }),
    );
  });
});
