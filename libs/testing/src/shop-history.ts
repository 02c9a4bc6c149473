import { FixtureRepo } from './fixture-repo';

/**
 * A small shop repository with a history that matching tests can reason about exactly: a cart,
 * payments and search, tickets named in commit subjects, a rename, and — after `cut` — commits
 * that make good, bad and unusable evaluation queries.
 */
export interface ShopHistory {
  repo: FixtureRepo;
  /** The last commit before the evaluation queries. */
  cut: string;
}

const DAY = 86_400;
const START = 1_700_000_000;

const cart = (extra = '') => `/** The shopping cart: line items and quantities. */
export class Cart {
  /** Adds an item, merging quantities of the same product. */
  addItem(sku: string, quantity: number): void {${extra}}
  removeItem(sku: string): void {}
}
`;
const payment = (extra = '') => `/** Card payments through the payment provider. */
export function chargeCard(amount: number): boolean {
  return amount > 0;${extra}
}
/** Refunds a charge, fully or partially. */
export function refundCharge(amount: number): number {
  return Math.round(amount * 100) / 100;
}
`;
const indexer = (extra = '') => `/** Rebuilds the product search index. */
export function reindexProducts(batch: number): number {
  return batch;${extra}
}
`;

export function buildShopHistory(): ShopHistory {
  const repo = FixtureRepo.create('sightline-shop-');
  let t = START;
  const commit = (message: string, files: Record<string, string | null>, moves?: [string, string][]) =>
    repo.commit({ message, time: (t += DAY), files, moves });
  commit('Initial shop', {
    'src/cart.ts': cart(),
    'src/payment.ts': payment(),
    'src/search/indexer.ts': indexer(),
    'src/util.ts': 'export const money = (x: number) => x.toFixed(2);\n',
    'test/cart.test.ts': "import { Cart } from '../src/cart';\nnew Cart();\n",
    'README.md': '# Shop\n',
  });
  commit('fix: cart drops quantities (#3)', { 'src/cart.ts': cart(' /* merge */ ') });
  commit('SHOP-12 refund rounding is off by a cent', { 'src/payment.ts': payment(' // rounding') });
  commit('feat(search): faster product reindex', { 'src/search/indexer.ts': indexer(' // batched') });
  commit('Move money helper', {}, [['src/util.ts', 'src/lib/util.ts']]);
  commit('SHOP-14 card charges retry once', { 'src/payment.ts': payment(' // retry') });
  const cut = commit('fix: cart badge counts removed items', { 'src/cart.ts': cart(' /* badge */ ') });
  commit('fix: refund of a partial charge fails (#20)', { 'src/payment.ts': payment(' // partial') });
  commit('SHOP-30 addItem ignores the quantity', { 'src/cart.ts': cart(' /* quantity */ ') });
  commit('fix(search): reindexProducts skips drafts', { 'src/search/indexer.ts': indexer(' // drafts') });
  commit('docs: fix the readme', { 'README.md': '# Shop\n\nFixed.\n' });
  commit('fix: flaky cart test', {
    'test/cart.test.ts': "import { Cart } from '../src/cart';\nnew Cart(); // flaky\n",
  });
  commit('feat: wishlist (#31)', { 'src/wishlist.ts': 'export class Wishlist {}\n' });
  return { repo, cut };
}
