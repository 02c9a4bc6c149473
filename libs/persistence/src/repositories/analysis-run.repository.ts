import type { DataSource } from 'typeorm';

export type AnalysisRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface AnalysisRunRecord {
  id: string;
  repositoryId: string;
  status: AnalysisRunStatus;
  trigger: string;
  progress: number;
  phase: string | null;
  reason: string | null;
  fromCommit: string | null;
  toCommit: string | null;
  incremental: boolean | null;
  counts: Record<string, number> | null;
  snapshotId: string | null;
  attempts: number;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = `id, repository_id AS "repositoryId", status, trigger, progress, phase, reason,
  from_commit AS "fromCommit", to_commit AS "toCommit", incremental, counts, snapshot_id AS "snapshotId",
  attempts, queued_at AS "queuedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** Analysis runs: the life of one analysis job as users see it. */
export class AnalysisRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Returns the repository's queued run if there is one (triggers coalesce), else a new queued run.
   * `created` tells the caller whether a job must be enqueued.
   */
  async queue(repositoryId: string, trigger: string): Promise<{ run: AnalysisRunRecord; created: boolean }> {
    const inserted: AnalysisRunRecord[] = await this.dataSource.query(
      `INSERT INTO analysis_runs (repository_id, status, trigger) VALUES ($1, 'queued', $2)
       ON CONFLICT (repository_id) WHERE status = 'queued' DO NOTHING
       RETURNING ${COLUMNS}`,
      [repositoryId, trigger],
    );
    if (inserted.length) return { run: inserted[0], created: true };
    const [queued] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM analysis_runs WHERE repository_id = $1 AND status = 'queued'`,
      [repositoryId],
    );
    // The queued run started between the two statements: queue afresh.
    return queued ? { run: queued, created: false } : this.queue(repositoryId, trigger);
  }

  async find(id: string): Promise<AnalysisRunRecord | null> {
    const [run] = await this.dataSource.query(`SELECT ${COLUMNS} FROM analysis_runs WHERE id = $1`, [id]);
    return run ?? null;
  }

  async listForRepository(repositoryId: string, limit: number, offset: number): Promise<AnalysisRunRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM analysis_runs WHERE repository_id = $1 ORDER BY queued_at DESC LIMIT $2 OFFSET $3`,
      [repositoryId, limit, offset],
    );
  }

  /** queued → running (or running again after a crash); counts the attempt. */
  async markRunning(id: string): Promise<AnalysisRunRecord | null> {
    // For UPDATE … RETURNING, TypeORM's query() answers [rows, affected], not the rows.
    const [[run]] = await this.dataSource.query(
      `UPDATE analysis_runs SET status = 'running', started_at = COALESCE(started_at, now()), attempts = attempts + 1,
         reason = NULL
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
      [id],
    );
    return run ?? null;
  }

  async reportProgress(id: string, progress: number, phase: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE analysis_runs SET progress = $2, phase = $3 WHERE id = $1 AND status = 'running'`,
      [id, Math.max(0, Math.min(100, Math.round(progress))), phase],
    );
  }

  async recordCommitRange(
    id: string,
    range: { fromCommit: string | null; toCommit: string; incremental: boolean },
  ) {
    await this.dataSource.query(
      `UPDATE analysis_runs SET from_commit = $2, to_commit = $3, incremental = $4 WHERE id = $1`,
      [id, range.fromCommit, range.toCommit, range.incremental],
    );
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE analysis_runs SET status = 'failed', reason = $2, finished_at = now() WHERE id = $1 AND status <> 'succeeded'`,
      [id, reason],
    );
  }
}
