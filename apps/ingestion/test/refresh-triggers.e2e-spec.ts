import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { QueueEvents, type Queue } from 'bullmq';
import request from 'supertest';
import { AnalysisRunRepository, ApiKeyRepository } from '@sightline/persistence';
import { ALL_QUEUES, redisConnectionOptions } from '@sightline/queues';
import { FakeGitHost, testConfig } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const SECRET = 'push-hook-secret-0123456789';
/** The GitHub and Bitbucket signature of a body: `sha256=` and its HMAC under the hooks' secret. */
const sign = (payload: string) => `sha256=${createHmac('sha256', SECRET).update(payload).digest('hex')}`;

describe('refresh triggers: schedules and push hooks (e2e)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sightline-refresh-'));
  const served = join(work, 'served');
  const host = new FakeGitHost({ root: served });
  const config = testConfig({ REPOSITORY_CACHE_DIR: join(work, 'cache'), GIT_WEBHOOK_SECRET: SECRET });
  let app: INestApplication;
  let admin: string;
  let baseUrl: string;
  let queue: Queue;
  let events: QueueEvents;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    const source = join(work, 'source');
    execFileSync('git', ['init', '-q', '-b', 'main', source]);
    execFileSync(
      'git',
      ['-c', 'user.name=A', '-c', 'user.email=a@x', 'commit', '-q', '--allow-empty', '-m', 'first'],
      { cwd: source },
    );
    mkdirSync(served);
    execFileSync('git', ['clone', '-q', '--bare', source, join(served, 'shop.git')]);
    baseUrl = await host.start();
    app = await createIngestionApp(config);
    await app.init();
    admin = (await app.get(ApiKeyRepository).issue({ name: 'refresh', role: 'admin', createdBy: 'test' }))
      .secret;
    queue = (app.get(ALL_QUEUES) as ReadonlyMap<string, Queue>).get('repository-analysis') as Queue;
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

  async function register(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await api()
      .post('/api/repositories')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name, cloneUrl: `${baseUrl}/shop.git`, ...extra });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('keeps one job scheduler per repository schedule, following updates and deletes', async () => {
    const id = await register('scheduled', { refreshSchedule: '0 3 * * *' });
    const schedulers = async () =>
      (await queue.getJobSchedulers(0, -1)).filter((s) => s.key === `refresh-${id}`);
    expect(await schedulers()).toEqual([
      expect.objectContaining({ pattern: '0 3 * * *', name: 'refresh-repository' }),
    ]);
    await api()
      .patch(`/api/repositories/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ refreshSchedule: '*/30 * * * *' });
    expect(await schedulers()).toEqual([expect.objectContaining({ pattern: '*/30 * * * *' })]);
    await api().delete(`/api/repositories/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(await schedulers()).toEqual([]);
  });

  it('a scheduled refresh job starts an analysis run', async () => {
    const id = await register('refreshed');
    const job = await queue.add('refresh-repository', { repositoryId: id });
    const result = (await job.waitUntilFinished(events)) as { runId: string };
    const run = await app.get(AnalysisRunRepository).find(result.runId);
    expect(run).toEqual(expect.objectContaining({ repositoryId: id, trigger: 'schedule' }));
  });

  it('a signed GitHub push to the branch refreshes the matching repository; forged ones are refused', async () => {
    const id = await register('pushed', { defaultBranch: 'main' });
    const body = JSON.stringify({ ref: 'refs/heads/main', repository: { clone_url: `${baseUrl}/shop` } });
    const send = (payload: string, signature: string, event = 'push') =>
      api()
        .post('/webhooks/git/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', event)
        .set('X-Hub-Signature-256', signature)
        .send(payload);

    const forged = await send(body, sign(body.replace('main', 'evil')));
    expect(forged.status).toBe(401);
    const accepted = await send(body, sign(body));
    expect(accepted.status).toBe(202);
    expect(accepted.body.triggered).toEqual(
      expect.arrayContaining([{ repositoryId: id, runId: expect.any(String) }]),
    );

    const otherBranch = JSON.stringify({
      ref: 'refs/heads/feature',
      repository: { clone_url: `${baseUrl}/shop.git` },
    });
    const ignored = await send(otherBranch, sign(otherBranch));
    expect(ignored.body.triggered.map((entry: { repositoryId: string }) => entry.repositoryId)).not.toContain(
      id,
    );
    expect((await send('{}', sign('{}'), 'ping')).body).toEqual({ event: 'ping', triggered: [] });
    // A hook left on GitHub's default content type sends a form: signed, but not JSON.
    const form = `payload=${encodeURIComponent(body)}`;
    const refused = await api()
      .post('/webhooks/git/github')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-GitHub-Event', 'push')
      .set('X-Hub-Signature-256', sign(form))
      .send(form);
    expect(refused.status).toBe(415);
    expect(refused.body.error.message).toContain('application/json');
    const notJson = await send('{"ref": ', sign('{"ref": '));
    expect(notJson.status).toBe(400);
  });

  it('a GitLab push with the right token refreshes; a wrong token is refused', async () => {
    const id = await register('gitlab-pushed', { defaultBranch: 'main' });
    const body = { ref: 'refs/heads/main', project: { git_http_url: `${baseUrl}/shop.git` } };
    const wrong = await api()
      .post('/webhooks/git/gitlab')
      .set('X-Gitlab-Event', 'Push Hook')
      .set('X-Gitlab-Token', 'nope')
      .send(body);
    expect(wrong.status).toBe(401);
    const right = await api()
      .post('/webhooks/git/gitlab')
      .set('X-Gitlab-Event', 'Push Hook')
      .set('X-Gitlab-Token', SECRET)
      .send(body);
    expect(right.status).toBe(202);
    expect(right.body.triggered.map((entry: { repositoryId: string }) => entry.repositoryId)).toContain(id);
  });

  it('a signed Bitbucket Cloud push to the branch refreshes the repository at that page; forged ones are refused', async () => {
    const id = await register('bitbucket-pushed', { defaultBranch: 'main' });
    const push = (...changes: unknown[]) =>
      JSON.stringify({ repository: { links: { html: { href: `${baseUrl}/shop` } } }, push: { changes } });
    const send = (payload: string, signature: string, event = 'repo:push') =>
      api()
        .post('/webhooks/git/bitbucket')
        .set('Content-Type', 'application/json')
        .set('X-Event-Key', event)
        .set('X-Hub-Signature', signature)
        .send(payload);
    const triggeredIds = (response: request.Response) =>
      (response.body.triggered as { repositoryId: string }[]).map((entry) => entry.repositoryId);

    const toMain = push(
      { new: { type: 'tag', name: 'v1.0.0' } },
      { new: { type: 'branch', name: 'main' }, old: { type: 'branch', name: 'main' } },
    );
    expect((await send(toMain, sign(push()))).status).toBe(401);
    expect((await send(toMain, 'sha256=00')).status).toBe(401);
    const accepted = await send(toMain, sign(toMain));
    expect(accepted.status).toBe(202);
    expect(triggeredIds(accepted)).toContain(id);

    const elsewhere = push({ new: { type: 'branch', name: 'feature' } }, { new: null });
    expect(triggeredIds(await send(elsewhere, sign(elsewhere)))).not.toContain(id);
    expect((await send('{}', sign('{}'), 'repo:fork')).body).toEqual({ event: 'repo:fork', triggered: [] });
    const malformed = JSON.stringify({ repository: {} });
    expect((await send(malformed, sign(malformed))).status).toBe(400);
  });

  it('a signed Bitbucket Data Center push to the branch refreshes the repository by its clone URL', async () => {
    const id = await register('bitbucket-server-pushed', { defaultBranch: 'main' });
    const refsChanged = (...changes: unknown[]) =>
      JSON.stringify({
        eventKey: 'repo:refs_changed',
        repository: {
          slug: 'shop',
          project: { key: 'SHOP' },
          links: {
            clone: [
              { href: 'ssh://git@bitbucket.internal:7999/shop/shop.git', name: 'ssh' },
              { href: `${baseUrl}/shop.git`, name: 'http' },
            ],
            self: [{ href: `${baseUrl}/projects/SHOP/repos/shop/browse` }],
          },
        },
        changes,
      });
    const send = (payload: string, event = 'repo:refs_changed') =>
      api()
        .post('/webhooks/git/bitbucket')
        .set('Content-Type', 'application/json')
        .set('X-Event-Key', event)
        .set('X-Hub-Signature', sign(payload))
        .send(payload);
    const triggeredIds = (response: request.Response) =>
      (response.body.triggered as { repositoryId: string }[]).map((entry) => entry.repositoryId);
    const change = (id: string, refType: string, type: string) => ({
      ref: { id, displayId: id.replace(/^refs\/(heads|tags)\//, ''), type: refType },
      refId: id,
      fromHash: 'a'.repeat(40),
      toHash: type === 'DELETE' ? '0'.repeat(40) : 'b'.repeat(40),
      type,
    });

    const toMain = refsChanged(
      change('refs/tags/v2', 'TAG', 'ADD'),
      change('refs/heads/main', 'BRANCH', 'UPDATE'),
    );
    const accepted = await send(toMain);
    expect(accepted.status).toBe(202);
    expect(accepted.body.event).toBe('repo:refs_changed');
    expect(triggeredIds(accepted)).toContain(id);

    const deleted = refsChanged(change('refs/heads/main', 'BRANCH', 'DELETE'));
    expect(triggeredIds(await send(deleted))).not.toContain(id);
    const elsewhere = refsChanged(change('refs/heads/feature', 'BRANCH', 'ADD'));
    expect(triggeredIds(await send(elsewhere))).not.toContain(id);
    // "Test connection" in Bitbucket's webhook settings.
    expect((await send('{"test":true}', 'diagnostics:ping')).body).toEqual({
      event: 'diagnostics:ping',
      triggered: [],
    });
    const malformed = JSON.stringify({ repository: {}, changes: [{ ref: {} }] });
    const refused = await send(malformed);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('changes.0.ref.id');
  });

  it('refreshes a Bitbucket repository without a default branch on pushes to the one its analysis read', async () => {
    const id = await register('bitbucket-no-branch');
    const push = (branch: string) =>
      JSON.stringify({
        repository: { links: { html: { href: `${baseUrl}/shop` } } },
        push: { changes: [{ new: { type: 'branch', name: branch } }] },
      });
    const send = (payload: string) =>
      api()
        .post('/webhooks/git/bitbucket')
        .set('Content-Type', 'application/json')
        .set('X-Event-Key', 'repo:push')
        .set('X-Hub-Signature', sign(payload))
        .send(payload);
    const runOf = async (branch: string) =>
      ((await send(push(branch))).body.triggered as { repositoryId: string; runId: string }[]).find(
        (entry) => entry.repositoryId === id,
      )?.runId;
    const triggers = async (branch: string) => (await runOf(branch)) !== undefined;
    // Before any analysis nothing says which branch is the main one: any push refreshes.
    const runId = await runOf('feature');
    expect(runId).toEqual(expect.any(String));
    // The repository's one commit is empty: an analysis of no files succeeds too.
    expect(await (await queue.getJob(`analyse-${runId}`))?.waitUntilFinished(events)).toEqual({
      snapshotId: expect.any(String),
    });
    const { body } = await api().get(`/api/repositories/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(body).toEqual(expect.objectContaining({ defaultBranch: null, remoteDefaultBranch: 'main' }));
    expect(await triggers('feature')).toBe(false);
    expect(await triggers('main')).toBe(true);

    // Another clone URL may be another remote: its default branch is found again.
    const moved = await api()
      .patch(`/api/repositories/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ cloneUrl: `${baseUrl}/shop-moved.git` })
      .expect(200);
    expect(moved.body.remoteDefaultBranch).toBeNull();
  });
});
