import { formatCount, plural } from '@sightline/analysis';
import { describeResult } from '@sightline/matching';
import {
  describeAreaRiskClaim,
  describeCommitSpan,
  describeRiskReason,
  formatDays,
  type PastTicketDuration,
  type RiskArea,
  type RiskReason,
  type SimilarPastTicket,
} from '@sightline/risk';
import type {
  DependencyWarning,
  NoteArea,
  NoteFigure,
  RiskNoteReport,
  SimilarTicket,
} from './risk-note-report';
import { areaDisplayName } from './area-name';
import type { CombinedAssessment, RepositoryAssessment } from './combined-assessment';

const MAX_AREAS = 3;
const MAX_WARNINGS = 3;
const MAX_SIMILAR = 3;
const MATCH_REASON_FILES = 3;
const DAY_MS = 86_400_000;
/** Reasons about the level as a whole; the others belong to the area they name. */
const LEVEL_REASONS: ReadonlySet<RiskReason['kind']> = new Set([
  'hotspot',
  'fix-rate',
  'low-confidence',
  'other-work',
  'no-match',
  'no-figures',
]);
/** Already printed as one of the area's figures. */
const SHOWN_AS_FIGURE: ReadonlySet<RiskReason['kind']> = new Set(['bug-fix-share']);

function figuresOf(area: RiskArea): NoteFigure[] {
  const figures: NoteFigure[] = [
    { label: 'size', value: `${plural(area.loc, 'code line')} in ${plural(area.files, 'file')}` },
  ];
  if (area.maxHotspotPercentile !== null) {
    // "Top 100%" would read as praise for an area whose busiest file is among the quietest.
    const top = Math.max(1, Math.round(100 - area.maxHotspotPercentile));
    const value =
      top <= 50 ? `top ${top}% of files in this repository` : "below the median of this repository's files";
    figures.push({ label: 'hotspot', value });
  }
  figures.push({ label: `changes (${area.windowDays} days)`, value: formatCount(area.recentRevisions) });
  if (area.revisions > 0) {
    const share = Math.round((100 * area.bugFixRevisions) / area.revisions);
    figures.push({
      label: 'bug-fix share',
      value: `${share}% (${formatCount(area.bugFixRevisions)} of ${formatCount(area.revisions)} changes)`,
    });
  }
  figures.push({ label: 'authors', value: formatCount(area.authors) });
  if (area.maxComplexity > 0) {
    figures.push({ label: 'most complex function', value: `cyclomatic complexity ${area.maxComplexity}` });
  }
  if (area.fanIn > 0) figures.push({ label: 'imported by', value: plural(area.fanIn, 'other area') });
  return figures;
}

function reasonTarget(reason: RiskReason): string | undefined {
  switch (reason.kind) {
    case 'complexity':
    case 'bug-fix-share':
    case 'knowledge-island':
    case 'knowledge-loss':
      return reason.area;
    case 'fan-in':
      return reason.target;
    default:
      return undefined;
  }
}

function within(areaPath: string, target: string): boolean {
  return target === areaPath || areaPath === '.' || target.startsWith(`${areaPath}/`);
}

/** How deep an area sits: the root 0, `src` 1, `src/driver` 2. */
function depth(areaPath: string): number {
  return areaPath === '.' ? 0 : areaPath.split('/').length;
}

/**
 * How long a similar past ticket took: created → done from the tracker when it is known there,
 * else the span of its commits, each saying which it is.
 */
function durationOf(ticket: SimilarPastTicket, tracked: PastTicketDuration | undefined): string | undefined {
  if (tracked?.completedAt) {
    const days = Math.max(0, (tracked.completedAt.getTime() - tracked.createdAt.getTime()) / DAY_MS);
    return `${formatDays(days)} from created to done`;
  }
  if (ticket.commitSpanDays === null) return undefined;
  return `${describeCommitSpan(ticket.commitSpanDays)} from first to last commit`;
}

interface PlacedAreas {
  areas: (NoteArea & { repository: RepositoryAssessment })[];
  /** Reasons printed under an area; the rest are printed for the level. */
  placed: Set<RiskReason>;
}

function placeAreas(
  combined: CombinedAssessment,
  name: (r: RepositoryAssessment, path: string) => string,
): PlacedAreas {
  const chosen = combined.contributing
    .flatMap((repository) => repository.assessment.areas.map((area) => ({ repository, area })))
    .sort((a, b) => b.area.matchScore - a.area.matchScore)
    .slice(0, MAX_AREAS);
  // A reason belongs to the narrowest shown area holding it: `src/driver/postgres` when it is
  // shown, not the `src` that also contains it.
  const home = new Map<RiskReason, (typeof chosen)[number]>();
  for (const entry of chosen) {
    for (const reason of entry.repository.assessment.reasons) {
      const target = reasonTarget(reason);
      if (target === undefined || !within(entry.area.path, target)) continue;
      const current = home.get(reason);
      if (!current || depth(entry.area.path) > depth(current.area.path)) home.set(reason, entry);
    }
  }
  const areas = chosen.map((entry) => {
    const { repository, area } = entry;
    const reasons = repository.assessment.reasons.filter(
      (reason) =>
        home.get(reason) === entry && !LEVEL_REASONS.has(reason.kind) && !SHOWN_AS_FIGURE.has(reason.kind),
    );
    return {
      repository,
      path: name(repository, area.path),
      score: area.matchScore,
      figures: figuresOf(area),
      reasons: reasons.map(describeRiskReason),
    };
  });
  return { areas, placed: new Set(home.keys()) };
}

