import type { RepositorySnapshot } from '@sightline/analysis';
import type { MatchResult, RankedResult } from '@sightline/matching';
import type { RiskCalibration } from '../calibration/risk-calibration';
import { percentRank, round } from '../calibration/positions';
import { RISK_FILES, weightedDimension, weightedFiles } from '../calibration/risk-reference';
import { dependencyWarnings } from './dependency-warnings';
import { areaReasons, fileReasons, fixRateReason } from './figure-reasons';
import {
  riskThresholdsSchema,
  type RiskArea,
  type RiskAssessment,
  type RiskLevel,
  type RiskThresholds,
  type RiskThresholdsInput,
} from './risk-assessment';
import type { RiskReason } from './risk-reason';
import { similarPastTickets } from './similar-tickets';

export interface RiskInput {
  match: MatchResult;
  snapshot: RepositorySnapshot;
  /** `calibrateRisk(snapshot)`, computed once per snapshot. */
  calibration: RiskCalibration;
  /** Overrides from the project mapping. */
  thresholds?: RiskThresholdsInput;
  /** The ticket's own key: its commits, once work has begun, are not "similar past tickets". */
  ticketKey?: string;
}

const MAX_AREAS = 3;
// Areas scoring below this share of the best area are not among the ticket's likely areas.
const AREA_SHARE = 0.3;
// A reference smaller than this weakens the evidence in proportion: few points make a poor scale.
const MIN_REFERENCE = 30;
/**
 * Past work like the ticket that changed no source file is named when it holds at least this share
 * of the similarity: on ten repositories' histories, 63% of the tickets that changed no source file
 * and 8% of the others reached it (docs/matching.md).
 */
const OTHER_WORK_SHARE = 0.5;

function levelOf(score: number, t: RiskThresholds): RiskLevel {
  return score >= t.high ? 'high' : score >= t.medium ? 'medium' : 'low';
}

/** The `other-work` reason, when such work holds enough of the similarity. */
function otherWorkReason(match: MatchResult): RiskReason[] {
  const otherWork = match.otherWork;
  if (!otherWork || otherWork.share < OTHER_WORK_SHARE) return [];
  return [
    {
      kind: 'other-work',
      share: otherWork.share,
      examples: otherWork.tickets.map((t) => ({ title: t.title, files: t.files })),
    },
  ];
}

function emptyAssessment(
  calibration: RiskCalibration,
  thresholds: RiskThresholds,
  reasons: RiskReason[],
  matchConfidence: number,
): RiskAssessment {
  return {
    level: 'low',
    score: 0,
    confidence: 0,
    lowConfidence: true,
    noMatch: reasons[0].kind === 'no-match',
    reasons,
    areas: [],
    dependencyWarnings: [],
    similarTickets: [],
    evidence: {
      matchConfidence,
      knownShare: 0,
      referenceSize: calibration.reference.values.length,
      basis: calibration.reference.basis,
      strength: 0,
      hotspotDimension: null,
    },
    thresholds,
  };
}

function riskAreas(
  match: MatchResult,
  calibration: RiskCalibration,
  selected: readonly RankedResult[],
): RiskArea[] {
  return selected.flatMap((area) => {
    const figures = calibration.index.areas.get(area.path);
    if (!figures) return [];
    const matchedFiles = match.files
      .filter((f) => calibration.index.files.get(f.path)?.area === area.path)
      .map((f) => {
        const risk = calibration.files.get(f.path);
        return { path: f.path, matchScore: f.score, hotspotDimension: risk ? risk.dimension : null, risk };
      });
    const weighted = matchedFiles.flatMap((f) =>
      f.risk ? [{ path: f.path, weight: f.matchScore, figures: f.risk }] : [],
    );
    const dimension = weightedDimension(weighted);
    return [
      {
        path: area.path,
        matchScore: area.score,
        hotspotDimension: dimension === null ? null : round(dimension),
        files: figures.files,
        loc: figures.loc,
        revisions: figures.revisions,
        recentRevisions: figures.recentRevisions,
        windowDays: calibration.windowDays,
        authors: figures.authors,
        bugFixRevisions: figures.bugFixRevisions,
        maxComplexity: figures.complexity.max,
        maxHotspotPercentile: figures.maxHotspotPercentile,
        fanIn: figures.fanIn,
        knowledgeIslands: figures.knowledgeIslands,
        matchedFiles: matchedFiles.map(({ path, matchScore, hotspotDimension }) => ({
          path,
          matchScore,
          hotspotDimension,
        })),
      },
    ];
  });
}

/**
 * The risk of the code a ticket will likely touch. The level is an area-risk claim: where the
 * matched code sits on the hotspot dimension (size, authors, complexity, recent changes), weighted
 * by match score and placed in the repository's own distribution. Coupling, fan-in, fix share and
 * ownership are reasons and warnings, never level drivers (docs/risk.md).
 */
