import { formatCount } from '@sightline/analysis';
import {
  describeAreaRiskClaim,
  describeCommitSpan,
  describeDependencyWarning,
  describeRiskReason,
  type RiskAssessment,
  type RiskReason,
} from '@sightline/risk';

/** One assessment as `sightline assess` writes it in JSON: the contract other tools read. */
export interface AssessLine {
  id: string;
  level: RiskAssessment['level'];
  score: number;
  confidence: number;
  lowConfidence: boolean;
  noMatch: boolean;
  /** The area-risk claim in one sentence. */
  summary: string;
  /** Each reason with its figures and, in `text`, the sentence a note prints for it. */
  reasons: (RiskReason & { text: string })[];
  areas: RiskAssessment['areas'];
  dependencyWarnings: (RiskAssessment['dependencyWarnings'][number] & { text: string })[];
  similarTickets: RiskAssessment['similarTickets'];
  evidence: RiskAssessment['evidence'];
}

export function assessLine(id: string, a: RiskAssessment): AssessLine {
  return {
    id,
    level: a.level,
    score: a.score,
    confidence: a.confidence,
    lowConfidence: a.lowConfidence,
    noMatch: a.noMatch,
    summary: describeAreaRiskClaim(a),
    reasons: a.reasons.map((r) => ({ ...r, text: describeRiskReason(r) })),
    areas: a.areas,
    dependencyWarnings: a.dependencyWarnings.map((w) => ({ ...w, text: describeDependencyWarning(w) })),
    similarTickets: a.similarTickets,
    evidence: a.evidence,
  };
}

/** A readable summary for a terminal. */
export function renderAssessmentText(a: RiskAssessment): string {
  if (a.noMatch) {
    return `No match: ${describeRiskReason(a.reasons[0]).replace(/^No code matched: /, '')} No risk level assessed. Confidence 0.\n`;
  }
  const lines = [
    `Risk: ${a.level.toUpperCase()} (score ${a.score.toFixed(2)}, confidence ${a.confidence.toFixed(2)}${a.lowConfidence ? ', low: treat the areas as a guess' : ''})`,
    describeAreaRiskClaim(a),
    '',
    'Likely areas',
    ...a.areas.map(
      (area) =>
        `  ${area.path}  match ${area.matchScore.toFixed(2)} · ${formatCount(area.loc)} code lines · ${formatCount(area.recentRevisions)} changes in ${area.windowDays} days · ${formatCount(area.authors)} authors · ${formatCount(area.bugFixRevisions)} fixes`,
    ),
    '',
    'Why',
    ...a.reasons.map((r) => `  - ${describeRiskReason(r)}`),
  ];
  if (a.dependencyWarnings.length > 0) lines.push('', ...a.dependencyWarnings.map(describeDependencyWarning));
  if (a.similarTickets.length > 0) {
    lines.push(
      '',
      'Similar past tickets',
      ...a.similarTickets.map((t) => {
        const span =
          t.commitSpanDays === null
            ? '1 commit'
            : `${t.commits} commits, ${describeCommitSpan(t.commitSpanDays)} from first to last`;
        return `  - ${t.key} ${t.title} (${span})`;
      }),
    );
  }
  return lines.join('\n') + '\n';
}
