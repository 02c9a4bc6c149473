import type { DataSource } from 'typeorm';
import { OPEN_TICKET_REPORT } from './open-ticket-report';

/**
 * What Sightline has written to one ticket. Each part is recorded as soon as the tracker
 * confirmed it, so a job that dies halfway redoes only what is missing; the note id is what lets
 * the retry update our comment instead of posting a second one (the note marker is the fallback
 * when even that was lost).
 */
export interface WritebackStateRecord {
  connectionId: string;
  ticketKey: string;
  noteId: string | null;
  /** Content hash of the note as last written. */
  noteHash: string | null;
  /** Whether our risk label was last set (true) or removed (false); null: never touched. */
  labelPresent: boolean | null;
  /** Hash of the machine-readable data (Jira property / Linear attachment) as last written. */
  machineHash: string | null;
  /** The report link that data carries; null when written before links were recorded. */
  machineUrl: string | null;
  lastWrittenAt: Date | null;
}

export const WRITEBACK_STATE_COLUMNS = `connection_id AS "connectionId", ticket_key AS "ticketKey", note_id AS "noteId", note_hash AS "noteHash",
  label_present AS "labelPresent", machine_hash AS "machineHash", machine_url AS "machineUrl",
  last_written_at AS "lastWrittenAt"`;

/** The label and the machine data (its hash and the link it carries) as a write-back confirmed them. */
export interface WrittenParts {
  labelPresent?: boolean;
  machine?: { hash: string; url: string };
}

function partColumns(parts: WrittenParts): Record<string, string | boolean> {
  const columns: Record<string, string | boolean> = {};
  if (parts.labelPresent !== undefined) columns.label_present = parts.labelPresent;
  if (parts.machine !== undefined) {
    columns.machine_hash = parts.machine.hash;
    columns.machine_url = parts.machine.url;
  }
  return columns;
}

/** Write-back state (table `ticket_writeback_state`), one row per connection and ticket. */
export class WritebackStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(connectionId: string, ticketKey: string): Promise<WritebackStateRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${WRITEBACK_STATE_COLUMNS} FROM ticket_writeback_state WHERE connection_id = $1 AND ticket_key = $2`,
      [connectionId, ticketKey],
    );
    return row ?? null;
  }

  /** The open tickets of the connection that Sightline wrote a note or machine data to. */
  async writtenTicketKeys(connectionId: string): Promise<string[]> {
    const rows: { ticketKey: string }[] = await this.dataSource.query(
      `SELECT s.ticket_key AS "ticketKey" FROM ticket_writeback_state s
       LEFT JOIN ticket_reports ON ticket_reports.connection_id = s.connection_id
         AND ticket_reports.ticket_key = s.ticket_key
       WHERE s.connection_id = $1 AND (s.note_id IS NOT NULL OR s.machine_hash IS NOT NULL)
         AND ${OPEN_TICKET_REPORT}
       ORDER BY s.ticket_key`,
      [connectionId],
    );
    return rows.map((row) => row.ticketKey);
  }

  async recordNote(connectionId: string, ticketKey: string, noteId: string, noteHash: string): Promise<void> {
    await this.upsert(connectionId, ticketKey, { note_id: noteId, note_hash: noteHash });
  }

  /** The label and the machine data, recorded together: both are idempotent to write again. */
  async recordParts(connectionId: string, ticketKey: string, parts: WrittenParts): Promise<void> {
    const columns = partColumns(parts);
    if (Object.keys(columns).length > 0) await this.upsert(connectionId, ticketKey, columns);
  }

  /**
   * recordParts and the run's final status in one statement (both or neither): the last step of
   * a write-back. `run.report` sets the run's risk level and content hash, as finish() does.
   */
  async recordPartsAndFinishRun(
    connectionId: string,
    ticketKey: string,
    parts: WrittenParts,
    run: { id: string; outcome: string; report: { riskLevel: string; contentHash: string } },
  ): Promise<void> {
    const finish = `UPDATE enrichment_runs SET status = 'written', outcome = $2, risk_level = $3, content_hash = $4,
         finished_at = now()
       WHERE id = $1 AND status IN ('queued', 'running', 'writing')`;
    const runValues = [run.id, run.outcome, run.report.riskLevel, run.report.contentHash];
    const columns = partColumns(parts);
    const names = Object.keys(columns);
    if (names.length === 0) {
      await this.dataSource.query(finish, runValues);
      return;
    }
    const at = runValues.length;
    await this.dataSource.query(
      `WITH parts AS (
         INSERT INTO ticket_writeback_state (connection_id, ticket_key, ${names.join(', ')}, last_written_at)
         VALUES ($${at + 1}, $${at + 2}, ${names.map((_, i) => `$${at + 3 + i}`).join(', ')}, now())
         ON CONFLICT (connection_id, ticket_key) DO UPDATE SET
           ${names.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}, last_written_at = now(), updated_at = now()
       )
       ${finish}`,
      [...runValues, connectionId, ticketKey, ...Object.values(columns)],
    );
  }

  /** Forgets everything written to the ticket (its comment was deleted by hand, or for tests). */
  async clear(connectionId: string, ticketKey: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ticket_writeback_state WHERE connection_id = $1 AND ticket_key = $2`,
      [connectionId, ticketKey],
    );
  }

  private async upsert(
    connectionId: string,
    ticketKey: string,
    columns: Record<string, string | boolean>,
  ): Promise<void> {
    const names = Object.keys(columns);
    const values = Object.values(columns);
    const placeholders = names.map((_, i) => `$${i + 3}`);
    const updates = names.map((name) => `${name} = EXCLUDED.${name}`);
    await this.dataSource.query(
      `INSERT INTO ticket_writeback_state (connection_id, ticket_key, ${names.join(', ')}, last_written_at)
       VALUES ($1, $2, ${placeholders.join(', ')}, now())
       ON CONFLICT (connection_id, ticket_key) DO UPDATE SET ${updates.join(', ')}, last_written_at = now(),
         updated_at = now()`,
      [connectionId, ticketKey, ...values],
    );
  }
}
