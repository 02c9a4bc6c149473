import { countBelow } from '@sightline/analysis';

/**
 * Where a value sits in a distribution: the share of the distribution strictly below it, in [0, 1].
 * The same definition the analysis uses for hotspot percentiles, so a file tied with most of the
 * repository at zero sits at 0, not in the middle: a quiet file never looks average because most
 * files are quiet.
 */
export function shareBelow(sortedAscending: readonly number[], value: number): number {
  if (sortedAscending.length === 0) return 0;
  return countBelow(sortedAscending, value) / sortedAscending.length;
}

/**
 * Percent rank in a weighted distribution, in [0, 1]: the weight strictly below `value` plus half
 * the weight equal to it. Ties split evenly, so a value shared by most of the reference sits in
 * its middle rather than at its top or bottom. `cumulative[i]` is the total weight of the first
 * `i` sorted values (one more entry than the values).
 */
export function percentRank(
  sortedAscending: readonly number[],
  cumulative: readonly number[],
  value: number,
): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (total <= 0) return 0;
  const firstAtLeast = countBelow(sortedAscending, value);
  const firstAbove = countBelow(sortedAscending, value, true);
  return (cumulative[firstAtLeast] + (cumulative[firstAbove] - cumulative[firstAtLeast]) / 2) / total;
}

/** Each value's share-below within `values` itself. */
export function positionsWithin(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => shareBelow(sorted, v));
}

/** The value at quantile `q` in [0, 1] (nearest rank, never interpolated, so it is a value that occurs). */
export function quantile(sortedAscending: readonly number[], q: number): number {
  if (sortedAscending.length === 0) return 0;
  const rank = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil(q * sortedAscending.length) - 1));
  return sortedAscending[rank];
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
