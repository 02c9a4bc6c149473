import type { ChildProcess } from 'node:child_process';
import { QueueEvents, type Job } from 'bullmq';
import { EnrichmentRunRepository, SweepRepository, type SweepRecord } from '@sightline/persistence';
import { redisConnectionOptions } from '@sightline/queues';
import { FakeJira, spawnWorkerProcess } from '@sightline/testing';
import { sweepRunId } from '../src/grooming/sweep-decision';
import { EnrichmentHarness, type ConnectedTracker } from './support/enrichment-harness.fixture-spec';

const LOCK_MS = '2000';
const BACKLOG = 200;
/** GROOMING_PAGE_SIZE's default, which the worker processes run with. */
const PAGE_SIZE = 50;
const SEARCH = '/rest/api/3/search/jql';
const keys = Array.from({ length: BACKLOG }, (_, i) => `SHOP-${i + 1}`);
/** The sweep is killed while it asks for this page (1-based): two pages are recorded by then. */
const KILL_ON_PAGE = 3;

function tokenOf(request: { query: Record<string, string[]>; body: unknown }): string | null {
  const fromBody = (request.body as { nextPageToken?: unknown } | undefined)?.nextPageToken;
  if (typeof fromBody === 'string') return fromBody;
  return request.query.nextPageToken?.[0] ?? null;
}

/**
 * The worker is a separate process, SIGKILLed while the sweep is under way: it has recorded two
 * pages (their enrichments queued, some running) and is asking for the third. Another worker
 * takes the stalled sweep over from its stored cursor.
 */
describe('a grooming sweep whose worker is killed halfway (e2e)', () => {
  const harness = new EnrichmentHarness();
  const workers: ChildProcess[] = [];
  let current: ChildProcess | null = null;
  let jira: FakeJira;
  let shop: ConnectedTracker;
  let sweepEvents: QueueEvents;

  async function startWorker(): Promise<void> {
    const child = await spawnWorkerProcess('enrichment', harness.config, { WORKER_LOCK_MS: LOCK_MS });
    workers.push(child);
    current = child;
  }

  beforeAll(async () => {
    jira = await FakeJira.start();
    const start = Date.parse('2026-01-01T00:00:00Z');
    keys.forEach((key, i) =>
      jira.seedIssue({
        key,
        summary: i % 2 === 0 ? `Invoice total rounding case ${i}` : `Trim the UI label text case ${i}`,
        statusCategory: 'new',
        created: new Date(start + i * 60_000),
        updated: new Date(start + i * 60_000),
      }),
    );
    // This process serves the API only; the workers are the child processes.
    await harness.start({ SIGHTLINE_ROLES: 'api', WORKER_LOCK_MS: LOCK_MS });
    await harness.seedRepository('grooming-crash-repo');
    shop = await harness.connectJira(jira, { writebackMode: 'dry-run' });
    sweepEvents = new QueueEvents('grooming-sweep', {
      connection: redisConnectionOptions(harness.config.REDIS_URL),
      prefix: harness.config.QUEUE_PREFIX,
    });
    await sweepEvents.waitUntilReady();
    await startWorker();
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await sweepEvents.close();
    await harness.stop();
    await jira.stop();
  });

  it('resumes from the stored cursor and enqueues every ticket exactly once', async () => {
    let killed!: () => void;
    const wasKilled = new Promise<void>((resolve) => (killed = resolve));
    // The fault queue sees each request first: it doubles as the moment to pull the plug.
    let searches = 0;
    jira.failNext(1, { kind: 'network' }, (request) => {
      if (request.path !== SEARCH || ++searches < KILL_ON_PAGE) return false;
      current?.kill('SIGKILL');
      killed();
      return true;
    });
    const started = await harness
      .http()
      .post(`/api/project-mappings/${shop.mappingId}/sweeps`)
      .set('authorization', `Bearer ${harness.adminKey}`)
      .expect(202);
    const id = started.body.id as string;
    await wasKilled;

    const sweeps = harness.get(SweepRepository);
    const atKill = (await sweeps.find(id)) as SweepRecord;
    expect(atKill.status).toBe('running');
    expect(atKill.pages).toBeLessThan(BACKLOG / PAGE_SIZE);
    const searchesBefore = jira.requests.filter((r) => r.path === SEARCH).length;

    await startWorker();
    const job = (await harness.queue('grooming-sweep').getJob(`sweep-${id}`)) as Job;
    await job.waitUntilFinished(sweepEvents, 60_000);
    await Promise.all(
      keys.map((key) => harness.waitForJob('ticket-enrichment', `enrich-${sweepRunId(id, key)}`)),
    );

    const resumed = jira.requests.filter((r) => r.path === SEARCH).slice(searchesBefore);
    // The new worker starts where the killed one left off, not from the first page.
    expect(tokenOf(resumed[0])).toBe(atKill.cursor);
    expect(resumed).toHaveLength(BACKLOG / PAGE_SIZE - atKill.pages);

    const done = (await sweeps.find(id)) as SweepRecord;
    expect(done).toEqual(
      expect.objectContaining({
        status: 'done',
        pages: BACKLOG / PAGE_SIZE,
        seen: BACKLOG,
        enqueued: BACKLOG,
      }),
    );
    expect(await sweeps.enqueuedCount(id)).toBe(BACKLOG);
    const runs = await harness
      .get(EnrichmentRunRepository)
      .list({ connectionId: shop.connectionId, limit: BACKLOG + 1, offset: 0 });
    expect(runs.total).toBe(BACKLOG);
    expect(new Set(runs.items.map((run) => run.ticketKey)).size).toBe(BACKLOG);
    expect(runs.items.every((run) => run.status === 'dry-run')).toBe(true);
  });
});
