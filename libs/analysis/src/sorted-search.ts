/**
 * How many values of an ascending array lie below `value` — or at or below it, `inclusive` — which
 * is also the index at which `value` would be inserted before (after) its equals.
 */
export function countBelow(sortedAscending: ArrayLike<number>, value: number, inclusive = false): number {
  let lo = 0;
  let hi = sortedAscending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sortedAscending[mid];
    if (v < value || (inclusive && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
