import type { MatchResult } from '@sightline/matching';
import type { RiskAssessment, RiskLevel } from '@sightline/risk';

/** One mapped repository's answer for a ticket: its latest snapshot, the match and the risk. */
export interface RepositoryAssessment {
  repositoryId: string;
  repositoryName: string;
  snapshotId: string;
  head: string;
  match: MatchResult;
  assessment: RiskAssessment;
}

/** The ticket's answer over every mapped repository. */
export interface CombinedAssessment {
  level: RiskLevel;
  confidence: number;
  lowConfidence: boolean;
  noMatch: boolean;
  /** The repository whose assessment decided the level. */
  primary: RepositoryAssessment;
  /** Repositories whose areas the note shows, primary first. */
  contributing: RepositoryAssessment[];
  /** Shown before area paths when more than one repository is mapped (`repo:path`). */
  labelled: boolean;
}

const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
// A repository whose best area scores below this share of the best area anywhere is noise.
const CONTRIBUTING_SHARE = 0.3;

function bestAreaScore(repository: RepositoryAssessment): number {
  return repository.match.areas[0]?.score ?? 0;
}

/** Higher level first, then higher confidence, then the stronger match. */
function outranks(a: RepositoryAssessment, b: RepositoryAssessment): boolean {
  const level = LEVEL_RANK[a.assessment.level] - LEVEL_RANK[b.assessment.level];
  if (level !== 0) return level > 0;
  if (a.assessment.confidence !== b.assessment.confidence)
    return a.assessment.confidence > b.assessment.confidence;
  return bestAreaScore(a) > bestAreaScore(b);
}

/**
 * Folds per-repository assessments into one verdict. The level comes from a repository whose
 * match is confident (the riskiest of those), so a guess in one repository cannot outvote a
 * confident answer in another; with no confident match, the most confident guess speaks and the
 * note says it is a guess.
 */
export function combineAssessments(repositories: readonly RepositoryAssessment[]): CombinedAssessment {
  if (repositories.length === 0) throw new Error('combineAssessments needs at least one repository');
  const matched = repositories.filter((r) => !r.assessment.noMatch);
  const confident = matched.filter((r) => !r.assessment.lowConfidence);
  const pool = confident.length > 0 ? confident : matched;
  // With no code matched anywhere, a repository whose past work says what the ticket is speaks.
  let primary =
    pool[0] ??
    repositories.find((r) => r.assessment.reasons.some((reason) => reason.kind === 'other-work')) ??
    repositories[0];
  if (confident.length > 0) {
    for (const candidate of pool) if (outranks(candidate, primary)) primary = candidate;
  } else {
    for (const candidate of pool) {
      if (candidate.assessment.confidence > primary.assessment.confidence) primary = candidate;
    }
  }
  const best = Math.max(0, ...matched.map(bestAreaScore));
  const others = matched.filter(
    (r) => r !== primary && bestAreaScore(r) >= best * CONTRIBUTING_SHARE && best > 0,
  );
  return {
    level: primary.assessment.level,
    confidence: primary.assessment.confidence,
    lowConfidence: primary.assessment.lowConfidence,
    noMatch: matched.length === 0,
    primary,
    contributing: [primary, ...others],
    labelled: repositories.length > 1,
  };
}
