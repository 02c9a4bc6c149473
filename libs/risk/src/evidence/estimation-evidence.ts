/**
 * Story-level evidence from the tracker's own record of similar past tickets (docs/risk.md: the
 * size/duration of the most similar past tickets is what predicts a story's duration, a little).
 * Shown as evidence, never as a verdict on the ticket.
 */

/** Below this many past tickets with a known created → done duration, no figures are given. */
export const MIN_EVIDENCE_TICKETS = 3;
const DAY_MS = 86_400_000;

/** What the tracker says about one past ticket; no person (assignee, author) is part of it. */
export interface PastTicketDuration {
  key: string;
  createdAt: Date;
  /** When it was completed; null while open, or when it ended without being done (canceled, duplicate). */
  completedAt: Date | null;
  /** Story points (Jira) or estimate (Linear); null when not estimated. */
  estimate: number | null;
}

export interface EstimateEvidence {
  /** Tickets with both points and a duration. */
  tickets: number;
  medianPoints: number;
  /** Median over tickets of days ÷ points. */
  medianDaysPerPoint: number;
}

export interface EstimationEvidence {
  /** Past tickets with a known created → done duration behind the figures. */
  tickets: number;
  /** Nearest-rank percentiles of created → done, in days (one decimal). */
  p50Days: number;
  p90Days: number;
  minDays: number;
  maxDays: number;
  /** Their keys, shortest first, so every figure can be checked in the tracker. */
  keys: string[];
  /** Null when fewer than `MIN_EVIDENCE_TICKETS` of them were estimated. */
  estimates: EstimateEvidence | null;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Nearest-rank percentile: the smallest value with at least p% of the values at or below it, so
 * every figure is a duration some past ticket really had. `sorted` ascending, non-empty, 0 < p ≤ 100.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('nearestRank needs at least one value');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Median of a non-empty list (mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * P50/P90 of created → done over the past tickets that were completed, and where enough of them
 * carried points, the median estimate and the median days per point. Null when fewer than
 * `minTickets` have a known duration: too few to say anything.
 */
export function estimationEvidence(
  durations: Iterable<PastTicketDuration>,
  minTickets = MIN_EVIDENCE_TICKETS,
): EstimationEvidence | null {
  const done = [...durations]
    .filter((t): t is PastTicketDuration & { completedAt: Date } => t.completedAt !== null)
    .map((t) => ({
      key: t.key,
      days: Math.max(0, (t.completedAt.getTime() - t.createdAt.getTime()) / DAY_MS),
      estimate: t.estimate,
    }))
    .filter((t) => Number.isFinite(t.days))
    .sort((a, b) => a.days - b.days || a.key.localeCompare(b.key));
  if (done.length < Math.max(1, minTickets)) return null;
  const days = done.map((t) => t.days);
  const estimated = done.filter(
    (t): t is typeof t & { estimate: number } => t.estimate !== null && t.estimate > 0,
  );
  return {
    tickets: done.length,
    p50Days: round1(nearestRank(days, 50)),
    p90Days: round1(nearestRank(days, 90)),
    minDays: round1(days[0]),
    maxDays: round1(days[days.length - 1]),
    keys: done.map((t) => t.key),
    estimates:
      estimated.length >= Math.max(1, minTickets)
        ? {
            tickets: estimated.length,
            medianPoints: round2(median(estimated.map((t) => t.estimate))),
            medianDaysPerPoint: round2(median(estimated.map((t) => t.days / t.estimate))),
          }
        : null,
  };
}

/** A day count as a note shows it: one decimal below ten days, whole days above. */
function dayCount(days: number): string {
  return days < 10 ? String(round1(days)) : String(Math.round(days));
}

export function formatDays(days: number): string {
  const shown = dayCount(days);
  return `${shown} ${shown === '1' ? 'day' : 'days'}`;
}

/** The evidence sentence a note and the digest show; worded as what happened, not as a forecast. */
export function describeEstimationEvidence(evidence: EstimationEvidence): string {
  const { p50Days, p90Days } = evidence;
  const range =
    dayCount(p50Days) === dayCount(p90Days)
      ? formatDays(p50Days)
      : `${dayCount(p50Days)}–${formatDays(p90Days)}`;
  let sentence =
    `Similar past tickets in these areas took ${range} from created to done ` +
    `(P50 ${formatDays(p50Days)}, P90 ${formatDays(p90Days)}; ${evidence.tickets} tickets).`;
  if (evidence.estimates) {
    const e = evidence.estimates;
    const perPoint = dayCount(e.medianDaysPerPoint);
    sentence +=
      ` Of those with story points (${e.tickets}): median estimate ${e.medianPoints} ` +
      `${e.medianPoints === 1 ? 'point' : 'points'}, median ${perPoint} ${perPoint === '1' ? 'day' : 'days'} per point.`;
  }
  return sentence;
}
