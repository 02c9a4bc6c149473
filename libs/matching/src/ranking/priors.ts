import { MatchIndex } from '../index/match-index';
import { MatchWeights } from './match-weights';

/**
 * Query-independent evidence, as in the bug-localisation literature: files that change often and
 * recently are where the next change lands (Kim et al.'s FixCache, Rahman et al.), larger files
 * hold more behaviour (BugLocator's length prior), and files with many past fixes attract the
 * next fix (used only for bug-like tickets). Each prior is scaled to [0, 1] within the snapshot.
 */
export type PriorKind = 'change-frequency' | 'recency' | 'size' | 'bug-fix-history';

export interface PriorPart {
  prior: PriorKind;
  /** The raw figure: revisions, days since the last change, code lines, fix revisions. */
  value: number;
  contribution: number;
}

const DAY_MS = 86_400_000;

interface Scales {
  logMaxRevisions: number;
  logMaxLoc: number;
  logMaxBugFixes: number;
  /** Code lines a file needs to be called large: more than three quarters of the snapshot's files. */
  largeLoc: number;
}

// "Large" is a claim about the file among its repository's: larger than this share of its files.
const LARGE_FILE_QUANTILE = 0.75;

const scaleCache = new WeakMap<MatchIndex, Scales>();

function logMax(values: Float64Array): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return Math.log1p(max);
}

function scales(index: MatchIndex): Scales {
  let s = scaleCache.get(index);
  if (!s) {
    s = {
      logMaxRevisions: logMax(index.revisions),
      logMaxLoc: logMax(index.loc),
      logMaxBugFixes: logMax(index.bugFixes),
      largeLoc: quantile(index.loc, LARGE_FILE_QUANTILE),
    };
    scaleCache.set(index, s);
  }
  return s;
}

function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * True when the file is larger than most of the snapshot's files. The size prior lifts every file
 * by its length, but a reason may say "it is large" only of these: a 28-line file the prior lifted
 * a little is not large.
 */
export function isLargeFile(index: MatchIndex, doc: number): boolean {
  return index.loc[doc] > 0 && index.loc[doc] >= scales(index).largeLoc;
}

export function priorParts(
  index: MatchIndex,
  doc: number,
  weights: MatchWeights,
  bugLike: boolean,
): PriorPart[] {
  const s = scales(index);
  const parts: PriorPart[] = [];
  if (weights.changeFrequency > 0 && s.logMaxRevisions > 0) {
    const value = index.revisions[doc];
    parts.push({
      prior: 'change-frequency',
      value,
      contribution: (weights.changeFrequency * Math.log1p(value)) / s.logMaxRevisions,
    });
  }
  if (weights.recency > 0 && index.lastChangedAt[doc] > 0) {
    const days = Math.max(0, (index.asOf - index.lastChangedAt[doc]) / DAY_MS);
    parts.push({
      prior: 'recency',
      value: Math.round(days),
      contribution: weights.recency * Math.pow(0.5, days / weights.recencyHalfLifeDays),
    });
  }
  if (weights.size > 0 && s.logMaxLoc > 0) {
    const value = index.loc[doc];
    parts.push({ prior: 'size', value, contribution: (weights.size * Math.log1p(value)) / s.logMaxLoc });
  }
  if (bugLike && weights.bugFix > 0 && s.logMaxBugFixes > 0) {
    const value = index.bugFixes[doc];
    parts.push({
      prior: 'bug-fix-history',
      value,
      contribution: (weights.bugFix * Math.log1p(value)) / s.logMaxBugFixes,
    });
  }
  return parts;
}

const totalsCache = new WeakMap<MatchIndex, Map<string, Float64Array>>();

/** Every file's summed prior contribution, computed once per index and weight setting. */
export function priorTotals(index: MatchIndex, weights: MatchWeights, bugLike: boolean): Float64Array {
  const key = `${bugLike}:${weights.changeFrequency}:${weights.recency}:${weights.recencyHalfLifeDays}:${weights.size}:${weights.bugFix}`;
  let byKey = totalsCache.get(index);
  if (!byKey) {
    byKey = new Map();
    totalsCache.set(index, byKey);
  }
  let totals = byKey.get(key);
  if (!totals) {
    totals = new Float64Array(index.paths.length);
    for (let doc = 0; doc < totals.length; doc++) {
      for (const part of priorParts(index, doc, weights, bugLike)) totals[doc] += part.contribution;
    }
    if (byKey.size > 16) byKey.clear();
    byKey.set(key, totals);
  }
  return totals;
}
