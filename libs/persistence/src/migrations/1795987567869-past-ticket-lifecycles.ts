import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracker's record of past tickets (created, completed, phase, story points), cached per
 * connection for estimation evidence: a done ticket is read from the tracker once and never again;
 * open ones and keys the tracker did not know (`found = false`) are asked again after a while.
 * Nothing about people is stored.
 */
export class PastTicketLifecycles1795987567869 implements MigrationInterface {
  name = 'PastTicketLifecycles1795987567869';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE past_ticket_lifecycles (
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        ticket_key text NOT NULL,
        found boolean NOT NULL,
        created_at timestamptz,
        completed_at timestamptz,
        phase text CHECK (phase IN ('unstarted', 'started', 'done')),
        estimate double precision,
        fetched_at timestamptz NOT NULL,
        PRIMARY KEY (connection_id, ticket_key),
        CHECK (found = (created_at IS NOT NULL AND phase IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE past_ticket_lifecycles`);
  }
}
