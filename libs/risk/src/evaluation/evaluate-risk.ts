import { formatCount } from '@sightline/analysis';
import { z } from 'zod';
import type { RiskLevel } from '../assessment/risk-assessment';
import { round } from '../calibration/positions';
import { auc, bootstrap, liftOfTopThird, type Estimate } from './auc';

/**
 * Whether risk flags predict anything, on the repository's own history (docs/risk.md): for each
 * ticket-like change after a cut, did a fix belonging to another ticket touch one of its files
 * within the horizon? The risk score, the high-vs-not-high flag and a plain hotspot baseline are
 * each scored by AUC with bootstrap intervals, and the lift of the top third is reported. Change
 * size (lines above the median) is scored the same way, because story-level wording is allowed
 * only where a size figure predicts it.
 */
export interface RiskEvalTicket {
  id: string;
  /** When the ticket's work landed (its last commit), Unix seconds. */
  time: number;
  /** Its own commits: never its own outcome. */
  commits: readonly string[];
  /** Ticket keys it names; a commit naming one of them belongs to the same ticket. */
  keys?: readonly string[];
  /** Files it changed. */
  files: readonly string[];
  /** Risk score of the assessment made before it (0..1). */
  score: number;
  level: RiskLevel;
  /** A plain hotspot score for the same ticket, the baseline the risk score must beat. */
  baseline: number;
  /** Lines added + deleted by its commits. */
  linesChanged?: number;
  /** A size prediction made before it (e.g. the size of the most similar past tickets). */
  predictedSize?: number;
  /** Whether its note said follow-up fixes concentrate in its code (a supported fix-rate reason). */
  fixClaim?: boolean;
}

/** The shape of `HistoryCommit` from @sightline/matching: every commit of the history, any order. */
export interface RiskEvalCommit {
  hash: string;
  time: number;
  fix: boolean;
  tickets: readonly string[];
  files: readonly string[];
}

export const riskEvalOptionsSchema = z.object({
  horizonDays: z.number().int().positive().default(30),
  bootstrapSamples: z.number().int().min(0).default(1000),
  seed: z.number().int().default(1),
  /** Fewer evaluable tickets than this gives a message, not a number. */
  minTickets: z.number().int().positive().default(20),
  /**
   * Fewer tickets than this on either side (followed by a fix or not) gives a message too: with a
   * handful of positives an AUC and its bootstrap interval look precise and mean nothing.
   */
  minPerOutcome: z.number().int().positive().default(10),
});
export type RiskEvalOptions = z.input<typeof riskEvalOptionsSchema>;

export interface ChangeSizeEvaluation {
  median: number;
  /** Tickets above the median. */
  large: number;
  score: Estimate | null;
  highVsRest: Estimate | null;
  predicted: Estimate | null;
  /** Story-level wording ("likely large") is supported: the size prediction reaches AUC 0.60. */
  storyWordingSupported: boolean;
}

export interface RiskEvaluation {
  /** Set when there is too little to measure; every figure below is then null or zero. */
  insufficient: string | null;
  horizonDays: number;
  tickets: number;
  /** Tickets with less than `horizonDays` of history after them. */
  dropped: number;
  positives: number;
  baseRate: number;
  levels: Record<RiskLevel, number>;
  /** Tickets per level that were followed by a later fix: what each level meant on this history. */
  laterFixesByLevel: Record<RiskLevel, number>;
  /**
   * Tickets whose note said follow-up fixes concentrate in their code, and how many of them were
   * followed by a later fix: whether the claim held on this history.
   */
  fixClaims: { tickets: number; followedByFix: number };
  score: Estimate | null;
  highVsRest: Estimate | null;
  baseline: Estimate | null;
  liftTopThird: Estimate | null;
  changeSize: ChangeSizeEvaluation | null;
  /** Each judged ticket's outcome, by id (tickets too recent to judge are not listed). */
  laterFixes: { id: string; laterFix: boolean }[];
}

export const STORY_WORDING_MIN_AUC = 0.6;
const DAY_SECONDS = 86_400;

function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "A fix of another ticket touched one of its files within the horizon." */
export function laterFixOutcome(
  ticket: RiskEvalTicket,
  byTime: readonly RiskEvalCommit[],
  times: readonly number[],
  horizon: number,
): boolean {
  const own = new Set(ticket.commits);
  const keys = new Set(ticket.keys ?? []);
  const files = new Set(ticket.files);
  for (
    let i = firstAfter(times, ticket.time);
    i < byTime.length && byTime[i].time <= ticket.time + horizon;
    i++
  ) {
    const c = byTime[i];
    if (!c.fix || own.has(c.hash) || c.tickets.some((k) => keys.has(k))) continue;
    if (c.files.some((f) => files.has(f))) return true;
  }
  return false;
}

function estimateOf(
  n: number,
  samples: number,
  seed: number,
  stat: (ix: readonly number[]) => number | null,
): Estimate | null {
  const e = bootstrap(n, stat, samples, seed);
  return e && { value: round(e.value), low: round(e.low), high: round(e.high) };
}

