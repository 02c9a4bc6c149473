import { formatCount, plural } from '@sightline/analysis';
import type { RiskLevel } from './risk-assessment';
import { areaName, referenceName, type DependencyWarning, type RiskReason } from './risk-reason';

/** One repository's part of an assessment, as a stored report keeps it. */
export interface RepositoryRiskSummary {
  repositoryId: string;
  repositoryName: string;
  reasons: readonly RiskReason[];
  dependencyWarnings: readonly DependencyWarning[];
}

/** What two versions of a ticket's assessment are compared on. */
export interface RiskSummary {
  level: RiskLevel;
  repositories: readonly RepositoryRiskSummary[];
}

/**
 * How far a figure behind a reason must move before a note is rewritten: counts by at least a
 * quarter and by `minCount`, percentiles by `percentilePoints`. Smaller drifts leave the note as
 * it is, so a ticket is not re-notified on every snapshot; drifts accumulate against the figures
 * the note was written with, so a slow climb still shows once it adds up.
 */
export const MATERIAL_CHANGE = { relative: 0.25, minCount: 2, minLines: 50, percentilePoints: 15 } as const;

type Hotspot = Extract<RiskReason, { kind: 'hotspot' }>;
type FixRate = Extract<RiskReason, { kind: 'fix-rate' }>;

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

function movedCount(before: number, after: number, minimum: number = MATERIAL_CHANGE.minCount): boolean {
  const delta = Math.abs(after - before);
  return delta >= minimum && delta >= MATERIAL_CHANGE.relative * Math.max(before, 1);
}

/** A reason's identity across versions: the same kind about the same code. */
function reasonKey(reason: RiskReason): string {
  switch (reason.kind) {
    case 'hotspot':
    case 'fix-rate':
    case 'low-confidence':
    case 'other-work':
    case 'no-match':
    case 'no-figures':
      return reason.kind;
    case 'complexity':
    case 'knowledge-island':
    case 'knowledge-loss':
      return `${reason.kind}:${reason.file}`;
    case 'bug-fix-share':
      return `${reason.kind}:${reason.area}`;
    case 'fan-in':
      return `${reason.kind}:${reason.target}`;
  }
}

function hotspotChanges(before: Hotspot, after: Hotspot, becameHigh: boolean): string[] {
  if (before.area !== after.area)
    return [`The best-matched area is now ${areaName(after.area)} (was ${areaName(before.area)}).`];
  const changes: string[] = [];
  if (movedCount(before.recentRevisions, after.recentRevisions)) {
    const figures = `${plural(after.recentRevisions, 'change')} in the last ${after.windowDays} days (was ${formatCount(before.recentRevisions)})`;
    changes.push(
      becameHigh
        ? `Now a hotspot: ${figures} in ${areaName(after.area)}.`
        : `${areaName(after.area)}: ${figures}.`,
    );
  }
  if (movedCount(before.authors, after.authors)) {
    changes.push(
      `${areaName(after.area)}: ${plural(after.authors, 'author')} (was ${formatCount(before.authors)}).`,
    );
  }
  if (before.file === after.file && movedCount(before.loc, after.loc, MATERIAL_CHANGE.minLines)) {
    changes.push(`${after.file}: ${plural(after.loc, 'code line')} (was ${formatCount(before.loc)}).`);
  }
  if (
    changes.length === 0 &&
    Math.abs(after.percentile - before.percentile) >= MATERIAL_CHANGE.percentilePoints
  ) {
    changes.push(
      `${areaName(after.area)} now ranks above ${Math.round(after.percentile)}% of ${referenceName(after.basis)} (was ${Math.round(before.percentile)}%).`,
    );
  }
  return changes;
}

function fixRateChanges(before: FixRate, after: FixRate): string[] {
  if (!before.supported && after.supported) {
    const multiple = after.multiple >= 10 ? Math.round(after.multiple) : after.multiple.toFixed(1);
    return [
      `Follow-up fixes now concentrate here: ${multiple}× this repository's ${after.perDays}-day fix rate.`,
    ];
  }
  if (before.supported && !after.supported) return ['Follow-up fixes no longer concentrate here.'];
  return [];
}

function pairChanges(before: RiskReason, after: RiskReason, becameHigh: boolean): string[] {
  if (before.kind === 'hotspot' && after.kind === 'hotspot') return hotspotChanges(before, after, becameHigh);
  if (before.kind === 'fix-rate' && after.kind === 'fix-rate') return fixRateChanges(before, after);
  if (before.kind === 'fan-in' && after.kind === 'fan-in' && movedCount(before.fanIn, after.fanIn)) {
    const who = after.targetKind === 'file' ? 'files' : 'other areas';
    return [
      `${after.target} is now imported by ${formatCount(after.fanIn)} ${who} (was ${formatCount(before.fanIn)}).`,
    ];
  }
  return [];
}

