import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { QueueEvents, type Queue } from 'bullmq';
import request from 'supertest';
import { AnalysisRunRepository, ApiKeyRepository, createDataSource } from '@sightline/persistence';
import { ALL_QUEUES, redisConnectionOptions } from '@sightline/queues';
import { FakeGitHost, spawnWorkerProcess, testConfig } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

/** A history long enough that the worker is still busy when it is killed. */
function buildHistory(repo: string, commits: number): void {
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  let script = '';
  for (let i = 1; i <= commits; i += 1) {
    const file = `src/module${i % 40}/file${i % 7}.ts`;
    const content = `export function f${i}(x: number) {\n  return x > ${i} ? x : ${i};\n}\n`;
    script += `commit refs/heads/main\ncommitter Dev <dev@example.test> ${1_700_000_000 + i * 3600} +0000\ndata <<EOM\nSHOP-${i} change ${i}\nEOM\n`;
    script += `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: script });
}

describe('a worker killed mid-analysis (e2e)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sightline-crash-'));
  const served = join(work, 'served');
  const host = new FakeGitHost({ root: served });
  const config = testConfig({ SIGHTLINE_ROLES: 'api', WORKER_LOCK_MS: '2000' });
  const workers: ChildProcess[] = [];
  let app: INestApplication;
  let events: QueueEvents;

  async function startWorker(): Promise<ChildProcess> {
    const child = await spawnWorkerProcess('ingestion', config, {
      WORKER_LOCK_MS: '2000',
      REPOSITORY_CACHE_DIR: join(work, 'cache'),
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    mkdirSync(served);
    buildHistory(join(work, 'source'), 1500);
    execFileSync('git', ['clone', '-q', '--bare', join(work, 'source'), join(served, 'big.git')]);
    writeFileSync(join(served, 'big.git', 'HEAD'), 'ref: refs/heads/main\n');
    const baseUrl = await host.start();
    app = await createIngestionApp(config);
    await app.init();
    events = new QueueEvents('repository-analysis', {
      connection: redisConnectionOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
    const admin = (await app.get(ApiKeyRepository).issue({ name: 'crash', role: 'admin', createdBy: 'test' }))
      .secret;
    const created = await request(app.getHttpServer())
      .post('/api/repositories')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'big', cloneUrl: `${baseUrl}/big.git` });
    expect(created.status).toBe(201);
    repositoryId = created.body.id;
    const triggered = await request(app.getHttpServer())
      .post(`/api/repositories/${repositoryId}/analyses`)
      .set('Authorization', `Bearer ${admin}`);
    runId = triggered.body.id;
  });

  let repositoryId: string;
  let runId: string;

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await events.close();
    await app.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('is recovered by another worker: the run completes once, with one snapshot', async () => {
    const jobId = `analyse-${runId}`;
    // The first progress report comes after the run is marked running: the job is under way.
    const started = new Promise<void>((resolve) => {
      events.on('progress', ({ jobId: reporting }) => reporting === jobId && resolve());
    });
    const first = await startWorker();
    await started;
    first.kill('SIGKILL');

    await startWorker();
    const queue = (app.get(ALL_QUEUES) as ReadonlyMap<string, Queue>).get('repository-analysis') as Queue;
    const job = await queue.getJob(jobId);
    await job?.waitUntilFinished(events, 120_000);

    const run = await app.get(AnalysisRunRepository).find(runId);
    expect(run).toEqual(expect.objectContaining({ status: 'succeeded', snapshotId: expect.any(String) }));
    expect(run?.attempts).toBeGreaterThanOrEqual(2);
    expect(run?.counts).toEqual(expect.objectContaining({ commits: 1500 }));
    expect(
      (await app.get(AnalysisRunRepository).listForRepository(repositoryId, 10, 0)).map(
        (entry) => entry.status,
      ),
    ).toEqual(['succeeded']);
    const database = createDataSource(config.DATABASE_URL);
    await database.initialize();
    const [{ snapshots }] = await database.query(
      `SELECT count(*)::int AS snapshots FROM snapshots WHERE repository_id = $1`,
      [repositoryId],
    );
    await database.destroy();
    expect(snapshots).toBe(1);
  });
});