function aucOn(values: readonly number[], outcomes: readonly boolean[]) {
  return (ix: readonly number[]) =>
    auc(
      ix.map((i) => values[i]),
      ix.map((i) => outcomes[i]),
    );
}

function median(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

function changeSize(
  tickets: readonly RiskEvalTicket[],
  samples: number,
  seed: number,
): ChangeSizeEvaluation | null {
  const sized = tickets.filter((t) => t.linesChanged !== undefined);
  if (sized.length < 2) return null;
  const mid = median(sized.map((t) => t.linesChanged as number).sort((a, b) => a - b));
  const large = sized.map((t) => (t.linesChanged as number) > mid);
  const withPrediction = sized.flatMap((t, i) =>
    t.predictedSize !== undefined ? [{ p: t.predictedSize, y: large[i] }] : [],
  );
  const predicted =
    withPrediction.length > 0
      ? estimateOf(
          withPrediction.length,
          samples,
          seed,
          aucOn(
            withPrediction.map((w) => w.p),
            withPrediction.map((w) => w.y),
          ),
        )
      : null;
  return {
    median: mid,
    large: large.filter(Boolean).length,
    score: estimateOf(
      sized.length,
      samples,
      seed,
      aucOn(
        sized.map((t) => t.score),
        large,
      ),
    ),
    highVsRest: estimateOf(
      sized.length,
      samples,
      seed,
      aucOn(
        sized.map((t) => Number(t.level === 'high')),
        large,
      ),
    ),
    predicted,
    storyWordingSupported: predicted !== null && predicted.value >= STORY_WORDING_MIN_AUC,
  };
}

export function evaluateRisk(
  tickets: readonly RiskEvalTicket[],
  history: readonly RiskEvalCommit[],
  options: RiskEvalOptions = {},
): RiskEvaluation {
  const { horizonDays, bootstrapSamples, seed, minTickets, minPerOutcome } =
    riskEvalOptionsSchema.parse(options);
  const horizon = horizonDays * DAY_SECONDS;
  const byTime = [...history].sort((a, b) => a.time - b.time);
  const times = byTime.map((c) => c.time);
  const end = times.length > 0 ? times[times.length - 1] : -Infinity;
  const kept = tickets.filter((t) => t.time + horizon <= end);
  const outcomes = kept.map((t) => laterFixOutcome(t, byTime, times, horizon));
  const positives = outcomes.filter(Boolean).length;
  const levels: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
  const laterFixesByLevel: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
  const fixClaims = { tickets: 0, followedByFix: 0 };
  kept.forEach((t, i) => {
    levels[t.level]++;
    if (outcomes[i]) laterFixesByLevel[t.level]++;
    if (t.fixClaim) {
      fixClaims.tickets++;
      if (outcomes[i]) fixClaims.followedByFix++;
    }
  });
  const base = {
    horizonDays,
    tickets: kept.length,
    dropped: tickets.length - kept.length,
    positives,
    baseRate: kept.length > 0 ? round(positives / kept.length) : 0,
    levels,
    laterFixesByLevel,
    fixClaims,
    laterFixes: kept.map((t, i) => ({ id: t.id, laterFix: outcomes[i] })),
  };
  const none = { score: null, highVsRest: null, baseline: null, liftTopThird: null, changeSize: null };
  if (kept.length < minTickets) {
    return {
      insufficient: `too little history to evaluate: ${kept.length} ticket-like changes with ${horizonDays} days of history after them (at least ${minTickets} needed)`,
      ...base,
      ...none,
    };
  }
  if (positives === 0 || positives === kept.length) {
    return {
      insufficient: `every evaluated change had the same outcome (${positives === 0 ? 'no' : 'a'} later fix within ${horizonDays} days), so nothing can be told apart`,
      ...base,
      ...none,
    };
  }
  const fewer = Math.min(positives, kept.length - positives);
  if (fewer < minPerOutcome) {
    const which = fewer === positives ? 'followed' : 'not followed';
    return {
      insufficient: `too few of each outcome to evaluate: ${fewer} of ${formatCount(kept.length)} ticket-like changes ${fewer === 1 ? 'was' : 'were'} ${which} by a fix within ${horizonDays} days (at least ${minPerOutcome} of each needed)`,
      ...base,
      ...none,
    };
  }
  const n = kept.length;
  const scores = kept.map((t) => t.score);
  return {
    insufficient: null,
    ...base,
    score: estimateOf(n, bootstrapSamples, seed, aucOn(scores, outcomes)),
    highVsRest: estimateOf(
      n,
      bootstrapSamples,
      seed,
      aucOn(
        kept.map((t) => Number(t.level === 'high')),
        outcomes,
      ),
    ),
    baseline: estimateOf(
      n,
      bootstrapSamples,
      seed,
      aucOn(
        kept.map((t) => t.baseline),
        outcomes,
      ),
    ),
    liftTopThird: estimateOf(n, bootstrapSamples, seed, (ix) =>
      liftOfTopThird(
        ix.map((i) => scores[i]),
        ix.map((i) => outcomes[i]),
      ),
    ),
    changeSize: changeSize(kept, bootstrapSamples, seed),
  };
}
