import { analyseRepository, type AnalysisCache, type RepositorySnapshot } from '@sightline/analysis';
import type { EvalQuery, HistoryCommit, MatchIndex, MatchResult } from '@sightline/matching';
import {
  assessRisk,
  calibrateRisk,
  evaluateRisk,
  type RiskCalibration,
  type RiskEvalTicket,
  type RiskEvaluation,
} from '@sightline/risk';
import { asCliError } from '../../cli-error';
import { withCutPaths } from './cut-path-snapshot';

const BASELINE_FILES = 5;
/**
 * A ticket is assessed on a snapshot at most this many days older than it. The service refreshes
 * its snapshot on a schedule; judging a ticket years after the cut on the cut's figures measures
 * how stale figures predict, not how the assessment a user would get predicts.
 */
export const RISK_REFRESH_DAYS = 90;
const DAY_SECONDS = 86_400;

export interface RiskEvalReport extends Omit<RiskEvaluation, 'laterFixes'> {
  /** Snapshots the tickets were assessed on: the cut, then one per refresh. */
  snapshots: number;
  /**
   * Of them, those on whose history the fix claim held (the analysis's backtest), so that notes
   * could make it; elsewhere the claim was said of no ticket.
   */
  fixClaimHeldOn: number;
  refreshDays: number;
}

/** One ticket's assessment and what followed it, as `--per-query` lists it. */
export interface TicketRisk {
  level: RiskEvalTicket['level'];
  score: number;
  baseline: number;
  /** Whether its note said follow-up fixes concentrate in its code. */
  fixClaim: boolean;
  /** A fix of another ticket on its files within 30 days; null when too recent to judge. */
  laterFix: boolean | null;
}

interface Assessor {
  snapshot: RepositorySnapshot;
  calibration: RiskCalibration;
  figures: Map<string, RepositorySnapshot['files'][number]>;
  /** Time of the ticket the snapshot was taken for (the cut's time for the cut), Unix seconds. */
  freshAt: number;
}

/**
 * `sightline eval --risk`: the risk each query would have been given when it was written, against
 * what happened after it (a fix of another ticket on one of its files within 30 days), next to a
 * plain hotspot baseline of the same matched files (docs/risk.md). Matching stays at the cut (the
 * index the matching figures measure); the figures the level is read from come from a snapshot
 * taken strictly before the ticket, refreshed every RISK_REFRESH_DAYS, as the service would hold.
 */
export class RiskEvaluationCollector {
  private readonly commits: Map<string, HistoryCommit>;
  private readonly queries: { query: EvalQuery; match: MatchResult }[] = [];
  private readonly atCut: Set<string>;
  /**
   * The parsed files of the latest snapshot (the cut's at first). The next snapshot, one refresh
   * later, holds most of the same file versions; offered with the head's, they are not parsed again
   * (jbeder/yaml-cpp: 2 of every 2.5 s of a snapshot went to parsing).
   */
  private latestBlobs: AnalysisCache['blobs'];

  constructor(
    private readonly path: string,
    private readonly cut: RepositorySnapshot,
    private readonly index: MatchIndex,
    private readonly history: readonly HistoryCommit[],
    /** The commits after the cut, oldest first: they name the moves a later snapshot has made. */
    private readonly afterCut: readonly HistoryCommit[],
    private readonly cache: AnalysisCache,
    cutCache: AnalysisCache,
    private readonly refreshDays = RISK_REFRESH_DAYS,
  ) {
    this.latestBlobs = cutCache.blobs;
    this.commits = new Map(history.map((commit) => [commit.hash, commit]));
    this.atCut = new Set(cut.files.map((file) => file.path));
  }

  add(query: EvalQuery, match: MatchResult): void {
    this.queries.push({ query, match });
  }

  async evaluate(): Promise<{ report: RiskEvalReport; byTicket: Map<string, TicketRisk> }> {
    let assessor = this.assessor(this.cut, Date.parse(this.cut.repository.headTime) / 1000);
    let snapshots = 1;
    const claimHeld = (snapshot: RepositorySnapshot) =>
      snapshot.fixConcentration?.supported === false ? 0 : 1;
    let fixClaimHeldOn = claimHeld(this.cut);
    const tickets: RiskEvalTicket[] = [];
    const ordered = [...this.queries].sort((a, b) => a.query.time - b.query.time);
    for (const { query, match } of ordered) {
      if (query.time - assessor.freshAt > this.refreshDays * DAY_SECONDS) {
        assessor = this.assessor(await this.snapshotBefore(query.id), query.time);
        snapshots++;
        fixClaimHeldOn += claimHeld(assessor.snapshot);
      }
      const assessment = assessRisk({
        match,
        snapshot: assessor.snapshot,
        calibration: assessor.calibration,
      });
      const commit = this.commits.get(query.id);
      tickets.push({
        id: query.id,
        time: query.time,
        commits: [query.id],
        keys: commit?.tickets ?? [],
        // The outcome is a later fix on these files, which later commits name by today's paths.
        files: query.changed,
        score: assessment.score,
        level: assessment.level,
        baseline: hotspotBaseline(match, assessor.figures),
        linesChanged: commit?.linesChanged,
        fixClaim: assessment.reasons.some((r) => r.kind === 'fix-rate' && r.supported),
      });
    }
    const { laterFixes, ...evaluation } = evaluateRisk(tickets, this.history);
    const judged = new Map(laterFixes.map((t) => [t.id, t.laterFix]));
    const byTicket = new Map(
      tickets.map((t) => [
        t.id,
        {
          level: t.level,
          score: t.score,
          baseline: t.baseline,
          fixClaim: t.fixClaim === true,
          laterFix: judged.get(t.id) ?? null,
        },
      ]),
    );
    return {
      report: { ...evaluation, snapshots, fixClaimHeldOn, refreshDays: this.refreshDays },
      byTicket,
    };
  }

  private assessor(snapshot: RepositorySnapshot, freshAt: number): Assessor {
    return {
      snapshot,
      calibration: calibrateRisk(snapshot, { index: this.index }),
      figures: new Map(snapshot.files.map((file) => [file.path, file])),
      freshAt,
    };
  }

  /**
   * The repository as it was just before the ticket's commit (its first parent), its files named
   * as the cut's index names them.
   */
  private async snapshotBefore(hash: string): Promise<RepositorySnapshot> {
    let snapshot: RepositorySnapshot;
    try {
      const previous = { ...this.cache, blobs: new Map([...this.cache.blobs, ...this.latestBlobs]) };
      const result = await analyseRepository(this.path, { rev: `${hash}^` }, undefined, {
        previous,
        trustUncounted: true,
      });
      this.latestBlobs = result.cache.blobs;
      snapshot = result.snapshot;
    } catch (error) {
      throw asCliError(error);
    }
    const position = this.afterCut.findIndex((commit) => commit.hash === hash);
    const since = position === -1 ? this.afterCut : this.afterCut.slice(0, position);
    return withCutPaths(snapshot, since, (path) => this.atCut.has(path));
  }
}

/** Match-weighted hotspot percentile of the top files: what a plain hotspot flag would say. */
function hotspotBaseline(
  match: MatchResult,
  figures: ReadonlyMap<string, RepositorySnapshot['files'][number]>,
): number {
  const top = match.files.slice(0, BASELINE_FILES);
  const weight = top.reduce((sum, file) => sum + file.score, 0);
  if (weight <= 0) return 0;
  return (
    top.reduce((sum, file) => sum + file.score * (figures.get(file.path)?.hotspotPercentile ?? 0), 0) / weight
  );
}
