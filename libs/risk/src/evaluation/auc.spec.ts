import { auc, bootstrap, liftOfTopThird } from './auc';

describe('auc', () => {
  it('matches hand-computed values', () => {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered right.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // A tie counts one half: (0.5 + 1) / 2.
    expect(auc([1, 1, 0], [true, false, false])).toBe(0.75);
    // A flag that fires as often on positives as on negatives: (0.5 + 1 + 0 + 0.5) / 4.
    expect(auc([1, 0, 1, 0], [true, true, false, false])).toBe(0.5);
    expect(auc([3, 2, 1], [true, true, false])).toBe(1);
    expect(auc([1, 2, 3], [true, true, false])).toBe(0);
  });

  it('is undefined without both outcomes', () => {
    expect(auc([1, 2], [true, true])).toBeNull();
    expect(auc([1, 2], [false, false])).toBeNull();
    expect(auc([], [])).toBeNull();
  });
});

describe('liftOfTopThird', () => {
  it('divides the rate in the top third by the overall rate', () => {
    // Top two of six hold one of the two positives: 0.5 / (2/6) = 1.5.
    expect(liftOfTopThird([6, 5, 4, 3, 2, 1], [true, false, false, true, false, false])).toBe(1.5);
    // Seven items: the top three (⌈7/3⌉) hold both positives: (2/3) / (2/7).
    expect(
      liftOfTopThird([7, 6, 5, 4, 3, 2, 1], [true, true, false, false, false, false, false]),
    ).toBeCloseTo(7 / 3, 12);
    expect(liftOfTopThird([1, 2], [false, false])).toBeNull();
  });
});

describe('bootstrap', () => {
  const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
  const outcomes = [true, true, false, true, false, false, true, false, false, false];
  const stat = (ix: readonly number[]) =>
    auc(
      ix.map((i) => scores[i]),
      ix.map((i) => outcomes[i]),
    );

  it('reports the statistic on all items with a reproducible interval around it', () => {
    const a = bootstrap(scores.length, stat, 500, 7);
    const b = bootstrap(scores.length, stat, 500, 7);
    expect(a).toEqual(b);
    // 4 positives, 6 negatives; 20 of the 24 pairs are ordered right.
    expect(a?.value).toBeCloseTo(20 / 24, 12);
    expect(a!.low).toBeLessThanOrEqual(a!.value);
    expect(a!.high).toBeGreaterThanOrEqual(a!.value);
    expect(a!.low).toBeLessThan(a!.high);
  });

  it('gives a point interval without resamples and nothing when the statistic is undefined', () => {
    expect(bootstrap(scores.length, stat, 0, 1)).toEqual({ value: 20 / 24, low: 20 / 24, high: 20 / 24 });
    expect(bootstrap(2, () => null, 10, 1)).toBeNull();
  });
});
