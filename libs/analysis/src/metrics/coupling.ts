import type { CouplingThresholds } from '../analysis-options';

export interface CouplingResult {
  a: number;
  b: number;
  shared: number;
  degree: number;
  /** code-maat reports the average rounded up. */
  averageRevisions: number;
}

/**
 * code-maat's logical coupling over change sets of item indices (files, areas or ticket groups).
 * The caller passes only the kept change sets (at most `maxChangesetSize` items) with each item
 * listed once per set, and `revisions` counted over those same sets. Pairs are only counted for
 * items that can reach `minShared`, which keeps the pair table small on long histories.
 */
export class CouplingCounter {
  private readonly pairs = new Map<number, number>();
  private readonly scratch: number[] = [];

  constructor(
    private readonly itemCount: number,
    private readonly revisions: ArrayLike<number>,
    private readonly thresholds: CouplingThresholds,
  ) {}

  add(items: ArrayLike<number>): void {
    const candidates = this.scratch;
    candidates.length = 0;
    for (let i = 0; i < items.length; i++) {
      if (this.revisions[items[i]] >= this.thresholds.minShared) candidates.push(items[i]);
    }
    if (candidates.length < 2) return;
    candidates.sort((x, y) => x - y);
    const n = this.itemCount;
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const key = candidates[i] * n + candidates[j];
        this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
      }
    }
  }

  results(): CouplingResult[] {
    const out: CouplingResult[] = [];
    const { minRevisions, minShared, minDegree } = this.thresholds;
    const n = this.itemCount;
    for (const [key, shared] of this.pairs) {
      if (shared < minShared) continue;
      const a = Math.floor(key / n);
      const b = key - a * n;
      const average = (this.revisions[a] + this.revisions[b]) / 2;
      if (average < minRevisions) continue;
      const degree = Math.trunc((100 * shared) / average);
      if (degree < minDegree) continue;
      out.push({ a, b, shared, degree, averageRevisions: Math.ceil(average) });
    }
    out.sort((x, y) => y.degree - x.degree || y.shared - x.shared || x.a - y.a || x.b - y.b);
    return out;
  }
}
