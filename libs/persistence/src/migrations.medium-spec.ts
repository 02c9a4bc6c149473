import { Client } from 'pg';
import { createDataSource, revertLastMigration, runMigrations } from './data-source';
import { migrations } from './migrations';
import { testConfig } from '@sightline/testing';

/** Migrations go down and up again cleanly on a scratch database. */
describe('migrations (medium)', () => {
  const base = new URL(testConfig().DATABASE_URL);
  const scratch = `${base.pathname.slice(1)}_mig`;
  const admin = new Client({ connectionString: base.toString() });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratch}`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  });

  it('applies every migration, reverts them all, and applies them again', async () => {
    const url = new URL(base.toString());
    url.pathname = `/${scratch}`;
    const dataSource = createDataSource(url.toString());
    await dataSource.initialize();
    try {
      expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
      expect(await runMigrations(dataSource)).toEqual([]);
      for (let i = 0; i < migrations.length; i += 1) await revertLastMigration(dataSource);
      const tables = await dataSource.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(tables[0].n).toBe(0);
      expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
    } finally {
      await dataSource.destroy();
    }
  });
});
