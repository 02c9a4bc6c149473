import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each tracker connection's key for signing the report links written into its tickets, sealed
 * with SecretCipher like its other secrets. Created on first use, so connections made before this
 * migration get one with their next note; it never changes, so a link stays the same for the life
 * of the connection (Linear recognises Sightline's attachment on an issue by that link).
 */
export class ReportLinkKeys1796200000000 implements MigrationInterface {
  name = 'ReportLinkKeys1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tracker_connections ADD COLUMN report_link_key_ciphertext text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tracker_connections DROP COLUMN report_link_key_ciphertext`);
  }
}
