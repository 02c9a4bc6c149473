import type { Job } from 'bullmq';
import { EnrichmentRunRepository, TicketReportRepository } from '@sightline/persistence';
import { BACKGROUND_PRIORITY, QueueProducer } from '@sightline/queues';
import { FakeJira } from '@sightline/testing';
import { adfToText, JIRA_RISK_LABEL } from '@sightline/trackers';
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
  async function recheck(snapshotId: string): Promise<{ enqueued: number; unchanged: number }> {
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
    return job.returnvalue as { enqueued: number; unchanged: number };
  }

  const recheckRunOf = (snapshotId: string, key: string) =>
    derivedRunId(`recheck:${snapshotId}:${shop.connectionId}`, key);
  const trackerWrites = () => jira.requests.filter((r) => r.method !== 'GET').length;

  async function digestKeys(): Promise<{ ticketKey: string; newlyFlagged: boolean }[]> {
    const { body } = await harness
      .http()
      .get(`/api/project-mappings/${shop.mappingId}/digest`)
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(200);
    return (body.tickets as { ticketKey: string; newlyFlagged: boolean }[]).map(
      ({ ticketKey, newlyFlagged }) => ({ ticketKey, newlyFlagged }),
    );
  }

  it('re-assesses dependent tickets in place and asks the tracker nothing when no figure moved', async () => {
    for (const seed of [
      { key: 'SHOP-1', summary: 'Invoice total rounding is wrong when discounts apply' },
      { key: 'SHOP-2', summary: 'Trim whitespace in the UI label text' },
    ]) {
      const event = jira.createIssue(seed);
      const { runId } = answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(runId as string)).status).toBe('written');
    }
    expect(jira.issue('SHOP-1').labels).toEqual([JIRA_RISK_LABEL]);
    expect(jira.issue('SHOP-2').labels).toEqual([]);
    const requestsBefore = jira.requests.length;

    const snapshotId = await harness.commitNewSnapshot();
    expect(await recheck(snapshotId)).toEqual({ enqueued: 0, unchanged: 2 });
    for (const key of ['SHOP-1', 'SHOP-2']) {
      const report = await harness.get(TicketReportRepository).find(shop.connectionId, key);
      expect(report?.snapshots).toEqual([expect.objectContaining({ snapshotId })]);
      expect(await harness.get(EnrichmentRunRepository).find(recheckRunOf(snapshotId, key))).toBeNull();
    }
    // Same history, same figures: not one request to the tracker, the note and label stand.
    expect(jira.requests.length).toBe(requestsBefore);
    expect(jira.issue('SHOP-1').comments).toHaveLength(1);
    expect(await digestKeys()).toEqual([{ ticketKey: 'SHOP-1', newlyFlagged: true }]);
  });

  it('queues nothing again for a snapshot the reports already use', async () => {
    const snapshotId = await harness.commitNewSnapshot();
    expect(await recheck(snapshotId)).toEqual({ enqueued: 0, unchanged: 2 });
    await harness
      .get(QueueProducer)
      .enqueue(
        'ticket-enrichment',
        'recheck-repository',
        { repositoryId: harness.repositoryId, snapshotId },
        { jobId: `recheck-again-${snapshotId}` },
      );
    const job = await harness.waitForJob('ticket-enrichment', `recheck-again-${snapshotId}`);
    expect(job.returnvalue).toEqual({ enqueued: 0, unchanged: 0 });
  });

  it('flags a ticket whose code turned into a hotspot, and says what changed', async () => {
    const snapshotId = await harness.commitNewSnapshot('hot');
    const outcome = await recheck(snapshotId);
    expect(outcome.enqueued).toBeGreaterThanOrEqual(1);
    const run = await harness.settle(recheckRunOf(snapshotId, 'SHOP-2'));
    expect(run).toEqual(
      expect.objectContaining({ trigger: 'recheck', status: 'written', riskLevel: 'high' }),
    );
    const enrichJob = await harness.queue('ticket-enrichment').getJob(`enrich-${run.id}`);
    expect(enrichJob?.opts.priority).toBe(BACKGROUND_PRIORITY);
    expect(jira.issue('SHOP-2').labels).toEqual([JIRA_RISK_LABEL]);
    const comments = jira.issue('SHOP-2').comments;
    expect(comments).toHaveLength(1);
    const note = adfToText(comments[0].body);
    expect(note).toContain('Since the last version of this note');
    expect(note).toContain('Risk level rose from low to high.');
    expect(note).toMatch(/Now a hotspot: \d+ changes in the last \d+ days \(was 2\) in packages\/ui\./);
    // The invoice ticket may have moved too (the label code now outranks it): whatever each
    // ticket's level, its label and the digest follow it.
    if (await harness.get(EnrichmentRunRepository).find(recheckRunOf(snapshotId, 'SHOP-1'))) {
      await harness.settle(recheckRunOf(snapshotId, 'SHOP-1'));
    }
    const flagged: string[] = [];
    for (const key of ['SHOP-1', 'SHOP-2']) {
      const report = await harness.get(TicketReportRepository).find(shop.connectionId, key);
      expect(jira.issue(key).labels.includes(JIRA_RISK_LABEL)).toBe(report?.riskLevel === 'high');
      if (report?.riskLevel === 'high') flagged.push(key);
    }
    const digest = await digestKeys();
    expect(digest.map((t) => t.ticketKey).sort()).toEqual(flagged);
    expect(digest.find((t) => t.ticketKey === 'SHOP-2')?.newlyFlagged).toBe(true);
  });

  it('removes the flag when the code calms down again', async () => {
    const writesBefore = trackerWrites();
    const snapshotId = await harness.commitNewSnapshot('calm');
    await recheck(snapshotId);
    const run = await harness.settle(recheckRunOf(snapshotId, 'SHOP-2'));
    // Small and quiet now, its burst of fixes fourteen months back, outside the recent window the
    // fix rate counts: no longer where follow-up fixes concentrate (docs/risk.md, fix rates).
    expect(run).toEqual(expect.objectContaining({ status: 'written', riskLevel: 'low' }));
    expect(jira.issue('SHOP-2').labels).toEqual([]);
    const comments = jira.issue('SHOP-2').comments;
    expect(comments).toHaveLength(1);
    expect(adfToText(comments[0].body)).toContain('Risk level fell from high to low.');
    expect(adfToText(comments[0].body)).not.toContain('where follow-up fixes concentrate');
    expect(trackerWrites()).toBeGreaterThan(writesBefore);
    expect((await digestKeys()).map((t) => t.ticketKey)).not.toContain('SHOP-2');
  });
});
