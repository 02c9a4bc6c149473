import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys, the audit log and the admin entities (repositories, trackers, project mappings). */
export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'viewer')),
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        before jsonb,
        after jsonb,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id, created_at)`,
    );
    await db.query(`
      CREATE TABLE repositories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        clone_url text NOT NULL,
        default_branch text,
        credential_kind text CHECK (credential_kind IN ('token', 'ssh-key')),
        credential_ciphertext text,
        exclusions jsonb NOT NULL DEFAULT '[]',
        refresh_cron text,
        history_window_days integer CHECK (history_window_days > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE tracker_connections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('jira', 'linear')),
        base_url text,
        auth_kind text NOT NULL,
        credential_ciphertext text NOT NULL,
        webhook_secret_ciphertext text,
        bot_account_id text,
        health text NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown', 'healthy', 'unhealthy')),
        health_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE project_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        connection_id uuid NOT NULL REFERENCES tracker_connections (id) ON DELETE RESTRICT,
        project_key text NOT NULL,
        path_rules jsonb NOT NULL DEFAULT '[]',
        risk_thresholds jsonb NOT NULL DEFAULT '{}',
        writeback_mode text NOT NULL DEFAULT 'comment+label'
          CHECK (writeback_mode IN ('comment', 'comment+label', 'dry-run')),
        grooming jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (connection_id, project_key)
      )`);
    // RESTRICT: a repository that a mapping uses cannot be deleted out from under it.
    await db.query(`
      CREATE TABLE project_mapping_repositories (
        mapping_id uuid NOT NULL REFERENCES project_mappings (id) ON DELETE CASCADE,
        repository_id uuid NOT NULL REFERENCES repositories (id) ON DELETE RESTRICT,
        PRIMARY KEY (mapping_id, repository_id)
      )`);
    await db.query(
      `CREATE INDEX project_mapping_repositories_repo_idx ON project_mapping_repositories (repository_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'project_mapping_repositories',
      'project_mappings',
      'tracker_connections',
      'repositories',
      'audit_log',
      'api_keys',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
