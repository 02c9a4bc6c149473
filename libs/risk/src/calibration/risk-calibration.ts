import {
  analysisOptionsSchema,
  fixRate,
  type AreaFigures,
  type FileFigures,
  type FixConcentrationCheck,
  type RepositorySnapshot,
} from '@sightline/analysis';
import type { MatchIndex } from '@sightline/matching';
import { positionsWithin, round } from './positions';
import { buildReference, type RiskReference } from './risk-reference';

/**
 * Everything the assessment needs from one snapshot, computed once per snapshot: where each code
 * file sits in the repository on the hotspot dimension, the repository's fix rate, and the
 * reference distribution that makes "high" mean the same in every codebase.
 */

/** Position of a file among the repository's code files on one figure: share strictly below, in [0, 1]. */
export interface HotspotPositions {
  loc: number;
  authors: number;
  complexity: number;
  recentRevisions: number;
}

export interface FileRiskFigures {
  path: string;
  area: string;
  /**
   * The hotspot dimension in [0, 1]: the mean of the file's positions in code lines, distinct
   * authors, total cyclomatic complexity and recent revisions. These four carry area risk and are
   * largely one dimension (docs/risk.md); the mean of ranks keeps any one outlier figure from
   * dominating and needs no scale per language.
   */
  dimension: number;
  positions: HotspotPositions;
  fanInPosition: number;
  /** Fix commits per 30 days over the fix window (`RiskCalibration.fixWindowDays`). */
  fixRate: number;
  /** The fix commits that rate counts. */
  fixes: number;
}

export interface RiskCalibration {
  /** The snapshot's head commit: a calibration is only valid for the snapshot it came from. */
  head: string;
  /** The analysis's recent window for revisions (its `hotspotDays`). */
  windowDays: number;
  codeFiles: number;
  files: ReadonlyMap<string, FileRiskFigures>;
  reference: RiskReference;
  /** Mean over code files of fix commits per file per 30 days. */
  repositoryFixRate: number;
  /**
   * The days fix rates count fixes over: the recent window (a burst of fixes years ago is not
   * where fixes concentrate now), or null for the file's whole history in a snapshot made before
   * its recent fixes were counted.
   */
  fixWindowDays: number | null;
  /**
   * Whether "follow-up fixes concentrate here" held on this repository's own history (the
   * analysis's backtest); null for a snapshot made before it was checked.
   */
  fixClaimCheck: FixConcentrationCheck | null;
  /** Area positions in fan-in among the repository's areas, share strictly below. */
  areaFanInPositions: ReadonlyMap<string, number>;
  /** Lookups into the snapshot, built once so a batch of assessments does not rebuild them. */
  index: SnapshotIndex;
}

export interface CoupledItem {
  other: string;
  degree: number;
  shared: number;
}

export interface SnapshotIndex {
  files: ReadonlyMap<string, FileFigures>;
  areas: ReadonlyMap<string, AreaFigures>;
  authorNames: ReadonlyMap<string, string>;
  /** Authors no longer active in the repository, with the day of their last commit. */
  inactiveAuthors: ReadonlyMap<string, string>;
  areaCoupling: ReadonlyMap<string, readonly CoupledItem[]>;
  fileCoupling: ReadonlyMap<string, readonly CoupledItem[]>;
  /** Snapshot ticket indices per file, for "similar past tickets touched the same files". */
  ticketsByFile: ReadonlyMap<string, readonly number[]>;
  ticketByKey: ReadonlyMap<string, number>;
}

export interface CalibrationOptions {
  /** The `hotspotDays` the snapshot was analysed with (default: the analysis default). */
  windowDays?: number;
  /**
   * The match index built from the same snapshot: with it, the reference is the repository's past
   * changes as the matcher matches them (the recommended scale, see RiskReference).
   */
  index?: MatchIndex;
}

const DAY_SECONDS = 86_400;

function isCodeFile(file: FileFigures): boolean {
  return file.hotspotPercentile !== null && file.loc > 0;
}

