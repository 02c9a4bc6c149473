import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { QueueEvents, type Queue } from 'bullmq';
import request from 'supertest';
import { analyseRepository } from '@sightline/analysis';
import { ApiKeyRepository, SnapshotRepository } from '@sightline/persistence';
import { ALL_QUEUES, BACKGROUND_PRIORITY, redisConnectionOptions } from '@sightline/queues';
import { FakeGitHost, testConfig } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const TOKEN = 'git-host-token-5b6c7d';
let clock = Date.parse('2025-03-01T10:00:00Z') / 1000;

function commit(repo: string, message: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  clock += 86_400;
  const date = `${clock} +0000`;
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', message], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.test',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.test',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

describe('repository analysis pipeline (e2e)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sightline-pipeline-'));
  const source = join(work, 'source');
  const served = join(work, 'served');
  const host = new FakeGitHost({ root: served, token: TOKEN });
  const config = testConfig({ REPOSITORY_CACHE_DIR: join(work, 'cache') });
  let app: INestApplication;
  let events: QueueEvents;
  let admin: string;
  let baseUrl: string;

  const api = () => request(app.getHttpServer());
  const publish = () =>
    execFileSync('git', ['push', '-q', '--force', join(served, 'shop.git'), 'main'], { cwd: source });
  /** Registers the served repository under `name` through the API. */
  const register = (name: string, token = TOKEN) =>
    api()
      .post('/api/repositories')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name, cloneUrl: `${baseUrl}/shop.git`, credentials: { kind: 'token', token } });

  async function analyse(repositoryId: string) {
    const triggered = await api()
      .post(`/api/repositories/${repositoryId}/analyses`)
      .set('Authorization', `Bearer ${admin}`);
    expect(triggered.status).toBe(202);
    const queue = (app.get(ALL_QUEUES) as ReadonlyMap<string, Queue>).get('repository-analysis');
    const job = await queue?.getJob(`analyse-${triggered.body.id}`);
    await job?.waitUntilFinished(events).catch(() => undefined);
    return (await api().get(`/api/analyses/${triggered.body.id}`).set('Authorization', `Bearer ${admin}`))
      .body;
  }

  beforeAll(async () => {
    execFileSync('git', ['init', '-q', '-b', 'main', source]);
    commit(source, 'SHOP-1 add cart', {
      'src/cart/cart.ts':
        'export function total(xs: number[]) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n',
    });
    commit(source, 'SHOP-2 add checkout', {
      'src/checkout/checkout.ts':
        "import { total } from '../cart/cart';\nexport function pay(xs: number[], coupon?: string) {\n  if (coupon && xs.length) return total(xs) * 0.9;\n  return total(xs);\n}\n",
    });
    commit(source, 'fix: SHOP-3 rounding in checkout', {
      'src/checkout/checkout.ts':
        "import { total } from '../cart/cart';\nexport function pay(xs: number[], coupon?: string) {\n  if (coupon && xs.length) return Math.round(total(xs) * 0.9);\n  return total(xs) ?? 0;\n}\n",
    });
    mkdirSync(served);
    execFileSync('git', ['init', '-q', '--bare', join(served, 'shop.git')]);
    publish();
    execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: join(served, 'shop.git') });
    baseUrl = await host.start();
    app = await createIngestionApp(config);
    await app.init();
    admin = (await app.get(ApiKeyRepository).issue({ name: 'pipeline', role: 'admin', createdBy: 'test' }))
      .secret;
    events = new QueueEvents('repository-analysis', {
      connection: redisConnectionOptions(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await app.close();
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('registers, analyses, and serves the same figures the CLI computes', async () => {
    const created = await register('shop');
    expect(created.status).toBe(201);
    const id = created.body.id;

    const run = await analyse(id);
    expect(run).toEqual(expect.objectContaining({ status: 'succeeded', progress: 100, reason: null }));
    expect(run.counts).toEqual(expect.objectContaining({ commits: 3, files: 2 }));
    // The enrichment service re-checks the tickets on this snapshot, behind the tickets people touch.
    const enrichment = (app.get(ALL_QUEUES) as ReadonlyMap<string, Queue>).get('ticket-enrichment');
    const recheck = await enrichment?.getJob(`recheck-${run.snapshotId}`);
    expect(recheck?.data).toEqual({ repositoryId: id, snapshotId: run.snapshotId });
    expect(recheck?.opts.priority).toBe(BACKGROUND_PRIORITY);

    const local = (await analyseRepository(source, { rev: 'main' })).snapshot;
    const corpus = JSON.parse(
      gunzipSync((await app.get(SnapshotRepository).corpus(run.snapshotId)) as Buffer).toString('utf8'),
    );
    expect(corpus.files.map((file: { path: string }) => file.path).sort()).toEqual(
      local.files.map((file) => file.path).sort(),
    );
    const hotspots = await api()
      .get(`/api/repositories/${id}/hotspots`)
      .set('Authorization', `Bearer ${admin}`);
    expect(hotspots.status).toBe(200);
    expect(hotspots.body.snapshot.head).toBe(local.repository.head);
    const byHotspot = [...local.files].sort(
      (a, b) => b.hotspotScore - a.hotspotScore || (a.path < b.path ? -1 : 1),
    );
    expect(hotspots.body.items).toEqual(byHotspot);

    const areas = await api()
      .get(`/api/repositories/${id}/areas`)
      .query({ sort: 'path' })
      .set('Authorization', `Bearer ${admin}`);
    expect(areas.body.items.map((area: { path: string }) => area.path)).toEqual(
      local.areas.map((area) => area.path).sort(),
    );

    const checkoutArea = local.files.find((file) => file.path === 'src/checkout/checkout.ts')?.area ?? '';
    const area = await api()
      .get(`/api/repositories/${id}/areas/${encodeURIComponent(checkoutArea)}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(area.status).toBe(200);
    expect(area.body.files.items.map((file: { path: string }) => file.path)).toContain(
      'src/checkout/checkout.ts',
    );

    const file = await api()
      .get(`/api/repositories/${id}/files/${encodeURIComponent('src/checkout/checkout.ts')}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(file.body.file).toEqual(local.files.find((entry) => entry.path === 'src/checkout/checkout.ts'));

    const dependencies = await api()
      .get(`/api/repositories/${id}/dependencies`)
      .set('Authorization', `Bearer ${admin}`);
    expect(dependencies.body.items).toEqual(local.dependencies);

    // New commits: an incremental run that reads only what is new.
    commit(source, 'SHOP-4 add receipts', {
      'src/receipts/receipt.ts': 'export const receipt = (n: number) => `total ${n}`;\n',
    });
    publish();
    const second = await analyse(id);
    expect(second).toEqual(
      expect.objectContaining({
        status: 'succeeded',
        commitRange: { from: local.repository.head, to: expect.any(String), incremental: true },
      }),
    );
    expect(second.counts).toEqual(
      expect.objectContaining({ commits: 4, files: 3, commitsReused: 3, commitsRead: 1 }),
    );

    // Nothing new: the run succeeds at once on the current snapshot.
    const third = await analyse(id);
    expect(third).toEqual(
      expect.objectContaining({ status: 'succeeded', snapshotId: second.snapshotId, phase: 'up to date' }),
    );
  });

  it('lists hotspots without test files on ?tests=exclude, and names the parameter on a bad value', async () => {
    const { body } = await register('shop-tested');
    commit(source, 'SHOP-6 receipts are tested', {
      'src/receipts/receipt.spec.ts': "import { receipt } from './receipt';\nreceipt(1);\n",
    });
    publish();
    expect((await analyse(body.id)).status).toBe('succeeded');
    const paths = async (tests?: string) => {
      const response = await api()
        .get(`/api/repositories/${body.id}/hotspots`)
        .query(tests ? { tests } : {})
        .set('Authorization', `Bearer ${admin}`);
      return response.body.items.map((file: { path: string }) => file.path);
    };
    expect(await paths()).toContain('src/receipts/receipt.spec.ts');
    const withoutTests = await paths('exclude');
    expect(withoutTests).not.toContain('src/receipts/receipt.spec.ts');
    expect(withoutTests).toContain('src/receipts/receipt.ts');
    const bad = await api()
      .get(`/api/repositories/${body.id}/hotspots`)
      .query({ tests: 'none' })
      .set('Authorization', `Bearer ${admin}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('tests');
  });

  it('fails a run with wrong credentials at once, with a reason a person can act on', async () => {
    const created = await register('shop-bad-token', 'wrong');
    const run = await analyse(created.body.id);
    expect(run.status).toBe('failed');
    expect(run.attempts).toBe(1);
    expect(run.reason).toContain('refused the credentials');
    expect(JSON.stringify(run)).not.toContain(TOKEN);
  });

  it("lists a repository's runs to a viewer, who cannot trigger one", async () => {
    const created = await register('shop-coalesce');
    const viewer = (await app.get(ApiKeyRepository).issue({ name: 'v', role: 'viewer', createdBy: 'test' }))
      .secret;
    const denied = await api()
      .post(`/api/repositories/${created.body.id}/analyses`)
      .set('Authorization', `Bearer ${viewer}`);
    expect(denied.status).toBe(403);
    const first = await analyse(created.body.id);
    expect(first.status).toBe('succeeded');
    const runs = await api()
      .get(`/api/repositories/${created.body.id}/analyses`)
      .set('Authorization', `Bearer ${viewer}`);
    expect(runs.status).toBe(200);
    expect(runs.body.map((run: { id: string }) => run.id)).toEqual([first.id]);
  });

  it('clones a repository copy that lacks objects again, and the run still succeeds', async () => {
    const created = await register('shop-mended');
    expect((await analyse(created.body.id)).status).toBe('succeeded');

    // Damage the copy: the blob the next commit's diff needs is gone from disk.
    const mirror = join(work, 'cache', `${created.body.id}.git`);
    const blob = execFileSync('git', ['rev-parse', 'HEAD:src/cart/cart.ts'], { cwd: mirror })
      .toString()
      .trim();
    const object = join(mirror, 'objects', blob.slice(0, 2), blob.slice(2));
    expect(existsSync(object)).toBe(true);
    rmSync(object);
    commit(source, 'SHOP-5 cart totals of an empty cart', {
      'src/cart/cart.ts':
        'export function total(xs: number[]) {\n  return xs.length ? xs.reduce((a, b) => a + b, 0) : 0;\n}\n',
    });
    publish();

    const mended = await analyse(created.body.id);
    expect(mended).toEqual(expect.objectContaining({ status: 'succeeded', attempts: 1 }));
    expect(mended.counts).toEqual(expect.objectContaining({ commitsRead: 1 }));
    expect(holdsObject(mirror, blob)).toBe(true);
  });
});

/** Whether the repository holds the object (loose or packed). */
function holdsObject(repository: string, oid: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', oid], { cwd: repository });
    return true;
  } catch {
    return false;
  }
}
