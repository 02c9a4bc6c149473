import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  ApiKeyRepository,
  EnrichmentRunRepository,
  TrackerConnectionRepository,
} from '@sightline/persistence';
import { FakeJira, FakeLinear, testConfig, type JiraEvent, type LinearEvent } from '@sightline/testing';
import { createIngestionApp } from '../../ingestion/src/ingestion.app';
import {
  answerOf,
  EnrichmentHarness,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

const INVOICE = 'Invoice total rounding is wrong when discounts apply';

describe('tracker faults: rate limits, refused credentials, failing tickets (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let linear: FakeLinear;
  let shop: ConnectedTracker;
  let team: ConnectedTracker;

  const failedJobs = async () =>
    (await harness.queue('ticket-enrichment').getJobCounts('failed')).failed +
    (await harness.queue('tracker-writeback').getJobCounts('failed')).failed;

  async function deliverJira(key: string, summary = INVOICE): Promise<string> {
    const event = jira.createIssue({
      key,
      summary,
      description: 'invoiceTotal in billing is off with discounts.',
    });
    return answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET })).runId as string;
  }

  beforeAll(async () => {
    jira = await FakeJira.start();
    linear = await FakeLinear.start();
    linear.seedTeam('SHOP');
    await harness.start();
    await harness.seedRepository();
    shop = await harness.connectJira(jira);
    team = await harness.connectLinear(linear);
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
    await linear.stop();
  });

  it('Jira 429 with Retry-After: 2 delays the write until then; no job fails, one comment', async () => {
    let limitedAt = 0;
    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 2 }, (r) => {
      const hit = r.method === 'POST' && r.path === '/rest/api/3/issue/SHOP-10/comment';
      if (hit) limitedAt = Date.now();
      return hit;
    });
    const run = await harness.settle(await deliverJira('SHOP-10'));
    expect(run.status).toBe('written');
    const comments = jira.issue('SHOP-10').comments;
    expect(comments).toHaveLength(1);
    expect(limitedAt).toBeGreaterThan(0);
    expect(comments[0].created.getTime() - limitedAt).toBeGreaterThanOrEqual(2_000);
    expect(
      jira.requests
        .filter((r) => r.path === '/rest/api/3/issue/SHOP-10/comment' && r.method === 'POST')
        .map((r) => r.status),
    ).toEqual([429, 201]);
    expect(await failedJobs()).toBe(0);
  });

  it('Linear ratelimited with retry-after 2 delays the write until then; no job fails, one comment', async () => {
    let limitedAt = 0;
    linear.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 2, resetInMs: 2_000 }, (r) => {
      const hit = r.operation === 'createComment';
      if (hit) limitedAt = Date.now();
      return hit;
    });
    const created = linear.createIssue({
      teamKey: 'SHOP',
      title: INVOICE,
      description: '`invoiceTotal` in billing.',
    });
    const key = (created.payload.data as { identifier: string }).identifier;
    const run = await harness.settle(
      answerOf(await linear.deliver(team.webhookUrl, created, { secret: WEBHOOK_SECRET })).runId as string,
    );
    expect(run.status).toBe('written');
    const comments = linear.commentsOn(key);
    expect(comments).toHaveLength(1);
    expect(comments[0].createdAt.getTime() - limitedAt).toBeGreaterThanOrEqual(2_000);
    expect(await failedJobs()).toBe(0);
  });

  it('shares a rate limit across the connection: other tickets wait for it too', async () => {
    let limitedAt = 0;
    let limited!: () => void;
    const hit = new Promise<void>((resolve) => (limited = resolve));
    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 2 }, (r) => {
      const match = r.method === 'GET' && r.path === '/rest/api/3/issue/SHOP-20';
      if (match) {
        limitedAt = Date.now();
        limited();
      }
      return match;
    });
    const first = await deliverJira('SHOP-20');
    await hit;
    await harness.delayed('ticket-enrichment', `enrich-${first}`);
    const second = await deliverJira('SHOP-21');
    expect((await harness.settle(second)).status).toBe('written');
    expect((await harness.settle(first)).status).toBe('written');
    expect(jira.issue('SHOP-21').comments[0].created.getTime() - limitedAt).toBeGreaterThanOrEqual(2_000);
    expect(jira.requests.filter((r) => r.path === '/rest/api/3/issue/SHOP-21' && r.status === 429)).toEqual(
      [],
    );
    expect(await failedJobs()).toBe(0);
  });

  it('retries a ticket whose write meets a 5xx with backoff, while other tickets go through', async () => {
    jira.failNext(
      1,
      { kind: 'server-error', status: 503, html: true },
      (r) => r.method === 'POST' && r.path === '/rest/api/3/issue/SHOP-31/comment',
    );
    const bad = await deliverJira('SHOP-31');
    const good = await deliverJira('SHOP-32');
    expect((await harness.settle(good)).status).toBe('written');
    expect((await harness.settle(bad)).status).toBe('written');
    const badWrite = await harness.queue('tracker-writeback').getJob(`write-${bad}`);
    const goodWrite = await harness.queue('tracker-writeback').getJob(`write-${good}`);
    expect(badWrite?.stacktrace).toHaveLength(1);
    expect(goodWrite?.finishedOn).toBeLessThan(badWrite?.finishedOn ?? 0);
    expect(jira.issue('SHOP-31').comments).toHaveLength(1);
  });

  describe('refused credentials', () => {
    let ops: ConnectedTracker;
    let ingestion: INestApplication;
    let adminKey: string;

    beforeAll(async () => {
      ops = await harness.connectJira(jira, { projectKey: 'OPS' });
      ingestion = await createIngestionApp(testConfig({ SIGHTLINE_ROLES: 'api' }));
      await ingestion.init();
      adminKey = (
        await ingestion.get(ApiKeyRepository).issue({ name: 'faults', role: 'admin', createdBy: 'test' })
      ).secret;
    });

    afterAll(async () => {
      await ingestion.close();
    });

    const deliverOps = async (key: string): Promise<string> => {
      const event: JiraEvent = jira.createIssue({ key, summary: INVOICE });
      return answerOf(await jira.deliver(ops.webhookUrl, event, { secret: WEBHOOK_SECRET })).runId as string;
    };
    const connection = () =>
      request(ingestion.getHttpServer())
        .get(`/api/tracker-connections/${ops.connectionId}`)
        .set('Authorization', `Bearer ${adminKey}`);

    it('marks the connection unhealthy on a 401, visibly in the ingestion API, and stops retrying', async () => {
      jira.failNext(1, { kind: 'unauthorized' }, (r) => r.path === '/rest/api/3/issue/OPS-1');
      const runId = await deliverOps('OPS-1');
      await expect(harness.waitForJob('ticket-enrichment', `enrich-${runId}`)).rejects.toThrow(
        /refused the credentials/,
      );
      const run = await harness.get(EnrichmentRunRepository).find(runId);
      expect(run).toEqual(expect.objectContaining({ status: 'blocked', attempts: 1 }));
      expect(jira.requests.filter((r) => r.path === '/rest/api/3/issue/OPS-1')).toHaveLength(1);

      const view = await connection();
      expect(view.status).toBe(200);
      expect(view.body).toEqual(
        expect.objectContaining({
          health: 'unhealthy',
          healthReason: expect.stringMatching(/refused the credentials \(HTTP 401\)/),
        }),
      );
      const ready = await harness.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.details.trackers.unhealthy).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: ops.connectionId,
            reason: expect.stringMatching(/refused the credentials/),
          }),
        ]),
      );
      // The SHOP connection on the same site is unaffected.
      expect((await harness.get(TrackerConnectionRepository).findById(shop.connectionId))?.health).toBe(
        'healthy',
      );
    });

    it('blocks later tickets of that connection without calling the tracker, until an admin fixes it', async () => {
      const blocked = await harness.settle(await deliverOps('OPS-2'));
      expect(blocked.status).toBe('blocked');
      expect(jira.requests.filter((r) => r.path.includes('OPS-2'))).toEqual([]);

      const fixed = await request(ingestion.getHttpServer())
        .patch(`/api/tracker-connections/${ops.connectionId}`)
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ auth: { kind: 'basic', email: 'sightline@example.com', apiToken: jira.botApiToken } });
      expect(fixed.body.health).toBe('unknown');

      const after = await harness.settle(await deliverOps('OPS-3'));
      expect(after.status).toBe('written');
      expect((await connection()).body).toEqual(
        expect.objectContaining({ health: 'healthy', botAccountId: jira.bot.accountId }),
      );
      const ready = await harness.http().get('/health/ready');
      expect(ready.body.details.trackers.unhealthy.map((c: { id: string }) => c.id)).not.toContain(
        ops.connectionId,
      );
    });
  });

  it('skips a ticket the tracker does not know, without failing', async () => {
    const ghost: LinearEvent = linear.createIssue({ teamKey: 'SHOP', title: INVOICE });
    const key = (ghost.payload.data as { identifier: string }).identifier;
    linear.state.issues.delete(linear.issue(key).id);
    const run = await harness.settle(
      answerOf(await linear.deliver(team.webhookUrl, ghost, { secret: WEBHOOK_SECRET })).runId as string,
    );
    expect(run).toEqual(
      expect.objectContaining({ status: 'skipped', outcome: expect.stringMatching(/not found/) }),
    );
  });
});
