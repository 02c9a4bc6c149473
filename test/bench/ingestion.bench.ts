// npm run bench:ingestion -- <repository> [--runs N]
// Prints the end-to-end time from an analysis trigger to the committed snapshot through the real
// ingestion service (queue, worker, mirror, analysis, PostgreSQL), next to the in-process
// analysis the CLI runs on the same repository, and the snapshot write throughput (rows/s).
// Needs PostgreSQL and Redis as the tests do. Figures only; nothing here asserts a time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QueueEvents, type Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { analyseRepository } from '@sightline/analysis';
import { loadConfig } from '@sightline/config';
import {
  ApiKeyRepository,
  createDataSource,
  runMigrations,
  SnapshotRepository,
} from '@sightline/persistence';
import { ALL_QUEUES, redisConnectionOptions } from '@sightline/queues';
import { toNewSnapshot } from '../../apps/ingestion/src/analysis/snapshot-rows.mapper';
import { createIngestionApp } from '../../apps/ingestion/src/ingestion.app';
import { adminPostgresUrl, databaseUrlFor, testRedisUrl } from '../setup/test-environment';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const repository = process.argv[2];
  if (!repository) throw new Error('usage: npm run bench:ingestion -- <repository>');
  const path = resolve(repository);
  const id = randomBytes(4).toString('hex');
  const database = `sightline_bench_${id}`;
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const work = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  const config = loadConfig({
    DATABASE_URL: databaseUrlFor(database),
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: `slbench-${id}`,
    SECRETS_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    REPOSITORY_CACHE_DIR: join(work, 'cache'),
    ALLOW_LOCAL_REPOSITORIES: 'true',
    LOG_LEVEL: 'warn',
  });
  const migrator = createDataSource(config.DATABASE_URL);
  await migrator.initialize();
  await runMigrations(migrator);
  await migrator.destroy();

  const app = await createIngestionApp(config);
  await app.init();
  const events = new QueueEvents('repository-analysis', {
    connection: redisConnectionOptions(config.REDIS_URL),
    prefix: config.QUEUE_PREFIX,
  });
  await events.waitUntilReady();
  try {
    const key = (await app.get(ApiKeyRepository).issue({ name: 'bench', role: 'admin', createdBy: 'bench' }))
      .secret;
    const auth = { Authorization: `Bearer ${key}` };
    const created = await request(app.getHttpServer())
      .post('/api/repositories')
      .set(auth)
      .send({ name: 'bench', cloneUrl: `file://${path}` });
    if (created.status !== 201) throw new Error(`registration failed: ${JSON.stringify(created.body)}`);

    const cliStarted = Date.now();
    const local = await analyseRepository(path, {});
    const cliMs = Date.now() - cliStarted;

    const triggerStarted = Date.now();
    const run = await request(app.getHttpServer())
      .post(`/api/repositories/${created.body.id}/analyses`)
      .set(auth);
    const queue = (app.get(ALL_QUEUES) as ReadonlyMap<string, Queue>).get('repository-analysis') as Queue;
    await (await queue.getJob(`analyse-${run.body.id}`))?.waitUntilFinished(events, 3_600_000);
    const endToEndMs = Date.now() - triggerStarted;
    const finished = (await request(app.getHttpServer()).get(`/api/analyses/${run.body.id}`).set(auth)).body;
    if (finished.status !== 'succeeded') throw new Error(`run ${finished.status}: ${finished.reason}`);

    // Write throughput, measured on its own: the same rows committed again as a new snapshot.
    const rows = await toNewSnapshot(
      local.snapshot,
      { repositoryId: created.body.id, runId: run.body.id },
      { incrementalState: null, corpus: undefined },
    );
    const rowCount = rows.files.length + rows.areas.length + rows.coupling.length + rows.dependencies.length;
    const writeStarted = Date.now();
    await app.get(SnapshotRepository).commit(rows, {}, 2);
    const writeMs = Date.now() - writeStarted;

    console.log(`repository            ${path}`);
    console.log(
      `commits / files       ${local.snapshot.repository.commits} / ${local.snapshot.files.length}`,
    );
    console.log(`CLI analysis          ${seconds(cliMs)}`);
    console.log(
      `trigger → snapshot    ${seconds(endToEndMs)}  (ratio to CLI ${(endToEndMs / cliMs).toFixed(2)}; includes the clone into the cache)`,
    );
    console.log(
      `  of which analysis   ${seconds(finished.counts.analysisMillis)}; clone + snapshot write + queueing ${seconds(endToEndMs - finished.counts.analysisMillis)}`,
    );
    console.log(
      `snapshot write        ${rowCount} rows in ${seconds(writeMs)} = ${Math.round(rowCount / (writeMs / 1000))} rows/s (${((writeMs / cliMs) * 100).toFixed(1)}% of the analysis time)`,
    );
  } finally {
    await events.close();
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
