import type { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGERS = ['webhook', 'api', 'force', 'feedback', 'sweep', 'recheck'];

/**
 * A connection's report links can be renewed (a link leaked): its tickets are enriched again under
 * the new `relink` trigger, and the write-back remembers which link the machine data carries, so
 * that the Linear attachment of the old link (Linear keys attachments by URL) is removed when the
 * new one is written.
 */
export class ReportLinkRenewal1796300000000 implements MigrationInterface {
  name = 'ReportLinkRenewal1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_writeback_state ADD COLUMN machine_url text`);
    await this.allowTriggers(db, [...TRIGGERS, 'relink']);
  }

  async down(db: QueryRunner): Promise<void> {
    // The old constraint cannot hold relink runs: they are history of a feature going away.
    await db.query(`DELETE FROM enrichment_runs WHERE trigger = 'relink'`);
    await this.allowTriggers(db, TRIGGERS);
    await db.query(`ALTER TABLE ticket_writeback_state DROP COLUMN machine_url`);
  }

  private async allowTriggers(db: QueryRunner, triggers: readonly string[]): Promise<void> {
    await db.query(`ALTER TABLE enrichment_runs DROP CONSTRAINT enrichment_runs_trigger_check`);
    await db.query(
      `ALTER TABLE enrichment_runs ADD CONSTRAINT enrichment_runs_trigger_check
         CHECK (trigger IN (${triggers.map((trigger) => `'${trigger}'`).join(', ')}))`,
    );
  }
}
