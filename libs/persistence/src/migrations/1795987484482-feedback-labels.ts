import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback from the tracker: a person applies the feedback label to a ticket, Sightline records a
 * "wrong" verdict on the area its note led with. Verdicts gain their source (`api` or
 * `tracker-label`) and may have no actor (a sweep found the label, so who applied it is unknown).
 * `ticket_feedback_labels` holds one row per ticket while the label application it recorded is
 * still on the ticket: a retried job or a redelivered webhook finds it and records nothing again;
 * the row goes once the label is off. Deliveries keep who added the label, when the webhook said.
 */
export class FeedbackLabels1795987484482 implements MigrationInterface {
  name = 'FeedbackLabels1795987484482';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE ticket_feedback ADD COLUMN source text NOT NULL DEFAULT 'api'
         CHECK (source IN ('api', 'tracker-label'))`,
    );
    await db.query(`ALTER TABLE ticket_feedback ALTER COLUMN actor DROP NOT NULL`);
    await db.query(`
      CREATE TABLE ticket_feedback_labels (
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        ticket_key text NOT NULL,
        feedback_id bigint REFERENCES ticket_feedback (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, ticket_key)
      )`);
    await db.query(`ALTER TABLE webhook_deliveries ADD COLUMN label_actor text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_deliveries DROP COLUMN label_actor`);
    await db.query(`DROP TABLE ticket_feedback_labels`);
    await db.query(`DELETE FROM ticket_feedback WHERE actor IS NULL`);
    await db.query(`ALTER TABLE ticket_feedback ALTER COLUMN actor SET NOT NULL`);
    await db.query(`ALTER TABLE ticket_feedback DROP COLUMN source`);
  }
}