function appeared(reason: RiskReason, previous: ReadonlyMap<string, RiskReason>): string | null {
  switch (reason.kind) {
    case 'knowledge-island':
      // Its expert came back: the knowledge-loss line that disappeared says so.
      if (previous.has(`knowledge-loss:${reason.file}`)) return null;
      return `New knowledge risk: one person wrote ${Math.round(reason.ownership * 100)}% of ${reason.file}.`;
    case 'knowledge-loss':
      return `The person who wrote ${Math.round(reason.ownership * 100)}% of ${reason.file} has stopped committing (last commit ${reason.lastCommit}): nobody active knows it well.`;
    case 'fan-in':
      return `${reason.target} is now imported by ${plural(reason.fanIn, reason.targetKind === 'file' ? 'file' : 'other area')}.`;
    case 'complexity':
      return `${reason.file} is now among this repository's most complex files (most complex function ${reason.maxComplexity}).`;
    case 'bug-fix-share':
      return `Bug fixes now make up ${Math.round(reason.share * 100)}% of the changes to ${areaName(reason.area)}.`;
    default:
      return null;
  }
}

function disappeared(reason: RiskReason, current: ReadonlyMap<string, RiskReason>): string | null {
  switch (reason.kind) {
    case 'knowledge-island':
      // Its expert stopped committing: the knowledge-loss line says so instead.
      if (current.has(`knowledge-loss:${reason.file}`)) return null;
      return `${reason.file} is no longer a knowledge island: more people have worked on it.`;
    case 'knowledge-loss':
      if (current.has(`knowledge-island:${reason.file}`))
        return `Someone who knows ${reason.file} is committing again.`;
      return `${reason.file} is now known by people who are still active.`;
    case 'complexity':
      return `${reason.file} is no longer among this repository's most complex files.`;
    case 'bug-fix-share':
      return `Bug fixes no longer stand out in ${areaName(reason.area)}.`;
    case 'fan-in':
      return `${reason.target} is no longer among the most imported code.`;
    default:
      return null;
  }
}

function repositoryChanges(
  before: RepositoryRiskSummary,
  after: RepositoryRiskSummary,
  becameHigh: boolean,
): string[] {
  const previous = new Map(before.reasons.map((r) => [reasonKey(r), r]));
  const current = new Map(after.reasons.map((r) => [reasonKey(r), r]));
  const changes: string[] = [];
  for (const [key, reason] of current) {
    const old = previous.get(key);
    const lines = old ? pairChanges(old, reason, becameHigh) : [appeared(reason, previous)];
    changes.push(...lines.filter((line): line is string => line !== null));
  }
  for (const [key, reason] of previous) {
    const line = current.has(key) ? null : disappeared(reason, current);
    if (line) changes.push(line);
  }
  const planned = new Set(before.dependencyWarnings.map((w) => w.area));
  for (const warning of after.dependencyWarnings) {
    if (!planned.has(warning.area)) {
      changes.push(
        `New: also plan for ${areaName(warning.area)}, which now changes together with ${areaName(warning.coupledWith)}.`,
      );
    }
  }
  return changes;
}

/**
 * What changed between the assessment a ticket's note was written from and a new one, in plain
 * sentences ("Now a hotspot: 12 changes in the last 30 days (was 3) in billing/."). An empty list
 * means nothing changed beyond `MATERIAL_CHANGE`: the note stays as it is.
 */
export function describeRiskChanges(before: RiskSummary, after: RiskSummary): string[] {
  const changes: string[] = [];
  if (before.level !== after.level) {
    const direction = RANK[after.level] > RANK[before.level] ? 'rose' : 'fell';
    changes.push(`Risk level ${direction} from ${before.level} to ${after.level}.`);
  }
  const becameHigh = after.level === 'high' && before.level !== 'high';
  const previous = new Map(before.repositories.map((r) => [r.repositoryId, r]));
  const several = after.repositories.length > 1;
  for (const repository of after.repositories) {
    const old = previous.get(repository.repositoryId);
    const lines = old
      ? repositoryChanges(old, repository, becameHigh)
      : [`${repository.repositoryName} is now part of the assessment.`];
    changes.push(...lines.map((line) => (several && old ? `${repository.repositoryName}: ${line}` : line)));
  }
  for (const repository of before.repositories) {
    if (!after.repositories.some((r) => r.repositoryId === repository.repositoryId)) {
      changes.push(`${repository.repositoryName} is no longer part of the assessment.`);
    }
  }
  return changes;
}
