/**
 * Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive
 * scores above a random negative, ties counting one half. Undefined (null) without both classes.
 */
export function auc(scores: readonly number[], outcomes: readonly boolean[]): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    // Tied scores share the mean of their ranks (1-based).
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (outcomes[order[k]]) {
        positives++;
        positiveRankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Outcome rate among the top third by score, divided by the overall rate. Ties at the cut are
 * broken by input order, so the top third is always exactly ⌈n/3⌉ items.
 */
export function liftOfTopThird(scores: readonly number[], outcomes: readonly boolean[]): number | null {
  const n = scores.length;
  const hits = outcomes.filter(Boolean).length;
  if (n === 0 || hits === 0) return null;
  const k = Math.ceil(n / 3);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const topHits = order.slice(0, k).filter((i) => outcomes[i]).length;
  return topHits / k / (hits / n);
}

/** A small seeded generator (mulberry32), so bootstrap intervals are reproducible run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Estimate {
  value: number;
  /** Bootstrap 95% interval (2.5th and 97.5th percentiles of the resampled values). */
  low: number;
  high: number;
}

/**
 * A statistic with a percentile-bootstrap 95% interval: items resampled with replacement,
 * resamples where the statistic is undefined skipped.
 */
export function bootstrap(
  n: number,
  statistic: (indices: readonly number[]) => number | null,
  samples: number,
  seed: number,
): Estimate | null {
  const all = Array.from({ length: n }, (_, i) => i);
  const value = statistic(all);
  if (value === null) return null;
  const random = seededRandom(seed);
  const values: number[] = [];
  const indices = new Array<number>(n);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
    const v = statistic(indices);
    if (v !== null) values.push(v);
  }
  if (values.length === 0) return { value, low: value, high: value };
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))];
  return { value, low: at(0.025), high: at(0.975) };
}
