import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The branch an analysis read for a repository registered without `default_branch`: the remote's
 * default, found when the mirror was fetched. Push hooks that do not name the default branch
 * (Bitbucket's) then refresh on pushes to it only.
 */
export class RepositoryRemoteDefault1796500000000 implements MigrationInterface {
  name = 'RepositoryRemoteDefault1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE repositories ADD COLUMN remote_default_branch text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE repositories DROP COLUMN remote_default_branch`);
  }
}
