import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grooming sweeps: one row per sweep of a mapping's backlog with its progress and page cursor,
 * and the tickets it has enqueued (the primary key is what keeps a resumed sweep from enqueuing a
 * ticket twice). Reports gain the hash of the ticket text they were made from, so a sweep can
 * tell a changed ticket without re-matching it; runs gain the `sweep` and `recheck` (a new snapshot) triggers.
 */
export class GroomingSweeps1764800000000 implements MigrationInterface {
  name = 'GroomingSweeps1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sweeps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mapping_id uuid NOT NULL REFERENCES project_mappings (id) ON DELETE CASCADE,
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        trigger text NOT NULL CHECK (trigger IN ('api', 'schedule')),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        cursor text,
        pages integer NOT NULL DEFAULT 0,
        seen integer NOT NULL DEFAULT 0,
        enqueued integer NOT NULL DEFAULT 0,
        up_to_date integer NOT NULL DEFAULT 0,
        outcome text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX sweeps_mapping_idx ON sweeps (mapping_id, queued_at DESC)`);
    await db.query(`
      CREATE TABLE sweep_tickets (
        sweep_id uuid NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
        ticket_key text NOT NULL,
        run_id uuid NOT NULL,
        PRIMARY KEY (sweep_id, ticket_key)
      )`);
    await db.query(`ALTER TABLE ticket_reports ADD COLUMN input_hash text`);
    await db.query(`ALTER TABLE enrichment_runs DROP CONSTRAINT enrichment_runs_trigger_check`);
    await db.query(
      `ALTER TABLE enrichment_runs ADD CONSTRAINT enrichment_runs_trigger_check
         CHECK (trigger IN ('webhook', 'api', 'force', 'feedback', 'sweep', 'recheck'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE enrichment_runs DROP CONSTRAINT enrichment_runs_trigger_check`);
    await db.query(
      `ALTER TABLE enrichment_runs ADD CONSTRAINT enrichment_runs_trigger_check
         CHECK (trigger IN ('webhook', 'api', 'force', 'feedback'))`,
    );
    await db.query(`ALTER TABLE ticket_reports DROP COLUMN input_hash`);
    await db.query(`DROP TABLE sweep_tickets`);
    await db.query(`DROP TABLE sweeps`);
  }
}
