import type { DataSource } from 'typeorm';

export type SweepTrigger = 'api' | 'schedule';
export type SweepStatus = 'queued' | 'running' | 'done' | 'failed';

/** One sweep of a mapping's backlog: where it is (the page cursor) and what it has done so far. */
export interface SweepRecord {
  id: string;
  mappingId: string;
  connectionId: string;
  trigger: SweepTrigger;
  status: SweepStatus;
  /** The tracker's cursor of the next page to read; null before the first page and after the last. */
  cursor: string | null;
  pages: number;
  seen: number;
  enqueued: number;
  upToDate: number;
  outcome: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A page's effect on the counters, stored together with the cursor of the next page. */
export interface SweepPageProgress {
  nextCursor: string | null;
  seen: number;
  enqueued: number;
  upToDate: number;
}

const COLUMNS = `id, mapping_id AS "mappingId", connection_id AS "connectionId", trigger, status, cursor, pages,
  seen, enqueued, up_to_date AS "upToDate", outcome, queued_at AS "queuedAt", started_at AS "startedAt",
  finished_at AS "finishedAt"`;

/** Grooming sweeps (tables `sweeps` and `sweep_tickets`). */
export class SweepRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: {
    mappingId: string;
    connectionId: string;
    trigger: SweepTrigger;
  }): Promise<SweepRecord> {
    const [row] = await this.dataSource.query(
      `INSERT INTO sweeps (mapping_id, connection_id, trigger, status) VALUES ($1, $2, $3, 'queued')
       RETURNING ${COLUMNS}`,
      [input.mappingId, input.connectionId, input.trigger],
    );
    return row;
  }

  async find(id: string): Promise<SweepRecord | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM sweeps WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The mapping's sweep that is queued or running, if any: a mapping is swept by one sweep at a time. */
  async findActive(mappingId: string): Promise<SweepRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM sweeps WHERE mapping_id = $1 AND status IN ('queued', 'running')
       ORDER BY queued_at DESC LIMIT 1`,
      [mappingId],
    );
    return row ?? null;
  }

  /** queued → running, or running again after a crash. Null when the sweep is finished or gone. */
  async markRunning(id: string): Promise<SweepRecord | null> {
    const [rows]: [SweepRecord[], number] = await this.dataSource.query(
      `UPDATE sweeps SET status = 'running', started_at = COALESCE(started_at, now())
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Records a finished page: the counters and the cursor a resumed sweep continues from. */
  async recordPage(id: string, progress: SweepPageProgress): Promise<void> {
    await this.dataSource.query(
      `UPDATE sweeps SET cursor = $2, pages = pages + 1, seen = seen + $3, enqueued = enqueued + $4,
         up_to_date = up_to_date + $5
       WHERE id = $1`,
      [id, progress.nextCursor, progress.seen, progress.enqueued, progress.upToDate],
    );
  }

  async finish(id: string, status: 'done' | 'failed', outcome: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sweeps SET status = $2, outcome = $3, finished_at = now()
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, status, outcome],
    );
  }

  /** The keys among `ticketKeys` this sweep has already enqueued (a page re-read after a crash). */
  async enqueuedAmong(sweepId: string, ticketKeys: readonly string[]): Promise<Set<string>> {
    if (ticketKeys.length === 0) return new Set();
    const rows: { ticketKey: string }[] = await this.dataSource.query(
      `SELECT ticket_key AS "ticketKey" FROM sweep_tickets WHERE sweep_id = $1 AND ticket_key = ANY($2)`,
      [sweepId, ticketKeys],
    );
    return new Set(rows.map((row) => row.ticketKey));
  }

  /** Marks the ticket enqueued by this sweep; false when it already was. */
  async markEnqueued(sweepId: string, ticketKey: string, runId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO sweep_tickets (sweep_id, ticket_key, run_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING ticket_key`,
      [sweepId, ticketKey, runId],
    );
    return rows.length > 0;
  }

  /** Marks many tickets enqueued by this sweep in one statement; tickets already marked stay as they are. */
  async markManyEnqueued(
    sweepId: string,
    tickets: readonly { ticketKey: string; runId: string }[],
  ): Promise<void> {
    if (tickets.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO sweep_tickets (sweep_id, ticket_key, run_id)
       SELECT $1, ticket_key, run_id FROM unnest($2::text[], $3::uuid[]) AS marked (ticket_key, run_id)
       ON CONFLICT DO NOTHING`,
      [sweepId, tickets.map((ticket) => ticket.ticketKey), tickets.map((ticket) => ticket.runId)],
    );
  }

  /**
   * Sweeps finished before `olderThan`, with the tickets they recorded (a sweep after each new
   * snapshot records the whole backlog); returns how many sweeps were deleted.
   */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM sweeps WHERE status IN ('done', 'failed') AND finished_at < $1`,
      [olderThan],
    );
    return Number(result[1] ?? 0);
  }

  async enqueuedCount(sweepId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM sweep_tickets WHERE sweep_id = $1`,
      [sweepId],
    );
    return row.count;
  }
}
