import { Client } from 'pg';
import { createDataSource, runMigrations } from '../../libs/persistence/src/data-source';
import { adminPostgresUrl, databaseUrlFor, testRedisUrl, uniqueRunId } from './test-environment';

/**
 * One database and one BullMQ prefix per test run, so parallel runs (and CI next to a developer)
 * never see each other's rows or jobs. Medium and e2e share it; the second call finds it set up.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SIGHTLINE_TEST_RUN_ID) return;
  const runId = uniqueRunId();
  const database = `sightline_test_${runId}`;
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseUrlFor(database);
  const dataSource = createDataSource(databaseUrl, 'sightline-test-setup');
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  Object.assign(process.env, {
    SIGHTLINE_TEST_RUN_ID: runId,
    SIGHTLINE_TEST_DATABASE: database,
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: `sltest-${runId}`,
    SECRETS_KEYS: `test:${Buffer.alloc(32, 42).toString('base64')}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
  });
}
