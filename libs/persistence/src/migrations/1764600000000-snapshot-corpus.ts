import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The matcher's per-file text (symbols, comments, commit subjects), kept with each snapshot. */
export class SnapshotCorpus1764600000000 implements MigrationInterface {
  name = 'SnapshotCorpus1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE snapshots ADD COLUMN corpus bytea`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE snapshots DROP COLUMN corpus`);
  }
}
