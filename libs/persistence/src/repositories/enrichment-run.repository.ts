import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { TrackerKind } from '../entities/tracker-connection.entity';
import type { ListPage } from './constraint-violation';

/** What started an enrichment run (`relink`: the connection's report links were renewed). */
export const ENRICHMENT_TRIGGERS = [
  'webhook',
  'api',
  'force',
  'feedback',
  'sweep',
  'recheck',
  'relink',
] as const;
export type EnrichmentTrigger = (typeof ENRICHMENT_TRIGGERS)[number];

/**
 * `queued` → `running` → `writing` (report stored, write-back queued) → `written`; or a final
 * state that says why nothing was written: `unchanged` (same note as written), `dry-run`,
 * `silent` (low confidence and the installation asked for silence), `skipped` (no mapping, no
 * snapshot, ticket gone), `superseded` (a newer edit was already reported), `blocked`
 * (connection unhealthy), `failed`.
 */
export const ENRICHMENT_STATUSES = [
  'queued',
  'running',
  'writing',
  'written',
  'unchanged',
  'dry-run',
  'silent',
  'skipped',
  'superseded',
  'blocked',
  'failed',
] as const;
export type EnrichmentStatus = (typeof ENRICHMENT_STATUSES)[number];
export type FinalEnrichmentStatus = Exclude<EnrichmentStatus, 'queued' | 'running' | 'writing'>;

export interface EnrichmentRunRecord {
  id: string;
  connectionId: string;
  tracker: TrackerKind;
  ticketKey: string;
  trigger: EnrichmentTrigger;
  deliveryId: string | null;
  status: EnrichmentStatus;
  outcome: string | null;
  riskLevel: string | null;
  contentHash: string | null;
  attempts: number;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewEnrichmentRun {
  /** Chosen by the caller when the id must be known before the row exists (the job id). */
  id?: string;
  connectionId: string;
  tracker: TrackerKind;
  ticketKey: string;
  trigger: EnrichmentTrigger;
  deliveryId?: string | null;
}

export interface EnrichmentRunFilter {
  connectionId?: string;
  tracker?: TrackerKind;
  ticketKey?: string;
  status?: EnrichmentStatus;
  limit: number;
  offset: number;
}

export const RUN_COLUMNS = `id, connection_id AS "connectionId", tracker, ticket_key AS "ticketKey", trigger,
  delivery_id AS "deliveryId", status, outcome, risk_level AS "riskLevel", content_hash AS "contentHash", attempts,
  queued_at AS "queuedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** Inserts a queued run; shared with the delivery ledger, which inserts it in its own transaction. */
export async function insertRun(
  db: DataSource | EntityManager,
  run: NewEnrichmentRun & { id: string },
): Promise<EnrichmentRunRecord> {
  const [row] = await db.query(
    `INSERT INTO enrichment_runs (id, connection_id, tracker, ticket_key, trigger, delivery_id, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'queued') RETURNING ${RUN_COLUMNS}`,
    [run.id, run.connectionId, run.tracker, run.ticketKey, run.trigger, run.deliveryId ?? null],
  );
  return row;
}

/** Enrichment runs: what happened to each ticket event, as the read API lists it. */
export class EnrichmentRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(run: NewEnrichmentRun): Promise<EnrichmentRunRecord> {
    return insertRun(this.dataSource, { ...run, id: run.id ?? randomUUID() });
  }

  /**
   * Queued runs for many tickets in one statement (a sweep's page); a run whose id already exists
   * is left as it is, so a page re-read after a crash creates nothing twice.
   */
  async createQueued(runs: readonly (NewEnrichmentRun & { id: string })[]): Promise<void> {
    if (runs.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO enrichment_runs (id, connection_id, tracker, ticket_key, trigger, delivery_id, status)
       SELECT id, connection_id, tracker, ticket_key, trigger, delivery_id, 'queued'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS run (id, connection_id, tracker, ticket_key, trigger, delivery_id)
       ON CONFLICT (id) DO NOTHING`,
      [
        runs.map((run) => run.id),
        runs.map((run) => run.connectionId),
        runs.map((run) => run.tracker),
        runs.map((run) => run.ticketKey),
        runs.map((run) => run.trigger),
        runs.map((run) => run.deliveryId ?? null),
      ],
    );
  }

  async find(id: string): Promise<EnrichmentRunRecord | null> {
    const [row] = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM enrichment_runs WHERE id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  /**
   * queued → running (or running again after a crash), counting the attempt. Null when the run
   * is already past enrichment: a redelivered job after its work was done, or a deleted run.
   */
  async markRunning(id: string): Promise<EnrichmentRunRecord | null> {
    // For UPDATE, TypeORM answers [rows, affected count].
    const [rows]: [EnrichmentRunRecord[], number] = await this.dataSource.query(
      `UPDATE enrichment_runs SET status = 'running', started_at = COALESCE(started_at, now()), attempts = attempts + 1
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${RUN_COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The report is stored and the write-back job queued. Only a running run moves: a fast
   * write-back may already have finished it.
   */
  async markWriting(id: string, report: { riskLevel: string; contentHash: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE enrichment_runs SET status = 'writing', risk_level = $2, content_hash = $3
       WHERE id = $1 AND status = 'running'`,
      [id, report.riskLevel, report.contentHash],
    );
  }

  /** Finishes a run that is still open; a run already finished keeps the outcome it has. */
  async finish(
    id: string,
    status: FinalEnrichmentStatus,
    outcome: string,
    report: { riskLevel?: string | null; contentHash?: string | null } = {},
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE enrichment_runs SET status = $2, outcome = $3, risk_level = COALESCE($4, risk_level),
         content_hash = COALESCE($5, content_hash), finished_at = now()
       WHERE id = $1 AND status IN ('queued', 'running', 'writing')`,
      [id, status, outcome, report.riskLevel ?? null, report.contentHash ?? null],
    );
  }

  /** Newest first. */
  async list(filter: EnrichmentRunFilter): Promise<ListPage<EnrichmentRunRecord>> {
    const conditions: string[] = [];
    const params: unknown[] = [filter.limit, filter.offset];
    const add = (column: string, value: unknown) => {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    if (filter.connectionId) add('connection_id', filter.connectionId);
    if (filter.tracker) add('tracker', filter.tracker);
    if (filter.ticketKey) add('ticket_key', filter.ticketKey);
    if (filter.status) add('status', filter.status);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.dataSource.query(
      `SELECT ${RUN_COLUMNS}, count(*) OVER ()::int AS total FROM enrichment_runs ${where}
       ORDER BY queued_at DESC, id LIMIT $1 OFFSET $2`,
      params,
    );
    return {
      items: rows.map(({ total: _total, ...run }: EnrichmentRunRecord & { total: number }) => run),
      total: rows[0]?.total ?? 0,
    };
  }

  /** Runs queued before `olderThan` and finished; returns how many were deleted. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM enrichment_runs WHERE queued_at < $1 AND finished_at IS NOT NULL`,
      [olderThan],
    );
    return Number(result[1] ?? 0);
  }
}
