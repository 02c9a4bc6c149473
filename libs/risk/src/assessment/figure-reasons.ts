import { FIX_CLAIM_MIN_FIXES, FIX_CLAIM_MIN_MULTIPLE, FIX_RATE_DAYS } from '@sightline/analysis';
import type { RiskCalibration } from '../calibration/risk-calibration';
import { weightedFixRate, type WeightedFile } from '../calibration/risk-reference';
import { round } from '../calibration/positions';
import type { RiskArea } from './risk-assessment';
import type { RiskReason } from './risk-reason';

const COMPLEXITY_POSITION = 0.9;
const FAN_IN_POSITION = 0.9;
const MIN_FAN_IN = 3;
const BUG_FIX_SHARE = 0.3;
const MIN_AREA_REVISIONS = 5;
const MAX_ISLANDS = 2;
/** The analysis's knowledge-island share (docs/analysis.md): one person wrote this much of the file. */
const KNOWLEDGE_SHARE = 0.95;

/**
 * Fix commits on the matched files per 30 days against the repository's mean file and against
 * the files its typical past change touched. Fixes "concentrate" only above both: the busy files
 * most changes touch are above the mean file almost always (97% of tickets on seven repositories),
 * so beating the mean alone would say it of nearly every ticket, low-risk ones included. And only
 * where the analysis found that such code was followed by more fixes on this repository's history.
 */
export function fixRateReason(
  known: readonly WeightedFile[],
  calibration: RiskCalibration,
): Extract<RiskReason, { kind: 'fix-rate' }> | undefined {
  if (calibration.repositoryFixRate <= 0) return undefined;
  const rate = weightedFixRate(known) ?? 0;
  const fixes = known.reduce((a, f) => a + f.figures.fixes, 0);
  const typical = calibration.reference.typicalFixRate;
  const yardstick = Math.max(calibration.repositoryFixRate, typical);
  const concentrated = fixes >= FIX_CLAIM_MIN_FIXES && rate >= FIX_CLAIM_MIN_MULTIPLE * yardstick;
  // A snapshot made before the backtest (null) says it on the figures alone, as it did then.
  const heldOnHistory = calibration.fixClaimCheck?.supported ?? null;
  const supported = concentrated && heldOnHistory !== false;
  return {
    kind: 'fix-rate',
    multiple: round(rate / calibration.repositoryFixRate, 2),
    rate: round(rate, 4),
    repositoryRate: round(calibration.repositoryFixRate, 4),
    typicalRate: round(typical, 4),
    perDays: FIX_RATE_DAYS,
    fixes,
    windowDays: calibration.fixWindowDays,
    files: known.length,
    supported,
    ...(concentrated ? { heldOnHistory } : {}),
  };
}

/** Complexity, blast radius and knowledge islands among the matched files. */
export function fileReasons(known: readonly WeightedFile[], calibration: RiskCalibration): RiskReason[] {
  const reasons: RiskReason[] = [];
  const complex = known
    .filter((f) => f.figures.positions.complexity >= COMPLEXITY_POSITION)
    .sort((a, b) => b.figures.positions.complexity - a.figures.positions.complexity)[0];
  const complexFigures = complex && calibration.index.files.get(complex.path);
  if (complex && complexFigures) {
    reasons.push({
      kind: 'complexity',
      area: complex.figures.area,
      file: complex.path,
      percentile: round(complex.figures.positions.complexity * 100, 1),
      maxComplexity: complexFigures.complexity.max,
      totalComplexity: complexFigures.complexity.total,
    });
  }
  const imported = known
    .map((f) => ({ f, figures: calibration.index.files.get(f.path) }))
    .filter(
      ({ f, figures }) =>
        figures && figures.fanIn >= MIN_FAN_IN && f.figures.fanInPosition >= FAN_IN_POSITION,
    )
    .sort((a, b) => (b.figures?.fanIn ?? 0) - (a.figures?.fanIn ?? 0))[0];
  if (imported?.figures) {
    reasons.push({
      kind: 'fan-in',
      target: imported.f.path,
      targetKind: 'file',
      fanIn: imported.figures.fanIn,
      percentile: round(imported.f.figures.fanInPosition * 100, 1),
    });
  }
  // One reason per person: in a repository one person wrote, every file is their island, and
  // the note should say whom to ask once, leaving the other place to someone else's knowledge.
  const named = new Set<string>();
  for (const f of known) {
    if (named.size >= MAX_ISLANDS) break;
    const figures = calibration.index.files.get(f.path);
    const author = figures?.mainAuthor ?? null;
    if (!figures || !author || named.has(author)) continue;
    const name = calibration.index.authorNames.get(author) ?? null;
    const lastCommit = calibration.index.inactiveAuthors.get(author);
    if (figures.knowledgeIsland) {
      named.add(author);
      reasons.push({
        kind: 'knowledge-island',
        area: f.figures.area,
        file: f.path,
        ownership: figures.ownership,
        contact: name,
      });
    } else if (lastCommit !== undefined && figures.ownership >= KNOWLEDGE_SHARE) {
      named.add(author);
      reasons.push({
        kind: 'knowledge-loss',
        area: f.figures.area,
        file: f.path,
        ownership: figures.ownership,
        expert: name,
        lastCommit,
      });
    }
  }
  return reasons;
}

/** Bug-fix share and blast radius of the likely areas. */
export function areaReasons(areas: readonly RiskArea[], calibration: RiskCalibration): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const area of areas) {
    if (area.revisions >= MIN_AREA_REVISIONS && area.bugFixRevisions / area.revisions >= BUG_FIX_SHARE) {
      reasons.push({
        kind: 'bug-fix-share',
        area: area.path,
        bugFixRevisions: area.bugFixRevisions,
        revisions: area.revisions,
        share: round(area.bugFixRevisions / area.revisions),
      });
    }
  }
  const imported = areas
    .filter(
      (a) => a.fanIn >= MIN_FAN_IN && (calibration.areaFanInPositions.get(a.path) ?? 0) >= FAN_IN_POSITION,
    )
    .sort((a, b) => b.fanIn - a.fanIn)[0];
  if (imported) {
    reasons.push({
      kind: 'fan-in',
      target: imported.path,
      targetKind: 'area',
      fanIn: imported.fanIn,
      percentile: round((calibration.areaFanInPositions.get(imported.path) ?? 0) * 100, 1),
    });
  }
  return reasons;
}
