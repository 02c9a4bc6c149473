import type { DataSource } from 'typeorm';

export type PastTicketPhase = 'unstarted' | 'started' | 'done';

/** One cached answer of the tracker about a past ticket; `found: false` = the tracker did not know the key. */
export interface PastTicketLifecycleRecord {
  ticketKey: string;
  found: boolean;
  createdAt: Date | null;
  completedAt: Date | null;
  phase: PastTicketPhase | null;
  estimate: number | null;
  fetchedAt: Date;
}

export interface PastTicketLifecycleInput {
  ticketKey: string;
  /** Null: the tracker does not know the key. */
  lifecycle: {
    createdAt: Date;
    completedAt: Date | null;
    phase: PastTicketPhase;
    estimate: number | null;
  } | null;
}

const COLUMNS = `ticket_key AS "ticketKey", found, created_at AS "createdAt", completed_at AS "completedAt",
  phase, estimate, fetched_at AS "fetchedAt"`;

/** The past-ticket lifecycle cache (table `past_ticket_lifecycles`), one row per connection and key. */
export class PastTicketLifecycleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(connectionId: string, keys: readonly string[]): Promise<PastTicketLifecycleRecord[]> {
    if (keys.length === 0) return [];
    const rows: (PastTicketLifecycleRecord & { estimate: number | string | null })[] =
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM past_ticket_lifecycles WHERE connection_id = $1 AND ticket_key = ANY($2::text[])`,
        [connectionId, [...keys]],
      );
    return rows.map((row) => ({ ...row, estimate: row.estimate === null ? null : Number(row.estimate) }));
  }

  /** Stores what the tracker answered at `fetchedAt`, replacing earlier answers for the same keys. */
  async store(
    connectionId: string,
    answers: readonly PastTicketLifecycleInput[],
    fetchedAt: Date,
  ): Promise<void> {
    if (answers.length === 0) return;
    // One row per key: PostgreSQL refuses to upsert the same row twice in one statement.
    const unique = [...new Map(answers.map((a) => [a.ticketKey, a])).values()];
    const column = <T>(pick: (a: PastTicketLifecycleInput) => T) => unique.map(pick);
    await this.dataSource.query(
      `INSERT INTO past_ticket_lifecycles
         (connection_id, ticket_key, found, created_at, completed_at, phase, estimate, fetched_at)
       SELECT $1, k, f, c, d, p, e, $8
         FROM unnest($2::text[], $3::boolean[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::float8[])
           AS t(k, f, c, d, p, e)
       ON CONFLICT (connection_id, ticket_key) DO UPDATE SET
         found = EXCLUDED.found, created_at = EXCLUDED.created_at, completed_at = EXCLUDED.completed_at,
         phase = EXCLUDED.phase, estimate = EXCLUDED.estimate, fetched_at = EXCLUDED.fetched_at`,
      [
        connectionId,
        column((a) => a.ticketKey),
        column((a) => a.lifecycle !== null),
        column((a) => a.lifecycle?.createdAt.toISOString() ?? null),
        column((a) => a.lifecycle?.completedAt?.toISOString() ?? null),
        column((a) => a.lifecycle?.phase ?? null),
        column((a) => a.lifecycle?.estimate ?? null),
        fetchedAt.toISOString(),
      ],
    );
  }
}