/** A file's fix commits and their rate per 30 days over the window (null: its whole history). */
function fixFigures(
  file: FileFigures,
  headTime: number,
  windowDays: number | null,
): { fixes: number; rate: number } {
  const fixes = windowDays === null ? file.bugFixRevisions : (file.recentBugFixRevisions ?? 0);
  if (fixes === 0 || !file.firstSeen) return { fixes, rate: 0 };
  const age = (headTime - Date.parse(file.firstSeen) / 1000) / DAY_SECONDS;
  // No window: the rate over the file's whole history.
  return { fixes, rate: fixRate(fixes, age, windowDays ?? Infinity) };
}

export function calibrateRisk(
  snapshot: RepositorySnapshot,
  options: CalibrationOptions = {},
): RiskCalibration {
  const windowDays = options.windowDays ?? analysisOptionsSchema.parse({}).hotspotDays;
  const headTime = Date.parse(snapshot.repository.headTime) / 1000;
  const code = snapshot.files.filter(isCodeFile);
  const fixWindowDays = code.every((f) => f.recentBugFixRevisions !== undefined) ? windowDays : null;
  const loc = positionsWithin(code.map((f) => f.loc));
  const authors = positionsWithin(code.map((f) => f.authors));
  const complexity = positionsWithin(code.map((f) => f.complexity.total));
  const recent = positionsWithin(code.map((f) => f.recentRevisions));
  const fanIn = positionsWithin(code.map((f) => f.fanIn));
  const files = new Map<string, FileRiskFigures>();
  let rateSum = 0;
  code.forEach((f, i) => {
    const positions = {
      loc: loc[i],
      authors: authors[i],
      complexity: complexity[i],
      recentRevisions: recent[i],
    };
    const { fixes, rate } = fixFigures(f, headTime, fixWindowDays);
    rateSum += rate;
    files.set(f.path, {
      path: f.path,
      area: f.area,
      dimension: round(
        (positions.loc + positions.authors + positions.complexity + positions.recentRevisions) / 4,
        4,
      ),
      positions,
      fanInPosition: fanIn[i],
      fixRate: rate,
      fixes,
    });
  });
  const areaFanIn = positionsWithin(snapshot.areas.map((a) => a.fanIn));
  const index = indexSnapshot(snapshot);
  return {
    head: snapshot.repository.head,
    windowDays,
    codeFiles: code.length,
    files,
    reference: buildReference(snapshot, files, index.files, options.index),
    repositoryFixRate: code.length > 0 ? rateSum / code.length : 0,
    fixWindowDays,
    fixClaimCheck: snapshot.fixConcentration ?? null,
    areaFanInPositions: new Map(snapshot.areas.map((a, i) => [a.path, areaFanIn[i]])),
    index,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexSnapshot(snapshot: RepositorySnapshot): SnapshotIndex {
  const areaCoupling = new Map<string, CoupledItem[]>();
  for (const p of snapshot.areaCoupling) {
    push(areaCoupling, p.a, { other: p.b, degree: p.degree, shared: p.shared });
    push(areaCoupling, p.b, { other: p.a, degree: p.degree, shared: p.shared });
  }
  const fileCoupling = new Map<string, CoupledItem[]>();
  for (const p of snapshot.coupling) {
    push(fileCoupling, p.a, { other: p.b, degree: p.degree, shared: p.shared });
    push(fileCoupling, p.b, { other: p.a, degree: p.degree, shared: p.shared });
  }
  const ticketsByFile = new Map<string, number[]>();
  snapshot.tickets.forEach((ticket, t) => {
    for (const path of ticket.files) push(ticketsByFile, path, t);
  });
  return {
    files: new Map(snapshot.files.map((f) => [f.path, f])),
    areas: new Map(snapshot.areas.map((a) => [a.path, a])),
    authorNames: new Map(snapshot.authors.map((a) => [a.id, a.name])),
    inactiveAuthors: new Map(
      snapshot.authors.filter((a) => !a.active).map((a) => [a.id, a.lastCommit.slice(0, 10)]),
    ),
    areaCoupling,
    fileCoupling,
    ticketsByFile,
    ticketByKey: new Map(snapshot.tickets.map((t, i) => [t.key, i])),
  };
}
