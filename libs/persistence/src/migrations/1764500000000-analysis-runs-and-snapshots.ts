import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analysis runs and repository snapshots. A snapshot's rows are written in one transaction and
 * become visible through `repositories.latest_snapshot_id`, switched in that same transaction, so
 * readers always see one complete snapshot.
 */
export class AnalysisRunsAndSnapshots1764500000000 implements MigrationInterface {
  name = 'AnalysisRunsAndSnapshots1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analysis_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        repository_id uuid NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        trigger text NOT NULL,
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        phase text,
        reason text,
        from_commit text,
        to_commit text,
        incremental boolean,
        counts jsonb,
        snapshot_id uuid,
        attempts integer NOT NULL DEFAULT 0,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX analysis_runs_repository_idx ON analysis_runs (repository_id, queued_at DESC)`,
    );
    // Triggers coalesce: at most one queued run per repository.
    await db.query(
      `CREATE UNIQUE INDEX analysis_runs_one_queued_idx ON analysis_runs (repository_id) WHERE status = 'queued'`,
    );
    await db.query(`
      CREATE TABLE snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        repository_id uuid NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
        run_id uuid NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
        head text NOT NULL,
        head_time timestamptz NOT NULL,
        analyzed_at timestamptz NOT NULL,
        schema_version integer NOT NULL,
        summary jsonb NOT NULL,
        document bytea NOT NULL,
        incremental_state bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX snapshots_repository_idx ON snapshots (repository_id, created_at DESC)`);
    await db.query(
      `ALTER TABLE repositories ADD COLUMN latest_snapshot_id uuid REFERENCES snapshots (id) ON DELETE SET NULL`,
    );
    await db.query(`
      CREATE TABLE snapshot_files (
        snapshot_id uuid NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        path text NOT NULL,
        area text NOT NULL,
        language text,
        loc integer NOT NULL,
        complexity_max integer NOT NULL,
        revisions integer NOT NULL,
        recent_revisions integer NOT NULL,
        authors integer NOT NULL,
        churn integer NOT NULL,
        bug_fix_revisions integer NOT NULL,
        hotspot_score bigint NOT NULL,
        hotspot_percentile double precision,
        fan_in integer NOT NULL,
        fan_out integer NOT NULL,
        figures jsonb NOT NULL,
        PRIMARY KEY (snapshot_id, path)
      )`);
    await db.query(
      `CREATE INDEX snapshot_files_hotspot_idx ON snapshot_files (snapshot_id, hotspot_score DESC)`,
    );
    await db.query(`CREATE INDEX snapshot_files_area_idx ON snapshot_files (snapshot_id, area)`);
    await db.query(`
      CREATE TABLE snapshot_areas (
        snapshot_id uuid NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        path text NOT NULL,
        kind text NOT NULL,
        files integer NOT NULL,
        loc integer NOT NULL,
        revisions integer NOT NULL,
        hotspot_score bigint NOT NULL,
        fan_in integer NOT NULL,
        figures jsonb NOT NULL,
        PRIMARY KEY (snapshot_id, path)
      )`);
    await db.query(`
      CREATE TABLE snapshot_coupling (
        snapshot_id uuid NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('file', 'ticket', 'area')),
        a text NOT NULL,
        b text NOT NULL,
        shared integer NOT NULL,
        degree integer NOT NULL,
        average_revisions double precision NOT NULL,
        PRIMARY KEY (snapshot_id, kind, a, b)
      )`);
    await db.query(`
      CREATE TABLE snapshot_dependencies (
        snapshot_id uuid NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        from_path text NOT NULL,
        to_path text NOT NULL,
        type_only boolean NOT NULL,
        PRIMARY KEY (snapshot_id, from_path, to_path)
      )`);
    await db.query(
      `CREATE INDEX snapshot_dependencies_to_idx ON snapshot_dependencies (snapshot_id, to_path)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE repositories DROP COLUMN latest_snapshot_id`);
    for (const table of [
      'snapshot_dependencies',
      'snapshot_coupling',
      'snapshot_areas',
      'snapshot_files',
      'snapshots',
      'analysis_runs',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
