import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enrichment service's state: webhook deliveries (deduplicated by the tracker's delivery id),
 * enrichment runs (what happened to each ticket event), the latest report per ticket, what has
 * been written back to the tracker, and "right/wrong area" feedback for the matcher.
 */
export class Enrichment1764700000000 implements MigrationInterface {
  name = 'Enrichment1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE enrichment_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        tracker text NOT NULL CHECK (tracker IN ('jira', 'linear')),
        ticket_key text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('webhook', 'api', 'force', 'feedback')),
        delivery_id text,
        status text NOT NULL CHECK (status IN
          ('queued', 'running', 'writing', 'written', 'unchanged', 'dry-run', 'silent', 'skipped', 'superseded',
           'blocked', 'failed')),
        outcome text,
        risk_level text,
        content_hash text,
        attempts integer NOT NULL DEFAULT 0,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX enrichment_runs_recent_idx ON enrichment_runs (queued_at DESC)`);
    await db.query(
      `CREATE INDEX enrichment_runs_ticket_idx ON enrichment_runs (connection_id, ticket_key, queued_at DESC)`,
    );
    // The primary key is the deduplication: a redelivery of the same delivery id inserts nothing.
    await db.query(`
      CREATE TABLE webhook_deliveries (
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        delivery_id text NOT NULL,
        event_name text NOT NULL,
        ticket_key text,
        decision text NOT NULL CHECK (decision IN ('enqueued', 'ignored')),
        reason text,
        run_id uuid,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, delivery_id)
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at)`);
    await db.query(`
      CREATE TABLE ticket_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        tracker text NOT NULL CHECK (tracker IN ('jira', 'linear')),
        ticket_key text NOT NULL,
        ticket_id text NOT NULL,
        project_key text NOT NULL,
        mapping_id uuid REFERENCES project_mappings (id) ON DELETE SET NULL,
        ticket jsonb NOT NULL,
        ticket_updated_at timestamptz NOT NULL,
        snapshots jsonb NOT NULL,
        matches jsonb NOT NULL,
        risk jsonb NOT NULL,
        note_report jsonb NOT NULL,
        note_markdown text NOT NULL,
        note_adf jsonb NOT NULL,
        content_hash text NOT NULL,
        risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
        confidence double precision NOT NULL,
        low_confidence boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (connection_id, ticket_key)
      )`);
    await db.query(`CREATE INDEX ticket_reports_key_idx ON ticket_reports (tracker, ticket_key)`);
    await db.query(`
      CREATE TABLE ticket_writeback_state (
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        ticket_key text NOT NULL,
        note_id text,
        note_hash text,
        label_present boolean,
        machine_hash text,
        last_written_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, ticket_key)
      )`);
    await db.query(`
      CREATE TABLE ticket_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE CASCADE,
        project_key text NOT NULL,
        ticket_key text NOT NULL,
        repository_id uuid REFERENCES repositories (id) ON DELETE CASCADE,
        path text NOT NULL,
        target text NOT NULL CHECK (target IN ('file', 'area')),
        verdict text NOT NULL CHECK (verdict IN ('right', 'wrong')),
        ticket_text text,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX ticket_feedback_project_idx ON ticket_feedback (connection_id, project_key, created_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'ticket_feedback',
      'ticket_writeback_state',
      'ticket_reports',
      'webhook_deliveries',
      'enrichment_runs',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
