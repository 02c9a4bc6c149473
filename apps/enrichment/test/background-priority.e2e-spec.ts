import type { Job, Queue } from 'bullmq';
import { FakeJira } from '@sightline/testing';
import { sweepRunId } from '../src/grooming/sweep-decision';
import {
  answerOf,
  EnrichmentHarness,
  INVOICE_ISSUE,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

const BACKLOG = 8;

/** The ids of the jobs in the order the worker took them (one at a time, so also the order they ran). */
function takenInOrder(jobs: Job[]): string[] {
  return [...jobs].sort((a, b) => (a.processedOn ?? 0) - (b.processedOn ?? 0)).map((job) => job.id ?? '');
}

describe('a ticket someone touches goes ahead of background work (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;

  beforeAll(async () => {
    jira = await FakeJira.start();
    // One job at a time per queue: the order jobs are taken in is the order they run.
    await harness.start({ ENRICHMENT_CONCURRENCY: '1', WRITEBACK_CONCURRENCY: '1' });
    await harness.seedRepository('background-priority-repo');
    shop = await harness.connectJira(jira);
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  /** Seeds backlog tickets no webhook announced, so only a sweep finds them. */
  function seedBacklog(first: number): string[] {
    return Array.from({ length: BACKLOG }, (_, i) => {
      const key = `SHOP-${first + i}`;
      jira.seedIssue({ key, summary: `Trim the UI label text case ${i}`, statusCategory: 'new' });
      return key;
    });
  }

  async function created(key: string): Promise<string> {
    const event = jira.createIssue({ key, ...INVOICE_ISSUE });
    return answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET })).runId as string;
  }

  const jobsOf = (queue: Queue, ids: string[]) =>
    Promise.all(ids.map(async (id) => (await queue.getJob(id)) as Job));

  it("enriches a ticket created during a sweep before the sweep's queued backlog", async () => {
    const keys = seedBacklog(1);
    const enrichment = harness.queue('ticket-enrichment');
    await enrichment.pause();
    const sweepId = await harness.sweep(shop.mappingId);
    const runId = await created('SHOP-100');
    await enrichment.resume();

    expect((await harness.settle(runId)).status).toBe('written');
    const sweepJobIds = keys.map((key) => `enrich-${sweepRunId(sweepId, key)}`);
    for (const id of sweepJobIds) await harness.waitForJob('ticket-enrichment', id);
    const order = takenInOrder(await jobsOf(enrichment, [...sweepJobIds, `enrich-${runId}`]));
    // Queued last, taken first: the sweep's eight runs (in its paging order) waited behind it.
    expect(order[0]).toBe(`enrich-${runId}`);
    expect(order.slice(1).sort()).toEqual([...sweepJobIds].sort());
  });

  it("writes that ticket's note before the notes a sweep has waiting", async () => {
    const keys = seedBacklog(11);
    const writeback = harness.queue('tracker-writeback');
    await writeback.pause();
    const sweepId = await harness.sweep(shop.mappingId);
    const sweepRunIds = keys.map((key) => sweepRunId(sweepId, key));
    for (const id of sweepRunIds) await harness.waitForJob('ticket-enrichment', `enrich-${id}`);
    const runId = await created('SHOP-101');
    await harness.waitForJob('ticket-enrichment', `enrich-${runId}`);
    await writeback.resume();

    expect((await harness.settle(runId)).status).toBe('written');
    for (const id of sweepRunIds) expect((await harness.settle(id)).status).toBe('written');
    const order = takenInOrder(
      await jobsOf(
        writeback,
        [...sweepRunIds, runId].map((id) => `write-${id}`),
      ),
    );
    expect(order[0]).toBe(`write-${runId}`);
    expect(jira.issue('SHOP-101').comments).toHaveLength(1);
  });
});