/**
 * What the ticket note says, from the combined assessment: the level and the sentence behind it,
 * the likely areas with their figures and area-specific reasons, what else to plan for, similar
 * past tickets and why these areas matched. Every figure is one the analysis produced.
 */
export function noteReportOf(
  combined: CombinedAssessment,
  options: {
    ticketKey: string;
    reportUrl: string;
    /** The estimation-evidence sentence (`describeEstimationEvidence`), when there is one. */
    estimation?: string;
    /** What the tracker knows of past tickets, by key: similar tickets show their real duration. */
    pastTickets?: ReadonlyMap<string, PastTicketDuration>;
    /**
     * Keys the tracker said it does not know: not listed as similar tickets, since a reader could
     * not open them (deleted, another site, or a code that only looks like a key).
     */
    unknownTickets?: ReadonlySet<string>;
  },
): RiskNoteReport {
  const name = (repository: RepositoryAssessment, path: string) =>
    areaDisplayName(path, combined.labelled ? repository.repositoryName : undefined);
  const { areas, placed } = placeAreas(combined, name);
  const shown = new Set(areas.map((area) => area.repository));
  const speaking = combined.contributing.filter((r) => shown.has(r) || r === combined.primary);

  const summary = describeAreaRiskClaim(combined.primary.assessment);
  // Without a level the summary is the first reason's sentence ("No code matched: …"): not twice.
  const isSummary = (repository: RepositoryAssessment, text: string) =>
    repository === combined.primary && text === summary;
  const riskReasons = speaking.flatMap((repository) =>
    repository.assessment.reasons
      .filter((reason) => !placed.has(reason))
      .map(describeRiskReason)
      .filter((text) => !isSummary(repository, text))
      .map((text) => (combined.labelled ? `${repository.repositoryName}: ` : '') + text),
  );
  const dependencyWarnings: DependencyWarning[] = speaking
    .flatMap((repository) =>
      repository.assessment.dependencyWarnings.map((warning) => ({
        area: name(repository, warning.area),
        message: `changes together with ${name(repository, warning.coupledWith)} in ${warning.degree}% of ${
          warning.basis === 'areas' ? 'commits' : 'commits to their files'
        } (${plural(warning.shared, 'shared commit')}): budget for both`,
      })),
    )
    .slice(0, MAX_WARNINGS);
  const seen = new Set<string>();
  const similarTickets: SimilarTicket[] = speaking
    .flatMap((repository) => repository.assessment.similarTickets.map((ticket) => ({ repository, ticket })))
    .filter(({ ticket }) => !options.unknownTickets?.has(ticket.key))
    .filter(({ ticket }) => !seen.has(ticket.key) && seen.add(ticket.key))
    .slice(0, MAX_SIMILAR)
    .map(({ repository, ticket }) => {
      const duration = durationOf(ticket, options.pastTickets?.get(ticket.key));
      // Listed for its files alone, it is no "similar" ticket unless the reader sees why.
      const shared = ticket.similarity === null ? ticket.sharedFiles.slice(0, 2) : [];
      return {
        key: ticket.key,
        ...(ticket.title ? { title: ticket.title } : {}),
        ...(duration ? { duration } : {}),
        ...(shared.length > 0
          ? { relation: `also changed ${shared.map((path) => name(repository, path)).join(' and ')}` }
          : {}),
      };
    });
  const matchReasons = speaking
    .flatMap((repository) => repository.match.files.map((file) => ({ repository, file })))
    .sort((a, b) => b.file.score - a.file.score)
    .slice(0, MATCH_REASON_FILES)
    .flatMap(({ repository, file }) => {
      const why = describeResult(file);
      return why ? [`${name(repository, file.path)}: ${why}`] : [];
    });

  return {
    ticketKey: options.ticketKey,
    riskLevel: combined.level,
    confidence: combined.confidence,
    summary,
    areas: areas.map(({ repository: _repository, ...area }) => area),
    riskReasons,
    dependencyWarnings,
    similarTickets,
    ...(options.estimation ? { estimation: options.estimation } : {}),
    matchReasons,
    reportUrl: options.reportUrl,
    lowConfidence: combined.lowConfidence,
  };
}
