import type { RepositorySnapshot } from '@sightline/analysis';
import type { EvalQuery, HistoryCommit, MatchIndex, MatchResult } from '@sightline/matching';
import {
  assessRisk,
  calibrateRisk,
  evaluateRisk,
  type RiskEvalTicket,
  type RiskEvaluation,
} from '@sightline/risk';

const BASELINE_FILES = 5;

/**
 * `sightline eval --risk`: the risk each query would have been given at the cut, against what
 * happened after it (a fix of another ticket on one of its files within 30 days), next to a plain
 * hotspot baseline of the same matched files (docs/risk.md).
 */
export class RiskEvaluationCollector {
  private readonly calibration;
  private readonly figures: Map<string, RepositorySnapshot['files'][number]>;
  private readonly commits: Map<string, HistoryCommit>;
  private readonly tickets: RiskEvalTicket[] = [];

  constructor(
    private readonly snapshot: RepositorySnapshot,
    index: MatchIndex,
    private readonly history: readonly HistoryCommit[],
  ) {
    this.calibration = calibrateRisk(snapshot, { index });
    this.figures = new Map(snapshot.files.map((file) => [file.path, file]));
    this.commits = new Map(history.map((commit) => [commit.hash, commit]));
  }

  add(query: EvalQuery, match: MatchResult): void {
    const assessment = assessRisk({ match, snapshot: this.snapshot, calibration: this.calibration });
    const commit = this.commits.get(query.id);
    this.tickets.push({
      id: query.id,
      time: query.time,
      commits: [query.id],
      keys: commit?.tickets ?? [],
      files: query.gold,
      score: assessment.score,
      level: assessment.level,
      baseline: this.hotspotBaseline(match),
      linesChanged: commit?.linesChanged,
    });
  }

  evaluate(): RiskEvaluation {
    return evaluateRisk(this.tickets, this.history);
  }

  /** Match-weighted hotspot percentile of the top files: what a plain hotspot flag would say. */
  private hotspotBaseline(match: MatchResult): number {
    const top = match.files.slice(0, BASELINE_FILES);
    const weight = top.reduce((sum, file) => sum + file.score, 0);
    if (weight <= 0) return 0;
    return (
      top.reduce((sum, file) => sum + file.score * (this.figures.get(file.path)?.hotspotPercentile ?? 0), 0) /
      weight
    );
  }
}
