import type { FileFigures, RepositorySnapshot } from '@sightline/analysis';
import { rankTicket, type MatchIndex, type RankedResult } from '@sightline/matching';
import type { FileRiskFigures } from './risk-calibration';

/**
 * The scale a ticket's risk is read on. A ticket's hotspot dimension is a match-weighted mean over
 * several files, which pulls every value towards the middle; compared with single files, almost
 * nothing would be high in one repository and almost everything in another. So the reference is
 * the same statistic over the repository's own past changes, matched from their subjects by the
 * same matcher: "high" then means "riskier than 80% of this repository's past work", in every
 * codebase. Without a match index, past tickets scored on the files they changed stand in, and
 * without enough of those, every file weighted by the commits that changed it.
 */
export interface RiskReference {
  basis: 'matched' | 'tickets' | 'changes';
  /** Reference values, ascending. */
  values: number[];
  /** `cumulative[i]`: total weight of `values[0..i-1]`. */
  cumulative: number[];
  /**
   * The fix rate (fix commits per file per 30 days) of the files the reference's median item
   * touched: what a typical change in this repository meets, the yardstick for "follow-up fixes
   * concentrate here" on the same scale as the level.
   */
  typicalFixRate: number;
}

interface ReferenceItem {
  value: number;
  weight: number;
  fixRate: number;
}

/** Files whose figures drive the level: the matcher's best few, weighted by match score. */
export const RISK_FILES = 5;
/** Fewer reference items than this and the next source stands in. */
export const MIN_REFERENCE_TICKETS = 20;
/** Past changes matched for the reference, spread evenly over the history the index holds. */
export const MAX_REFERENCE_QUERIES = 200;
/** Past tickets changing more code files than this are sweeps, not tickets. */
export const MAX_REFERENCE_TICKET_FILES = 30;

export interface WeightedFile {
  path: string;
  weight: number;
  figures: FileRiskFigures;
}

/** The best-matched files that have code figures, weighted by match score. */
export function weightedFiles(
  matched: readonly Pick<RankedResult, 'path' | 'score'>[],
  risk: ReadonlyMap<string, FileRiskFigures>,
): WeightedFile[] {
  return matched.slice(0, RISK_FILES).flatMap((f) => {
    const figures = risk.get(f.path);
    return figures && f.score > 0 ? [{ path: f.path, weight: f.score, figures }] : [];
  });
}

function weightedMean(files: readonly WeightedFile[], figure: (f: FileRiskFigures) => number): number | null {
  const total = files.reduce((a, f) => a + f.weight, 0);
  if (total <= 0) return null;
  return files.reduce((a, f) => a + f.weight * figure(f.figures), 0) / total;
}

export function weightedDimension(files: readonly WeightedFile[]): number | null {
  return weightedMean(files, (f) => f.dimension);
}

/** Fix commits per file per 30 days over the files, weighted by match score. */
export function weightedFixRate(files: readonly WeightedFile[]): number | null {
  return weightedMean(files, (f) => f.fixRate);
}

/** The value at half the total weight (items sorted by the value). */
function weightedMedian(items: { value: number; weight: number }[]): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const half = sorted.reduce((a, p) => a + p.weight, 0) / 2;
  let seen = 0;
  for (const item of sorted) {
    seen += item.weight;
    if (seen >= half) return item.value;
  }
  return 0;
}

function weighted(items: ReferenceItem[], basis: RiskReference['basis']): RiskReference {
  items.sort((a, b) => a.value - b.value);
  const cumulative = [0];
  for (const p of items) cumulative.push(cumulative[cumulative.length - 1] + p.weight);
  return {
    basis,
    values: items.map((p) => p.value),
    cumulative,
    typicalFixRate: weightedMedian(items.map((p) => ({ value: p.fixRate, weight: p.weight }))),
  };
}

function matchedPast(index: MatchIndex, risk: ReadonlyMap<string, FileRiskFigures>): ReferenceItem[] {
  // Work that changed no source file (documentation, CI) has no code to place on the scale.
  const past = index.pastTickets.filter((t) => t.files.length > 0);
  const step = Math.max(1, Math.ceil(past.length / MAX_REFERENCE_QUERIES));
  const out: ReferenceItem[] = [];
  for (let i = 0; i < past.length; i += step) {
    const match = rankTicket(index, { title: past[i].title }, { top: RISK_FILES, explain: false });
    const files = weightedFiles(match.files, risk);
    const value = weightedDimension(files);
    if (value !== null) out.push({ value, weight: 1, fixRate: weightedFixRate(files) ?? 0 });
  }
  return out;
}

export function buildReference(
  snapshot: RepositorySnapshot,
  risk: ReadonlyMap<string, FileRiskFigures>,
  figures: ReadonlyMap<string, FileFigures>,
  index: MatchIndex | undefined,
): RiskReference {
  if (index) {
    const matched = matchedPast(index, risk);
    if (matched.length >= MIN_REFERENCE_TICKETS) return weighted(matched, 'matched');
  }
  const tickets: ReferenceItem[] = [];
  for (const ticket of snapshot.tickets) {
    const files = ticket.files.flatMap((path) => {
      const f = risk.get(path);
      return f ? [{ path, weight: 1, figures: f }] : [];
    });
    if (files.length === 0 || files.length > MAX_REFERENCE_TICKET_FILES) continue;
    tickets.push({ value: weightedDimension(files)!, weight: 1, fixRate: weightedFixRate(files)! });
  }
  if (tickets.length >= MIN_REFERENCE_TICKETS) return weighted(tickets, 'tickets');
  // A file the history never saw change (a shallow or windowed analysis) still counts once.
  const changes = [...risk.values()].map((f) => ({
    value: f.dimension,
    weight: Math.max(1, figures.get(f.path)?.revisions ?? 0),
    fixRate: f.fixRate,
  }));
  return weighted(changes, 'changes');
}
