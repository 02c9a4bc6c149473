import type { RiskAssessment } from './risk-assessment';
import { describeDependencyWarning, describeRiskReason, referenceName, type RiskReason } from './risk-reason';

type HotspotReason = Extract<RiskReason, { kind: 'hotspot' }>;
type FixRateReason = Extract<RiskReason, { kind: 'fix-rate' }>;

/**
 * The level as one area-risk sentence, saying only what the figures support: the fix-rate
 * multiple when enough fixes back it, otherwise where the code sits on the hotspot dimension.
 * Never a prediction about the story itself (its size, duration or lateness).
 */
export function describeAreaRiskClaim(assessment: RiskAssessment): string {
  if (assessment.noMatch || assessment.evidence.hotspotDimension === null) {
    const first = assessment.reasons[0];
    return first ? describeRiskReason(first) : 'No code matched the ticket.';
  }
  const fix = assessment.reasons.find((r): r is FixRateReason => r.kind === 'fix-rate');
  const hot = assessment.reasons.find((r): r is HotspotReason => r.kind === 'hotspot');
  const position = Math.round(assessment.score * 100);
  const reference = referenceName(assessment.evidence.basis);
  if (assessment.level !== 'low' && fix?.supported) {
    const multiple = fix.multiple >= 10 ? Math.round(fix.multiple) : fix.multiple.toFixed(1);
    return `The code this ticket touches is where follow-up fixes concentrate: ${multiple}× this repository's ${fix.perDays}-day fix rate.`;
  }
  // The position is the whole match's; it is told as one area's only where the note leads with
  // that area, not when the file that weighs most sits in the second or third likely area.
  // The root area ('.') holds the whole repository: "in the repository root" would add nothing.
  const where =
    hot && hot.area !== '.' && (assessment.areas.length === 0 || assessment.areas[0].path === hot.area)
      ? ` in ${hot.area}`
      : '';
  switch (assessment.level) {
    case 'high':
      return `The code this ticket touches${where} is among this repository's hotspots: above ${position >= 100 ? 'all' : `${position}%`} of ${reference} on size, authors, complexity and recent changes.`;
    case 'medium':
      return `The code this ticket touches${where} is busier than most of this repository: above ${position}% of ${reference} on size, authors, complexity and recent changes.`;
    // Relative to past work, not to files: busy files can sit low where all work is busy.
    case 'low':
      if (position === 0)
        return `The code this ticket touches${where} is as quiet as any of this repository's past work: none of ${reference} sits lower on size, authors, complexity and recent changes.`;
      return `The code this ticket touches${where} ${position < 50 ? "is quieter than most of this repository's past work" : 'sits at the low level for this repository'}: above only ${position}% of ${reference} on size, authors, complexity and recent changes.`;
  }
}

/** Every reason and warning as plain sentences, level reasons first. */
export function describeAssessment(assessment: RiskAssessment): string[] {
  return [
    ...assessment.reasons.map(describeRiskReason),
    ...assessment.dependencyWarnings.map(describeDependencyWarning),
  ];
}