export function assessRisk(input: RiskInput): RiskAssessment {
  const { match, snapshot, calibration } = input;
  const thresholds = riskThresholdsSchema.parse(input.thresholds ?? {});
  if (calibration.head !== snapshot.repository.head) {
    throw new Error(
      `the risk calibration is for ${calibration.head}, not for the snapshot at ${snapshot.repository.head}`,
    );
  }
  if (match.noMatch) {
    return emptyAssessment(
      calibration,
      thresholds,
      [{ kind: 'no-match', why: match.noMatchReason ?? 'no-signal' }, ...otherWorkReason(match)],
      0,
    );
  }
  const top = match.files.slice(0, RISK_FILES);
  const known = weightedFiles(top, calibration.files);
  const dimension = weightedDimension(known);
  if (dimension === null) {
    return emptyAssessment(
      calibration,
      thresholds,
      [{ kind: 'no-figures', files: top.map((f) => f.path) }],
      match.confidence,
    );
  }
  const totalWeight = top.reduce((a, f) => a + f.score, 0);
  const knownShare = totalWeight > 0 ? known.reduce((a, f) => a + f.weight, 0) / totalWeight : 0;
  const referenceSize = calibration.reference.values.length;
  const strength = knownShare * Math.min(1, referenceSize / MIN_REFERENCE);
  const confidence = round(match.confidence * strength);
  const score = round(percentRank(calibration.reference.values, calibration.reference.cumulative, dimension));

  const fixRate = fixRateReason(known, calibration);
  let level = levelOf(score, thresholds);
  // Code that ranks low on the hotspot dimension can still be where fixes concentrate. A low level
  // would contradict the note's own fix-rate sentence, and such tickets were followed by a fix as
  // often as high ones (37% against 25% for the other low tickets, 29 repositories; docs/risk.md).
  if (level === 'low' && fixRate?.supported) level = 'medium';
  const lowConfidence = confidence < thresholds.minConfidence;
  const reasons: RiskReason[] = [];
  if (level === 'high' && lowConfidence) {
    level = 'medium';
    reasons.push({
      kind: 'low-confidence',
      confidence,
      minConfidence: thresholds.minConfidence,
      heldAt: 'medium',
    });
  }

  const bestArea = match.areas[0]?.score ?? 0;
  const selected = match.areas.filter((a) => a.score >= bestArea * AREA_SHARE).slice(0, MAX_AREAS);
  const areas = riskAreas(match, calibration, selected);
  // The areas the note points at: its likely areas and those of files matched as strongly. A
  // weakly matched file's area is neither, so it may still be an "also plan for" warning.
  const bestFile = known.reduce((a, f) => Math.max(a, f.weight), 0);
  // Files matched as strongly as a likely area: the ones the ticket will most likely touch, so the
  // ones whose complexity, importers and owners the note may speak of.
  const likely = known.filter((f) => f.weight >= bestFile * AREA_SHARE);
  const mentioned = new Set<string>([...selected.map((a) => a.path), ...likely.map((f) => f.figures.area)]);

  // The file that contributes most to the level (match weight × dimension) is the one the reason names.
  const leading = known.reduce((a, b) =>
    b.weight * b.figures.dimension > a.weight * a.figures.dimension ? b : a,
  );
  const leadingFigures = calibration.index.files.get(leading.path);
  if (leadingFigures) {
    reasons.push({
      kind: 'hotspot',
      area: leading.figures.area,
      percentile: round(score * 100, 1),
      basis: calibration.reference.basis,
      file: leading.path,
      filePercentile: leadingFigures.hotspotPercentile,
      loc: leadingFigures.loc,
      authors: leadingFigures.authors,
      recentRevisions: leadingFigures.recentRevisions,
      windowDays: calibration.windowDays,
    });
  }
  if (fixRate) reasons.push(fixRate);
  reasons.push(
    ...otherWorkReason(match),
    ...fileReasons(likely, calibration),
    ...areaReasons(areas, calibration),
  );

  return {
    level,
    score,
    confidence,
    lowConfidence,
    noMatch: false,
    reasons,
    areas,
    dependencyWarnings: dependencyWarnings(
      calibration,
      selected.map((a) => a.path),
      known.map((f) => f.path),
      mentioned,
    ),
    similarTickets: similarPastTickets(match, snapshot, calibration, input.ticketKey),
    evidence: {
      matchConfidence: match.confidence,
      knownShare: round(knownShare),
      referenceSize,
      basis: calibration.reference.basis,
      strength: round(strength),
      hotspotDimension: round(dimension, 4),
    },
    thresholds,
  };
}
