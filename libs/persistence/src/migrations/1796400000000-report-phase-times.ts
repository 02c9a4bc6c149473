import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket's close and reopen webhooks can arrive in either order. `phase_as_of` is the tracker's
 * time of the status a webhook recorded after the report's last read (null: the read's own
 * `ticket_updated_at`), so a delivery older than what the report knows changes nothing. A moved
 * ticket (another Jira project or Linear team: a new key, the same id) leaves its report under the
 * old key behind: every enrichment looks it up by the tracker's id.
 */
export class ReportPhaseTimes1796400000000 implements MigrationInterface {
  name = 'ReportPhaseTimes1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_reports ADD COLUMN phase_as_of timestamptz`);
    await db.query(`CREATE INDEX ticket_reports_ticket_id_idx ON ticket_reports (connection_id, ticket_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ticket_reports_ticket_id_idx`);
    await db.query(`ALTER TABLE ticket_reports DROP COLUMN phase_as_of`);
  }
}
