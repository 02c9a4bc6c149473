import { buildContentIndex, plainTokens, rankByContent } from './content-baseline';

describe('content BM25 baselines', () => {
  const files = [
    { path: 'src/cart.ts', content: 'export class ShoppingCart { addItem(item) {} removeItem(item) {} }' },
    { path: 'src/payment.ts', content: 'export function chargeCard(card) { /* retries the payment */ }' },
    {
      path: 'src/search.ts',
      content: 'export function reindexProducts() { /* rebuilds the search index */ }',
    },
  ];

  it('plain BM25 matches words as written: no identifier splitting, no stemming', () => {
    expect(plainTokens('ShoppingCart.addItem(items) the payment_id')).toEqual([
      'shoppingcart',
      'additem',
      'items',
      'payment',
      'id',
    ]);
    const plain = buildContentIndex('plain', files);
    expect(rankByContent(plain, 'payment retries', 10)).toEqual(['src/payment.ts']);
    expect(rankByContent(plain, 'shopping cart items', 10)).toEqual([]);
  });

  it("the tokenized variant uses Sightline's tokenizer", () => {
    const tokenized = buildContentIndex('tokenized', files);
    expect(rankByContent(tokenized, 'shopping cart items', 10)).toEqual(['src/cart.ts']);
    expect(rankByContent(tokenized, 'rebuild search', 10)).toEqual(['src/search.ts']);
  });
});
