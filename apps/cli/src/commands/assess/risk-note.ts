import { describeResult, type MatchResult } from '@sightline/matching';
import {
  describeAreaRiskClaim,
  describeRiskReason,
  type RiskArea,
  type RiskAssessment,
  type RiskReason,
  type SimilarPastTicket,
} from '@sightline/risk';
import type { NoteArea, NoteFigure, RiskNoteReport, SimilarTicket } from '@sightline/trackers';

/**
 * The assessment as the tracker note's report: the same mapping a ticket note is written from,
 * so `sightline assess --format markdown|adf` previews exactly what would land in Linear or Jira.
 */
const MATCH_REASON_FILES = 3;
/** Reasons about the level as a whole; the others belong to the area they name. */
const LEVEL_REASONS: ReadonlySet<RiskReason['kind']> = new Set([
  'hotspot',
  'fix-rate',
  'low-confidence',
  'no-match',
  'no-figures',
]);
/** Already one of the area's figures. */
const SHOWN_AS_FIGURE: ReadonlySet<RiskReason['kind']> = new Set(['bug-fix-share']);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function areaFigures(area: RiskArea): NoteFigure[] {
  const figures: NoteFigure[] = [
    { label: 'size', value: `${plural(area.loc, 'code line')} in ${plural(area.files, 'file')}` },
  ];
  if (area.maxHotspotPercentile !== null) {
    figures.push({
      label: 'hotspot',
      value: `top ${Math.max(1, Math.round(100 - area.maxHotspotPercentile))}% of files in this repository`,
    });
  }
  figures.push({ label: `changes (${area.windowDays} days)`, value: String(area.recentRevisions) });
  if (area.revisions > 0) {
    const share = Math.round((100 * area.bugFixRevisions) / area.revisions);
    figures.push({
      label: 'bug-fix share',
      value: `${share}% (${area.bugFixRevisions} of ${area.revisions} changes)`,
    });
  }
  figures.push({ label: 'authors', value: String(area.authors) });
  if (area.maxComplexity > 0)
    figures.push({ label: 'most complex function', value: `cyclomatic complexity ${area.maxComplexity}` });
  if (area.fanIn > 0) figures.push({ label: 'imported by', value: plural(area.fanIn, 'other area') });
  return figures;
}

function reasonArea(reason: RiskReason): string | undefined {
  switch (reason.kind) {
    case 'complexity':
    case 'bug-fix-share':
    case 'knowledge-island':
      return reason.area;
    case 'fan-in':
      return reason.target;
    default:
      return undefined;
  }
}

function belongsTo(areaPath: string, target: string): boolean {
  return target === areaPath || areaPath === '.' || target.startsWith(`${areaPath}/`);
}

function duration(ticket: SimilarPastTicket): string | undefined {
  if (ticket.commitSpanDays === null) return undefined;
  const span = ticket.commitSpanDays < 1 ? 'under a day' : plural(Math.round(ticket.commitSpanDays), 'day');
  return `${span} from first to last commit`;
}

export interface NoteOptions {
  ticketKey: string;
  reportUrl: string;
}

export function riskNoteReport(
  assessment: RiskAssessment,
  match: MatchResult,
  options: NoteOptions,
): RiskNoteReport {
  const placed = new Set<RiskReason>();
  const areas: NoteArea[] = assessment.areas.map((area) => {
    const reasons = assessment.reasons.filter((r) => {
      const target = reasonArea(r);
      if (SHOWN_AS_FIGURE.has(r.kind) && target !== undefined && belongsTo(area.path, target)) {
        placed.add(r);
        return false;
      }
      if (LEVEL_REASONS.has(r.kind) || target === undefined || placed.has(r) || !belongsTo(area.path, target))
        return false;
      placed.add(r);
      return true;
    });
    return {
      path: area.path,
      score: area.matchScore,
      figures: areaFigures(area),
      reasons: reasons.map(describeRiskReason),
    };
  });
  const similarTickets: SimilarTicket[] = assessment.similarTickets.map((t) => ({
    key: t.key,
    ...(t.title ? { title: t.title } : {}),
    ...(duration(t) ? { duration: duration(t) } : {}),
  }));
  return {
    ticketKey: options.ticketKey,
    riskLevel: assessment.level,
    confidence: assessment.confidence,
    summary: describeAreaRiskClaim(assessment),
    areas,
    riskReasons: assessment.reasons.filter((r) => !placed.has(r)).map(describeRiskReason),
    dependencyWarnings: assessment.dependencyWarnings.map((w) => ({
      area: w.area,
      message: `changes together with ${w.coupledWith} in ${w.degree}% of ${w.basis === 'areas' ? 'commits' : 'commits to their files'} (${plural(w.shared, 'shared commit')}): budget for both`,
    })),
    similarTickets,
    matchReasons: match.files.slice(0, MATCH_REASON_FILES).flatMap((f) => {
      const why = describeResult(f);
      return why ? [`${f.path}: ${why}`] : [];
    }),
    reportUrl: options.reportUrl,
    lowConfidence: assessment.lowConfidence,
  };
}
