import { analyseRepository, collectRepositoryCorpus, type CorpusResult } from '@sightline/analysis';
import { buildShopHistory, type ShopHistory } from '@sightline/testing';
import { historyFromAnalysisCache } from '../evaluation/history-from-cache';
import { matchCorpusFromAnalysis } from './analysis-corpus';
import { MatchCorpus } from './corpus';

describe('matching corpus from an analysis', () => {
  let shop: ShopHistory;
  let analysis: CorpusResult;
  let corpus: MatchCorpus;

  beforeAll(async () => {
    shop = buildShopHistory();
    analysis = await collectRepositoryCorpus(shop.repo.path, { rev: shop.cut });
    corpus = matchCorpusFromAnalysis(analysis.corpus, analysis.snapshot);
  }, 60_000);
  afterAll(() => shop.repo.dispose());

  it('keeps the source files the matcher ranks, with parsed symbols, comments and history', () => {
    expect(corpus.files.map((f) => f.path)).toEqual([
      'src/cart.ts',
      'src/lib/util.ts',
      'src/payment.ts',
      'src/search/indexer.ts',
    ]);
    const cart = corpus.files[0];
    expect(cart.symbols).toEqual(expect.arrayContaining(['Cart', 'addItem', 'removeItem']));
    expect(cart.comments).toContain('The shopping cart');
    expect(cart.commitSubjects).toEqual([
      'fix: cart badge counts removed items',
      'fix: cart drops quantities (#3)',
      'Initial shop',
    ]);
    expect(cart).toEqual(expect.objectContaining({ revisions: 3, bugFixRevisions: 2 }));
    // The source text the analysis read at the cut, so a stored corpus alone indexes it.
    expect(cart.content).toMatch(
      /^\/\*\* The shopping cart: line items and quantities. \*\/\nexport class Cart \{/,
    );
    expect(cart.content).toContain('removeItem(');
    const unranked = analysis.corpus.files.filter((f) => !corpus.files.some((c) => c.path === f.path));
    expect(unranked.length).toBeGreaterThan(0);
    expect(unranked.every((f) => f.content === undefined)).toBe(true);
    expect(cart.lastChangedAt).toBe(Date.parse(analysis.snapshot.repository.headTime));
    expect(corpus.asOf).toBe(cart.lastChangedAt);
    expect(corpus.files[1].commitSubjects).toEqual(['Move money helper', 'Initial shop']);
  });

  it('lists past tickets under their titles and other changes under their subjects', () => {
    const tickets = corpus.pastTickets ?? [];
    expect(tickets.filter((t) => t.key)).toEqual([
      {
        key: 'SHOP-12',
        title: 'refund rounding is off by a cent',
        text: 'refund rounding is off by a cent',
        files: ['src/payment.ts'],
      },
      {
        key: 'SHOP-14',
        title: 'card charges retry once',
        text: 'card charges retry once',
        files: ['src/payment.ts'],
      },
    ]);
    const changes = tickets.filter((t) => !t.key).map((t) => [t.title, t.files]);
    expect(changes).toContainEqual(['fix: cart drops quantities (#3)', ['src/cart.ts']]);
    expect(changes).toContainEqual(['Move money helper', ['src/lib/util.ts']]);
    expect(changes).toContainEqual([
      'Initial shop',
      ['src/cart.ts', 'src/lib/util.ts', 'src/payment.ts', 'src/search/indexer.ts'],
    ]);
    expect(changes.some(([title]) => String(title).includes('SHOP-'))).toBe(false);
  });

  it('keeps work that changed no ranked file with the files it changed instead', () => {
    const file = (path: string, commitSubjects: string[]) => ({
      path,
      area: '.',
      language: null,
      symbols: [],
      comments: '',
      commitSubjects,
      tickets: [],
    });
    const withOtherWork = matchCorpusFromAnalysis(
      {
        ...analysis.corpus,
        files: [
          ...analysis.corpus.files,
          file('docs/deploy.md', ['Document the deployment', 'Initial shop']),
          file('.github/workflows/ci.yml', ['Run CI on Node 22', 'Document the deployment']),
          file('test/cart.spec.ts', ['Cover the cart badge']),
          file('CHANGELOG.md', ['Note the refund fix']),
        ],
        tickets: [
          ...analysis.corpus.tickets,
          { key: 'SHOP-40', subjects: ['SHOP-40 Upgrade the CI image'], files: ['.github/workflows/ci.yml'] },
        ],
      },
      analysis.snapshot,
    );
    const past = (title: string) => withOtherWork.pastTickets?.find((t) => t.title === title);
    expect(past('Document the deployment')).toEqual({
      title: 'Document the deployment',
      files: [],
      otherFiles: ['docs/deploy.md', '.github/workflows/ci.yml'],
    });
    expect(past('Upgrade the CI image')).toEqual(
      expect.objectContaining({ key: 'SHOP-40', files: [], otherFiles: ['.github/workflows/ci.yml'] }),
    );
    // Code work that also touched other files is code work.
    expect(past('Initial shop')?.files).toHaveLength(4);
    expect(past('Initial shop')?.otherFiles).toBeUndefined();
    // Tests and changelog entries come with code work: no work of their own.
    expect(past('Cover the cart badge')).toBeUndefined();
    expect(past('Note the refund fix')).toBeUndefined();
  });

  it('reads the commit list back from the analysis cache, newest first, both sides of a rename', async () => {
    const head = await analyseRepository(shop.repo.path);
    const history = historyFromAnalysisCache(head.cache);
    expect(history).toHaveLength(13);
    expect(history[0]).toEqual(
      expect.objectContaining({ subject: 'feat: wishlist (#31)', files: ['src/wishlist.ts'], fix: false }),
    );
    const ticket = history.find((c) => c.subject.startsWith('SHOP-30'));
    expect(ticket).toEqual(expect.objectContaining({ tickets: ['SHOP-30'], files: ['src/cart.ts'] }));
    const move = history.find((c) => c.subject === 'Move money helper');
    expect([...(move?.files ?? [])].sort()).toEqual(['src/lib/util.ts', 'src/util.ts']);
    expect(history.find((c) => c.hash === shop.cut)?.fix).toBe(true);
  }, 60_000);
});
