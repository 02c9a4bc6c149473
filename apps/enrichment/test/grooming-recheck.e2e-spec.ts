import type { Job } from 'bullmq';
import { EnrichmentRunRepository, TicketReportRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { FakeJira } from '@sightline/testing';
import { JIRA_RISK_LABEL } from '@sightline/trackers';
import { derivedRunId } from '../src/grooming/sweep-decision';
import {
  answerOf,
  EnrichmentHarness,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

describe('re-check on a new snapshot (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;

  beforeAll(async () => {
    jira = await FakeJira.start();
    await harness.start();
    await harness.seedRepository('grooming-recheck-repo');
    shop = await harness.connectJira(jira);
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  /** What the ingestion runner enqueues after committing a snapshot; waits for it and its runs. */
  async function recheck(snapshotId: string): Promise<{ enqueued: number }> {
    const jobId = `recheck-${snapshotId}`;
    await harness
      .get(QueueProducer)
      .enqueue(
        'ticket-enrichment',
        'recheck-repository',
        { repositoryId: harness.repositoryId, snapshotId },
        { jobId },
      );
    const job: Job = await harness.waitForJob('ticket-enrichment', jobId);
    return job.returnvalue as { enqueued: number };
  }

  it('re-assesses every ticket whose report used the repository, and writes nothing that did not change', async () => {
    for (const seed of [
      { key: 'SHOP-1', summary: 'Invoice total rounding is wrong when discounts apply' },
      { key: 'SHOP-2', summary: 'Trim whitespace in the UI label text' },
    ]) {
      const event = jira.createIssue(seed);
      const { runId } = answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(runId as string)).status).toBe('written');
    }
    expect(jira.issue('SHOP-1').labels).toEqual([JIRA_RISK_LABEL]);
    const writesBefore = jira.requests.filter((r) => r.method !== 'GET').length;

    const snapshotId = await harness.commitNewSnapshot();
    expect(await recheck(snapshotId)).toEqual({ enqueued: 2 });
    const runs = harness.get(EnrichmentRunRepository);
    for (const key of ['SHOP-1', 'SHOP-2']) {
      const runId = derivedRunId(`recheck:${snapshotId}:${shop.connectionId}`, key);
      const run = await harness.settle(runId);
      expect(run).toEqual(
        expect.objectContaining({ trigger: 'recheck', status: 'unchanged', ticketKey: key }),
      );
      const report = await harness.get(TicketReportRepository).find(shop.connectionId, key);
      expect(report?.snapshots).toEqual([expect.objectContaining({ snapshotId })]);
    }
    // Same history, same figures: the note and label stand; nothing was written to the tracker.
    expect(jira.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    expect(jira.issue('SHOP-1').labels).toEqual([JIRA_RISK_LABEL]);
    expect(jira.issue('SHOP-1').comments).toHaveLength(1);
    expect((await runs.list({ connectionId: shop.connectionId, limit: 10, offset: 0 })).total).toBe(4);
  });

  it('queues nothing again for a snapshot the reports already use', async () => {
    const snapshotId = await harness.commitNewSnapshot();
    expect(await recheck(snapshotId)).toEqual({ enqueued: 2 });
    for (const key of ['SHOP-1', 'SHOP-2']) {
      await harness.settle(derivedRunId(`recheck:${snapshotId}:${shop.connectionId}`, key));
    }
    await harness
      .get(QueueProducer)
      .enqueue(
        'ticket-enrichment',
        'recheck-repository',
        { repositoryId: harness.repositoryId, snapshotId },
        { jobId: `recheck-again-${snapshotId}` },
      );
    const job = await harness.waitForJob('ticket-enrichment', `recheck-again-${snapshotId}`);
    expect(job.returnvalue).toEqual({ enqueued: 0 });
  });
});
