/**
 * The figures IR bug-localisation papers report (Bench4BL and the tools it reruns), so results
 * compare directly: Top-k (share of queries with a gold file among the first k), MRR (mean of
 * 1 / rank of the first gold file) and MAP (mean average precision over all gold files). A gold
 * file missing from the ranking contributes nothing.
 */
export interface RankMetrics {
  queries: number;
  top1: number;
  top5: number;
  top10: number;
  mrr: number;
  map: number;
}

export interface QueryOutcome {
  /** 1-based rank of the first gold file, 0 when none was ranked. */
  firstRank: number;
  averagePrecision: number;
}

export function queryOutcome(ranking: readonly string[], gold: readonly string[]): QueryOutcome {
  const wanted = new Set(gold);
  let found = 0;
  let precisionSum = 0;
  let firstRank = 0;
  ranking.forEach((path, i) => {
    if (!wanted.has(path)) return;
    found++;
    precisionSum += found / (i + 1);
    if (firstRank === 0) firstRank = i + 1;
  });
  return { firstRank, averagePrecision: wanted.size > 0 ? precisionSum / wanted.size : 0 };
}

export function summarize(outcomes: readonly QueryOutcome[]): RankMetrics {
  const n = outcomes.length;
  const share = (k: number) =>
    n === 0 ? 0 : outcomes.filter((o) => o.firstRank > 0 && o.firstRank <= k).length / n;
  const mean = (f: (o: QueryOutcome) => number) => (n === 0 ? 0 : outcomes.reduce((a, o) => a + f(o), 0) / n);
  return {
    queries: n,
    top1: share(1),
    top5: share(5),
    top10: share(10),
    mrr: mean((o) => (o.firstRank > 0 ? 1 / o.firstRank : 0)),
    map: mean((o) => o.averagePrecision),
  };
}

/** Calibration of a confidence against what happened: per bin, the mean confidence and the observed hit rate. */
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  hitRate: number;
}

export function calibration(
  points: readonly { confidence: number; hit: boolean }[],
  edges = [0, 0.2, 0.4, 0.6, 0.8, 1],
): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const last = i + 2 === edges.length;
    const inBin = points.filter(
      (p) => p.confidence >= edges[i] && (last ? p.confidence <= edges[i + 1] : p.confidence < edges[i + 1]),
    );
    const n = inBin.length;
    bins.push({
      from: edges[i],
      to: edges[i + 1],
      count: n,
      meanConfidence: n ? inBin.reduce((a, p) => a + p.confidence, 0) / n : 0,
      hitRate: n ? inBin.filter((p) => p.hit).length / n : 0,
    });
  }
  return bins;
}

/** How confident the matcher was on tickets with no right file (work outside the code). */
export interface UnanswerableConfidence {
  queries: number;
  meanConfidence: number;
  /** Share at or above `threshold`: the notes that would not call their match uncertain. */
  atOrAbove: number;
  threshold: number;
}

export function unanswerableConfidence(
  confidences: readonly number[],
  threshold: number,
): UnanswerableConfidence {
  const n = confidences.length;
  return {
    queries: n,
    meanConfidence: n ? confidences.reduce((a, c) => a + c, 0) / n : 0,
    atOrAbove: n ? confidences.filter((c) => c >= threshold).length / n : 0,
    threshold,
  };
}
