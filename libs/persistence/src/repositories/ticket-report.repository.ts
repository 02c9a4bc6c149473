import type { DataSource } from 'typeorm';
import type { TrackerKind } from '../entities/tracker-connection.entity';
import { OPEN_TICKET_REPORT } from './open-ticket-report';
import type { PastTicketPhase } from './past-ticket-lifecycle.repository';
import { WRITEBACK_STATE_COLUMNS, type WritebackStateRecord } from './writeback-state.repository';

/**
 * The latest enrichment report of one ticket: what was matched against which snapshots, the risk
 * and its reasons, the rendered note in both formats and its content hash. The JSON parts are
 * stored as the enrichment service produced them; it owns their shape.
 */
export interface TicketReportRecord {
  id: string;
  connectionId: string;
  tracker: TrackerKind;
  ticketKey: string;
  ticketId: string;
  projectKey: string;
  mappingId: string | null;
  ticket: Record<string, unknown>;
  /** The tracker's `updated` time of the ticket as read: orders reports of concurrent edits. */
  ticketUpdatedAt: Date;
  snapshots: Record<string, unknown>[];
  matches: Record<string, unknown>[];
  risk: Record<string, unknown>;
  noteReport: Record<string, unknown>;
  noteMarkdown: string;
  noteAdf: Record<string, unknown>;
  contentHash: string;
  /** Hash of the ticket text the report was made from; null for reports stored before it was kept. */
  inputHash: string | null;
  riskLevel: 'low' | 'medium' | 'high';
  confidence: number;
  lowConfidence: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewTicketReport = Omit<TicketReportRecord, 'id' | 'createdAt' | 'updatedAt'>;

const COLUMNS = `id, connection_id AS "connectionId", tracker, ticket_key AS "ticketKey", ticket_id AS "ticketId",
  project_key AS "projectKey", mapping_id AS "mappingId", ticket, ticket_updated_at AS "ticketUpdatedAt", snapshots,
  matches, risk, note_report AS "noteReport", note_markdown AS "noteMarkdown", note_adf AS "noteAdf",
  content_hash AS "contentHash", input_hash AS "inputHash", risk_level AS "riskLevel", confidence, low_confidence AS "lowConfidence",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Ticket reports (table `ticket_reports`), one per connection and ticket. */
export class TicketReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the report unless one made from a newer read of the ticket is already there (two
   * workers enriching two quick edits may finish in either order); a status a webhook recorded
   * after this read was made stays (see `recordPhase`). Null when superseded. The
   * record returned is the one given plus what the database assigned: reading the large JSON
   * columns back would only parse again what was just written.
   */
  async upsertIfNewer(report: NewTicketReport): Promise<TicketReportRecord | null> {
    const [row]: { id: string; createdAt: Date; updatedAt: Date }[] = await this.dataSource.query(
      `INSERT INTO ticket_reports (connection_id, tracker, ticket_key, ticket_id, project_key, mapping_id, ticket,
         ticket_updated_at, snapshots, matches, risk, note_report, note_markdown, note_adf, content_hash, risk_level,
         confidence, low_confidence, input_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (connection_id, ticket_key) DO UPDATE SET
         tracker = EXCLUDED.tracker, ticket_id = EXCLUDED.ticket_id, project_key = EXCLUDED.project_key,
         mapping_id = EXCLUDED.mapping_id, ticket_updated_at = EXCLUDED.ticket_updated_at,
         ticket = CASE WHEN ticket_reports.phase_as_of > EXCLUDED.ticket_updated_at
           THEN jsonb_set(EXCLUDED.ticket, '{status,phase}', ticket_reports.ticket->'status'->'phase')
           ELSE EXCLUDED.ticket END,
         phase_as_of = CASE WHEN ticket_reports.phase_as_of > EXCLUDED.ticket_updated_at
           THEN ticket_reports.phase_as_of END,
         snapshots = EXCLUDED.snapshots, matches = EXCLUDED.matches, risk = EXCLUDED.risk,
         note_report = EXCLUDED.note_report, note_markdown = EXCLUDED.note_markdown, note_adf = EXCLUDED.note_adf,
         content_hash = EXCLUDED.content_hash, risk_level = EXCLUDED.risk_level, confidence = EXCLUDED.confidence,
         low_confidence = EXCLUDED.low_confidence, input_hash = EXCLUDED.input_hash, updated_at = now()
       WHERE ticket_reports.ticket_updated_at <= EXCLUDED.ticket_updated_at
       RETURNING id, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [
        report.connectionId,
        report.tracker,
        report.ticketKey,
        report.ticketId,
        report.projectKey,
        report.mappingId,
        JSON.stringify(report.ticket),
        report.ticketUpdatedAt,
        JSON.stringify(report.snapshots),
        JSON.stringify(report.matches),
        JSON.stringify(report.risk),
        JSON.stringify(report.noteReport),
        report.noteMarkdown,
        JSON.stringify(report.noteAdf),
        report.contentHash,
        report.riskLevel,
        report.confidence,
        report.lowConfidence,
        report.inputHash,
      ],
    );
    return row ? { ...report, ...row } : null;
  }

  async find(connectionId: string, ticketKey: string): Promise<TicketReportRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ticket_reports WHERE connection_id = $1 AND ticket_key = $2`,
      [connectionId, ticketKey],
    );
    return row ?? null;
  }

  /**
   * The report, what was last written to the ticket and whether a feedback-label application is
   * recorded (ticket_feedback_labels), in one statement: what an enrichment and a write-back
   * plan from.
   */
  async findWithWritebackState(
    connectionId: string,
    ticketKey: string,
  ): Promise<{
    report: TicketReportRecord | null;
    state: WritebackStateRecord | null;
    labelApplicationRecorded: boolean;
  }> {
    const [row]: {
      report: Record<string, unknown> | null;
      state: Record<string, unknown> | null;
      labelApplicationRecorded: boolean;
    }[] = await this.dataSource.query(
      `SELECT (SELECT to_jsonb(r) FROM (SELECT ${COLUMNS} FROM ticket_reports
                 WHERE connection_id = $1 AND ticket_key = $2) r) AS report,
              (SELECT to_jsonb(s) FROM (SELECT ${WRITEBACK_STATE_COLUMNS} FROM ticket_writeback_state
                 WHERE connection_id = $1 AND ticket_key = $2) s) AS state,
              EXISTS (SELECT 1 FROM ticket_feedback_labels WHERE connection_id = $1 AND ticket_key = $2)
                AS "labelApplicationRecorded"`,
      [connectionId, ticketKey],
    );
    // JSON carries times as text: give them back their Date type, as the single-table reads do.
    const report = row.report && {
      ...row.report,
      ticketUpdatedAt: new Date(row.report.ticketUpdatedAt as string),
      createdAt: new Date(row.report.createdAt as string),
      updatedAt: new Date(row.report.updatedAt as string),
    };
    const state = row.state && {
      ...row.state,
      lastWrittenAt: row.state.lastWrittenAt === null ? null : new Date(row.state.lastWrittenAt as string),
    };
    return {
      report: report as TicketReportRecord | null,
      state: state as WritebackStateRecord | null,
      labelApplicationRecorded: row.labelApplicationRecorded,
    };
  }

  /**
   * What a sweep compares per ticket: the input hash, the snapshot each repository was matched
   * against, whether a feedback-label application is recorded and whether the ticket was done when
   * last read, for the given keys of one
   * connection (one query per backlog page).
   */
  async freshnessOf(
    connectionId: string,
    ticketKeys: readonly string[],
  ): Promise<
    Map<
      string,
      { inputHash: string | null; snapshotIds: string[]; labelApplicationRecorded: boolean; done: boolean }
    >
  > {
    if (ticketKeys.length === 0) return new Map();
    const rows: {
      ticketKey: string;
      inputHash: string | null;
      snapshots: { snapshotId?: unknown }[];
      labelApplicationRecorded: boolean;
      done: boolean;
    }[] = await this.dataSource.query(
      `SELECT ticket_key AS "ticketKey", input_hash AS "inputHash", snapshots,
              EXISTS (SELECT 1 FROM ticket_feedback_labels l
                      WHERE l.connection_id = ticket_reports.connection_id AND l.ticket_key = ticket_reports.ticket_key)
                AS "labelApplicationRecorded",
              NOT ${OPEN_TICKET_REPORT} AS done
       FROM ticket_reports
       WHERE connection_id = $1 AND ticket_key = ANY($2)`,
      [connectionId, ticketKeys],
    );
    return new Map(
      rows.map((row) => [
        row.ticketKey,
        {
          inputHash: row.inputHash,
          snapshotIds: row.snapshots.map((s) => String(s.snapshotId)),
          labelApplicationRecorded: row.labelApplicationRecorded,
          done: row.done,
        },
      ]),
    );
  }

  /**
   * Open tickets whose report was matched against the repository but not yet against
   * `snapshotId`: the ones a newly committed snapshot of it may change.
   */
  async dependingOn(
    repositoryId: string,
    snapshotId: string,
  ): Promise<{ connectionId: string; ticketKey: string }[]> {
    return this.dataSource.query(
      `SELECT connection_id AS "connectionId", ticket_key AS "ticketKey" FROM ticket_reports
       WHERE snapshots @> jsonb_build_array(jsonb_build_object('repositoryId', $1::text))
         AND NOT snapshots @> jsonb_build_array(jsonb_build_object('snapshotId', $2::text))
         AND ${OPEN_TICKET_REPORT}
       ORDER BY connection_id, ticket_key`,
      [repositoryId, snapshotId],
    );
  }

  /**
   * The mapping's high-risk reports of open tickets with the risk level of each ticket's last run
   * that produced a different note (null when there was none): what a grooming digest lists.
   */
  async flaggedForMapping(
    mappingId: string,
  ): Promise<(TicketReportRecord & { previousLevel: string | null })[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS},
         (SELECT e.risk_level FROM enrichment_runs e
           WHERE e.connection_id = ticket_reports.connection_id AND e.ticket_key = ticket_reports.ticket_key
             AND e.risk_level IS NOT NULL AND e.content_hash IS DISTINCT FROM ticket_reports.content_hash
           ORDER BY e.queued_at DESC LIMIT 1) AS "previousLevel"
       FROM ticket_reports WHERE mapping_id = $1 AND risk_level = 'high' AND ${OPEN_TICKET_REPORT}
       ORDER BY ticket_key`,
      [mappingId],
    );
  }

  /**
   * Records that the tracker now shows these tickets as done, or no longer shows them (read after
   * their report was made): their reports stay, out of background work. A later enrichment stores
   * the ticket as read again. A ticket with a time in `asOf` (when it was completed) is recorded
   * only when that is newer than what its report knows, as `recordPhase` does; the rest as is.
   */
  async markDone(
    connectionId: string,
    ticketKeys: readonly string[],
    asOf: ReadonlyMap<string, Date> = new Map(),
  ): Promise<void> {
    if (ticketKeys.length === 0) return;
    await this.dataSource.query(
      `UPDATE ticket_reports
       SET ticket = jsonb_set(ticket, '{status,phase}', '"done"'), phase_as_of = COALESCE(t.as_of, phase_as_of)
       FROM unnest($2::text[], $3::timestamptz[]) AS t(ticket_key, as_of)
       WHERE connection_id = $1 AND ticket_reports.ticket_key = t.ticket_key AND ${OPEN_TICKET_REPORT}
         AND (t.as_of IS NULL OR COALESCE(phase_as_of, ticket_updated_at) < t.as_of)`,
      [connectionId, ticketKeys, ticketKeys.map((key) => asOf.get(key) ?? null)],
    );
  }

  /**
   * Records done the reports of this ticket (the tracker's id) under any key but its current one:
   * moved to another Jira project or Linear team, it has a new key and the old key is no open work.
   */
  async markOtherKeysDone(connectionId: string, ticketId: string, currentKey: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ticket_reports SET ticket = jsonb_set(ticket, '{status,phase}', '"done"')
       WHERE connection_id = $1 AND ticket_id = $2 AND ticket_key <> $3 AND ${OPEN_TICKET_REPORT}`,
      [connectionId, ticketId, currentKey],
    );
  }

  /**
   * Records the ticket's phase a webhook reported, as of the tracker's `asOf` time (the ticket's
   * updated time the payload carried). Close and reopen deliveries can arrive in either order, so
   * one older than what the report already knows (its last read, or a newer webhook) changes
   * nothing. Without `asOf` (a deletion, a payload without the time) the phase is recorded as is.
   */
  async recordPhase(
    connectionId: string,
    ticketKey: string,
    phase: PastTicketPhase,
    asOf: Date | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE ticket_reports
       SET ticket = jsonb_set(ticket, '{status,phase}', to_jsonb($3::text)),
           phase_as_of = COALESCE($4, phase_as_of)
       WHERE connection_id = $1 AND ticket_key = $2
         AND ($4::timestamptz IS NULL OR COALESCE(phase_as_of, ticket_updated_at) < $4)`,
      [connectionId, ticketKey, phase, asOf],
    );
  }

  /**
   * True when the ticket has a report on the connection and it is recorded done; with `asOf`, only
   * when that record is older than it (a reopen that arrives after a newer close is stale).
   */
  async isDone(connectionId: string, ticketKey: string, asOf: Date | null = null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ticket_reports
       WHERE connection_id = $1 AND ticket_key = $2 AND NOT ${OPEN_TICKET_REPORT}
         AND ($3::timestamptz IS NULL OR COALESCE(phase_as_of, ticket_updated_at) < $3)`,
      [connectionId, ticketKey, asOf],
    );
    return rows.length > 0;
  }

  /** The ticket's reports on every connection of that tracker kind, newest first. */
  async findByKey(tracker: TrackerKind, ticketKey: string): Promise<TicketReportRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ticket_reports WHERE tracker = $1 AND ticket_key = $2 ORDER BY updated_at DESC`,
      [tracker, ticketKey],
    );
  }
}
