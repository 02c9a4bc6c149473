import { ConfidenceFeatures, rankingConfidence, SMALL_INDEX } from './confidence';

const weakRanking: ConfidenceFeatures = {
  topScore: 0.4,
  margin: 0.1,
  mention: false,
  similar: false,
  textMatch: 0.2,
  queryTerms: 3,
  otherWork: 0.17,
  indexedFiles: 5_000,
};

const logOdds = (features: ConfidenceFeatures) => {
  const p = rankingConfidence(features);
  return Math.log(p / (1 - p));
};

describe('rankingConfidence', () => {
  it('is the same for every index of at least SMALL_INDEX.files files', () => {
    const at = rankingConfidence({ ...weakRanking, indexedFiles: SMALL_INDEX.files });
    expect(rankingConfidence(weakRanking)).toBe(at);
    expect(rankingConfidence({ ...weakRanking, indexedFiles: 250_000 })).toBe(at);
  });

  it('rises as the index shrinks below that, by the fitted log-odds per halving for its code share', () => {
    const at = (indexedFiles: number) => logOdds({ ...weakRanking, indexedFiles });
    const perHalving = SMALL_INDEX.coefficient * Math.log(2) * (1 - weakRanking.otherWork);
    expect(at(50) - at(SMALL_INDEX.files)).toBeCloseTo(perHalving, 10);
    expect(at(25) - at(50)).toBeCloseTo(perHalving, 10);
    expect(rankingConfidence({ ...weakRanking, indexedFiles: 20 })).toBeGreaterThan(
      rankingConfidence(weakRanking),
    );
  });

  it('does not raise a ticket whose nearest past work changed no source file', () => {
    const docsLike = { ...weakRanking, otherWork: 1 };
    expect(rankingConfidence({ ...docsLike, indexedFiles: 20 })).toBe(rankingConfidence(docsLike));
  });

  it('treats an empty index like a one-file index instead of dividing by zero', () => {
    expect(rankingConfidence({ ...weakRanking, indexedFiles: 0 })).toBe(
      rankingConfidence({ ...weakRanking, indexedFiles: 1 }),
    );
    expect(rankingConfidence({ ...weakRanking, indexedFiles: 0 })).toBeLessThan(1);
  });
});
