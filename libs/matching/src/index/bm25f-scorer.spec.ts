import { Bm25fScorer } from './bm25f-scorer';
import { InvertedIndexBuilder } from './inverted-index';

// Expected values worked out by hand from the BM25 formula (idf = ln(1 + (N − df + .5)/(df + .5))).
describe('Bm25fScorer', () => {
  const bodies = [['apple', 'banana'], ['apple', 'apple', 'cherry'], ['cherry']];

  it('scores a single field exactly as BM25', () => {
    const builder = new InvertedIndexBuilder(1);
    for (const body of bodies) builder.add([body]);
    const index = builder.build();
    const scorer = new Bm25fScorer(index);
    const terms = ['apple', 'cherry'].map((t) => ({ termId: index.termId(t) as number, weight: 1 }));
    const { scores, docs } = scorer.score(terms, { k1: 1.2, fields: [{ weight: 1, b: 0.75 }] });
    expect(scores[0]).toBeCloseTo(0.213638, 5);
    expect(scores[1]).toBeCloseTo(0.434896, 5);
    expect(scores[2]).toBeCloseTo(0.268574, 5);
    expect([...docs].sort()).toEqual([0, 1, 2]);
  });

  it('weights fields before saturating and counts document frequency across fields', () => {
    const builder = new InvertedIndexBuilder(2);
    const names = [['apple'], [], ['cherry']];
    bodies.forEach((body, i) => builder.add([names[i], body]));
    const index = builder.build();
    const scorer = new Bm25fScorer(index);
    const apple = { termId: index.termId('apple') as number, weight: 1 };
    const params = {
      k1: 1.2,
      fields: [
        { weight: 2, b: 0 },
        { weight: 1, b: 0.75 },
      ],
    };
    const { scores, docs } = scorer.score([apple], params);
    expect(scores[0]).toBeCloseTo(0.335717, 5);
    expect(scores[1]).toBeCloseTo(0.257536, 5);
    expect(scores[2]).toBe(0);
    expect([...docs].sort()).toEqual([0, 1]);
    expect(index.documentFrequency[apple.termId]).toBe(2);

    const [share] = scorer.explain(0, [apple], params);
    expect(share.score).toBeCloseTo(0.335717, 5);
    expect(share.fieldScores[0] + share.fieldScores[1]).toBeCloseTo(share.score, 9);
    expect(share.fieldScores[0]).toBeGreaterThan(share.fieldScores[1]);
  });

  it('scales a term by its query weight and ignores fields weighted zero', () => {
    const builder = new InvertedIndexBuilder(2);
    builder.add([['apple'], ['pear']]);
    builder.add([['pear'], ['apple']]);
    builder.add([[], ['plum']]);
    const index = builder.build();
    const scorer = new Bm25fScorer(index);
    const apple = index.termId('apple') as number;
    const params = {
      k1: 1.2,
      fields: [
        { weight: 1, b: 0 },
        { weight: 0, b: 0 },
      ],
    };
    const once = scorer.score([{ termId: apple, weight: 1 }], params);
    expect([...once.docs]).toEqual([0]);
    const onceScore = once.scores[0];
    // Results are only valid until the next call: the scorer reuses its buffers.
    const twice = scorer.score([{ termId: apple, weight: 2 }], params);
    expect([...twice.docs]).toEqual([0]);
    expect(twice.scores[0]).toBeCloseTo(2 * onceScore, 9);
    expect(twice.scores[1]).toBe(0);
  });

  it('finds term frequencies for explanations', () => {
    const builder = new InvertedIndexBuilder(1);
    for (const body of bodies) builder.add([body]);
    const index = builder.build();
    const apple = index.termId('apple') as number;
    expect([0, 1, 2].map((d) => index.termFrequency(0, apple, d))).toEqual([1, 2, 0]);
    expect(index.termId('durian')).toBeUndefined();
  });
});
