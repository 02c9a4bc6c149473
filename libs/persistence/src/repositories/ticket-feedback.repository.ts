import type { DataSource } from 'typeorm';

export type FeedbackTarget = 'file' | 'area';
export type FeedbackVerdictValue = 'right' | 'wrong';

/** "This area is right / wrong for this ticket", as a person said it through the read API. */
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
  /** Who said so (the API key's actor). */
  actor: string;
}

export interface TicketFeedbackRecord extends NewTicketFeedback {
  id: string;
  createdAt: Date;
}

const COLUMNS = `id::text AS id, connection_id AS "connectionId", project_key AS "projectKey", ticket_key AS "ticketKey",
  repository_id AS "repositoryId", path, target, verdict, ticket_text AS "ticketText", actor, created_at AS "createdAt"`;

/** Matcher feedback (table `ticket_feedback`); every verdict is kept, the matcher uses the latest per path. */
export class TicketFeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: NewTicketFeedback): Promise<TicketFeedbackRecord> {
    const [row] = await this.dataSource.query(
      `INSERT INTO ticket_feedback (connection_id, project_key, ticket_key, repository_id, path, target, verdict,
         ticket_text, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
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
      ],
    );
    return row;
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
