import type { DataSource, EntityManager } from 'typeorm';

export type FeedbackTarget = 'file' | 'area';
export type FeedbackVerdictValue = 'right' | 'wrong';
/** `api`: POST …/feedback; `tracker-label`: a person applied the feedback label in the tracker. */
export type FeedbackSource = 'api' | 'tracker-label';

/** "This area is right / wrong for this ticket", as a person said it through the API or a label. */
export interface NewTicketFeedback {
  connectionId: string;
  projectKey: string;
  ticketKey: string;
  /** The repository the path belongs to; null when the mapping has a single repository. */
  repositoryId: string | null;
  path: string;
  target: FeedbackTarget;
  verdict: FeedbackVerdictValue;
  /** The ticket's text when the verdict was given, so it can inform similar tickets too. */
  ticketText: string | null;
  /** Who said so: the API key's actor, or the tracker account that applied the label; null when unknown. */
  actor: string | null;
  /** Defaults to `api`. */
  source?: FeedbackSource;
}

export interface TicketFeedbackRecord extends NewTicketFeedback {
  id: string;
  source: FeedbackSource;
  createdAt: Date;
}

/** What `recordLabelApplication` did: recorded this application, or found it recorded before. */
export interface LabelApplicationOutcome {
  recorded: boolean;
  /** The verdict stored now; null when the application was recorded before or there was no area. */
  feedback: TicketFeedbackRecord | null;
}

const COLUMNS = `id::text AS id, connection_id AS "connectionId", project_key AS "projectKey", ticket_key AS "ticketKey",
  repository_id AS "repositoryId", path, target, verdict, ticket_text AS "ticketText", actor, source,
  created_at AS "createdAt"`;

async function insertFeedback(
  db: Pick<DataSource | EntityManager, 'query'>,
  entry: NewTicketFeedback,
): Promise<TicketFeedbackRecord> {
  const [row] = await db.query(
    `INSERT INTO ticket_feedback (connection_id, project_key, ticket_key, repository_id, path, target, verdict,
       ticket_text, actor, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      entry.connectionId,
      entry.projectKey,
      entry.ticketKey,
      entry.repositoryId,
      entry.path,
      entry.target,
      entry.verdict,
      entry.ticketText,
      entry.actor,
      entry.source ?? 'api',
    ],
  );
  return row;
}

/** Matcher feedback (table `ticket_feedback`); every verdict is kept, the matcher uses the latest per path. */
export class TicketFeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: NewTicketFeedback): Promise<TicketFeedbackRecord> {
    return insertFeedback(this.dataSource, entry);
  }

  /**
   * One application of the feedback label, recorded at most once: the ticket's marker row and the
   * verdict (none when the report named no area) are inserted in one transaction, and a marker
   * already there means this application was recorded before (a retried job, a redelivered
   * webhook, a sweep reading the ticket before the label came off).
   */
  async recordLabelApplication(
    connectionId: string,
    ticketKey: string,
    entry: NewTicketFeedback | null,
  ): Promise<LabelApplicationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query(
        `INSERT INTO ticket_feedback_labels (connection_id, ticket_key) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
        [connectionId, ticketKey],
      );
      if (claimed.length === 0) return { recorded: false, feedback: null };
      if (!entry) return { recorded: true, feedback: null };
      const feedback = await insertFeedback(manager, { ...entry, source: 'tracker-label' });
      await manager.query(
        `UPDATE ticket_feedback_labels SET feedback_id = $3 WHERE connection_id = $1 AND ticket_key = $2`,
        [connectionId, ticketKey, feedback.id],
      );
      return { recorded: true, feedback };
    });
  }

  /** The label is off the ticket: its next application is new feedback. */
  async releaseLabelApplication(connectionId: string, ticketKey: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ticket_feedback_labels WHERE connection_id = $1 AND ticket_key = $2`,
      [connectionId, ticketKey],
    );
  }

  async isLabelApplicationRecorded(connectionId: string, ticketKey: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM ticket_feedback_labels WHERE connection_id = $1 AND ticket_key = $2`,
      [connectionId, ticketKey],
    );
    return rows.length > 0;
  }

  /** Every verdict on one ticket, oldest first. */
  async listForTicket(connectionId: string, ticketKey: string): Promise<TicketFeedbackRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ticket_feedback WHERE connection_id = $1 AND ticket_key = $2
       ORDER BY created_at, id`,
      [connectionId, ticketKey],
    );
  }

  /** The newest `limit` verdicts of a project, returned oldest first (the order the matcher folds them in). */
  async listForProject(
    connectionId: string,
    projectKey: string,
    limit = 2_000,
  ): Promise<TicketFeedbackRecord[]> {
    const rows: TicketFeedbackRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ticket_feedback WHERE connection_id = $1 AND project_key = $2
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [connectionId, projectKey, limit],
    );
    return rows.reverse();
  }
}
