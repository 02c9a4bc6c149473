import type { FixConcentrationCheck } from '../snapshot/snapshot.schema';
import { countBelow } from '../sorted-search';

/**
 * Whether "follow-up fixes concentrate here" holds on this repository's own history. A note says
 * it of a ticket whose files took fixes well above the repository's rate; on most repositories
 * such tickets are followed by another fix more often than the rest, on some they are not
 * (docs/risk.md). So the claim is backtested on the repository's past changes, each read as the
 * note would have read it then: its files' fix rate over the window before it, against the
 * repository's at that moment and the typical change's; the outcome, another change's fix on one
 * of its files within the 30 days after it.
 */

/** One past change as the backtest needs it: head-tree file indices, newest change first. */
export interface LoggedChange {
  time: number;
  files: Int32Array;
  fix: boolean;
  tickets: readonly string[];
}

export interface FixConcentrationOptions {
  /** Unix seconds of the analysed revision. */
  headTime: number;
  /** The fix window, the analysis's `hotspotDays`. */
  windowDays: number;
  /** Per file (indexed like the change log's files), whether it is code the risk figures rank. */
  code: readonly boolean[];
  /** Per file, Unix seconds of its first change; -1 when the history never saw it change. */
  firstSeen: Float64Array;
}

/** The claim's thresholds; the assessment reads a ticket's matched files against the same ones. */
export const FIX_CLAIM_MIN_MULTIPLE = 1.25;
export const FIX_CLAIM_MIN_FIXES = 3;
/** Fix rates are fixes per this many days. */
export const FIX_RATE_DAYS = 30;
/** The outcome window after a change, the same 30 days `sightline eval --risk` measures. */
const FOLLOW_UP_DAYS = 30;
/** The latest past changes read; older history says less about how the code is worked on now. */
const MAX_BACKTEST_CHANGES = 500;
/** Fewer changes than this on either side and the backtest decides nothing: the claim is not said. */
export const MIN_BACKTEST_SIDE = 10;
/** A change of more code files than this is a sweep, not a ticket's work. */
const MAX_CHANGE_FILES = 30;

const DAY = 86_400;

/** A file's fixes per 30 days over the window, a file younger than 30 days counting as 30 days old. */
export function fixRate(fixes: number, ageDays: number, windowDays: number): number {
  return (fixes * FIX_RATE_DAYS) / Math.max(FIX_RATE_DAYS, Math.min(windowDays, ageDays));
}

interface FixEvents {
  /** Per code file, the times of the fixes that touched it, ascending. */
  byFile: Map<number, { times: number[]; changes: number[] }>;
  /** Every (time, file) fix touch, ascending by time. */
  times: Float64Array;
  files: Int32Array;
}

function fixEvents(log: readonly LoggedChange[], code: readonly boolean[]): FixEvents {
  const byFile = new Map<number, { times: number[]; changes: number[] }>();
  const touches: { time: number; file: number }[] = [];
  for (let c = log.length - 1; c >= 0; c--) {
    const change = log[c];
    if (!change.fix) continue;
    for (const f of change.files) {
      if (!code[f]) continue;
      let events = byFile.get(f);
      if (!events) byFile.set(f, (events = { times: [], changes: [] }));
      events.times.push(change.time);
      events.changes.push(c);
      touches.push({ time: change.time, file: f });
    }
  }
  touches.sort((a, b) => a.time - b.time);
  return {
    byFile,
    times: Float64Array.from(touches, (t) => t.time),
    files: Int32Array.from(touches, (t) => t.file),
  };
}

/** What the note would have read at one past change, and what followed it. */
interface Reading {
  fixes: number;
  multiple: number;
  followedByFix: boolean;
}

export function checkFixConcentration(
  log: readonly LoggedChange[],
  options: FixConcentrationOptions,
): FixConcentrationCheck {
  const { code, firstSeen, headTime, windowDays } = options;
  const window = windowDays * DAY;
  const events = fixEvents(log, code);
  const births = Float64Array.from(firstSeen.filter((t, f) => code[f] && t >= 0)).sort();
  const oldest = births.length > 0 ? births[0] : headTime;
  const ageDays = (f: number, at: number): number => (at - firstSeen[f]) / DAY;

  // The repository's rate at a moment: the mean over the code files that existed then.
  const counts = new Map<number, number>();
  const repositoryRate = (at: number): number => {
    const existing = countBelow(births, at, true);
    if (existing === 0) return 0;
    counts.clear();
    for (
      let i = countBelow(events.times, at - window);
      i < events.times.length && events.times[i] < at;
      i++
    ) {
      counts.set(events.files[i], (counts.get(events.files[i]) ?? 0) + 1);
    }
    let sum = 0;
    for (const [f, n] of counts) sum += fixRate(n, ageDays(f, at), windowDays);
    return sum / existing;
  };

  const readings: Reading[] = [];
  for (let c = 0; c < log.length && readings.length < MAX_BACKTEST_CHANGES; c++) {
    const change = log[c];
    const at = change.time;
    // Thirty days must have passed for the outcome, and some history before it for the reading.
    if (at > headTime - FOLLOW_UP_DAYS * DAY || at - oldest < FOLLOW_UP_DAYS * DAY) continue;
    const files = [...change.files].filter((f) => code[f] && firstSeen[f] >= 0 && firstSeen[f] <= at);
    if (files.length === 0 || files.length > MAX_CHANGE_FILES) continue;
    const base = repositoryRate(at);
    if (base <= 0) continue;
    let fixes = 0;
    let rateSum = 0;
    let followedByFix = false;
    for (const f of files) {
      const fileEvents = events.byFile.get(f);
      if (!fileEvents) continue;
      const before = countBelow(fileEvents.times, at) - countBelow(fileEvents.times, at - window);
      fixes += before;
      rateSum += fixRate(before, ageDays(f, at), windowDays);
      for (
        let i = countBelow(fileEvents.times, at, true);
        !followedByFix && i < fileEvents.times.length;
        i++
      ) {
        if (fileEvents.times[i] > at + FOLLOW_UP_DAYS * DAY) break;
        const other = log[fileEvents.changes[i]];
        followedByFix = other !== change && !other.tickets.some((key) => change.tickets.includes(key));
      }
    }
    readings.push({ fixes, multiple: rateSum / files.length / base, followedByFix });
  }
  return judge(readings);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function judge(readings: readonly Reading[]): FixConcentrationCheck {
  // The note's second yardstick: the rate the repository's typical change meets.
  const typical = median(readings.map((r) => r.multiple));
  const yardstick = FIX_CLAIM_MIN_MULTIPLE * Math.max(1, typical);
  const claimed = readings.filter((r) => r.fixes >= FIX_CLAIM_MIN_FIXES && r.multiple >= yardstick);
  const claimedFollowedByFix = claimed.filter((r) => r.followedByFix).length;
  const restFollowedByFix = readings.filter((r) => r.followedByFix).length - claimedFollowedByFix;
  const rest = readings.length - claimed.length;
  return {
    changes: readings.length,
    claimed: claimed.length,
    claimedFollowedByFix,
    restFollowedByFix,
    supported:
      claimed.length >= MIN_BACKTEST_SIDE &&
      rest >= MIN_BACKTEST_SIDE &&
      claimedFollowedByFix / claimed.length > restFollowedByFix / rest,
  };
}
