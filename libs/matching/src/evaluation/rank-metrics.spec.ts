import { calibration, queryOutcome, summarize, unanswerableConfidence } from './rank-metrics';

describe('rank metrics', () => {
  it('finds the first gold rank and the average precision', () => {
    const outcome = queryOutcome(['x', 'a', 'y', 'b'], ['a', 'b', 'c']);
    expect(outcome.firstRank).toBe(2);
    // Precision at the hits: 1/2 and 2/4, over three gold files.
    expect(outcome.averagePrecision).toBeCloseTo((1 / 2 + 2 / 4) / 3, 10);
    expect(queryOutcome(['x'], ['a'])).toEqual({ firstRank: 0, averagePrecision: 0 });
  });

  it('summarises Top-k, MRR and MAP', () => {
    const m = summarize([
      { firstRank: 1, averagePrecision: 1 },
      { firstRank: 4, averagePrecision: 0.25 },
      { firstRank: 7, averagePrecision: 0.1 },
      { firstRank: 0, averagePrecision: 0 },
    ]);
    expect(m).toEqual({
      queries: 4,
      top1: 0.25,
      top5: 0.5,
      top10: 0.75,
      mrr: (1 + 1 / 4 + 1 / 7) / 4,
      map: (1 + 0.25 + 0.1) / 4,
    });
    expect(summarize([])).toEqual({ queries: 0, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 });
  });

  it('bins confidence against observed hits', () => {
    const bins = calibration([
      { confidence: 0.1, hit: false },
      { confidence: 0.9, hit: true },
      { confidence: 1, hit: false },
    ]);
    expect(bins[0]).toEqual({ from: 0, to: 0.2, count: 1, meanConfidence: 0.1, hitRate: 0 });
    expect(bins[4]).toEqual({ from: 0.8, to: 1, count: 2, meanConfidence: 0.95, hitRate: 0.5 });
    expect(bins.slice(1, 4).every((b) => b.count === 0)).toBe(true);
  });
});

describe('unanswerableConfidence', () => {
  it('gives the mean confidence and the share at or above the threshold', () => {
    expect(unanswerableConfidence([0.1, 0.3, 0.5, 0.2], 0.3)).toEqual({
      queries: 4,
      meanConfidence: 0.275,
      atOrAbove: 0.5,
      threshold: 0.3,
    });
    expect(unanswerableConfidence([], 0.3)).toEqual({
      queries: 0,
      meanConfidence: 0,
      atOrAbove: 0,
      threshold: 0.3,
    });
  });
});
