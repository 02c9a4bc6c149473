import { EnrichmentRunRepository, TicketReportRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { FakeJira } from '@sightline/testing';
import { derivedRunId, sweepRunId } from '../src/grooming/sweep-decision';
import {
  answerOf,
  EnrichmentHarness,
  INVOICE_ISSUE,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

describe('closed tickets leave the digest and background work (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;

  beforeAll(async () => {
    jira = await FakeJira.start();
    await harness.start();
    await harness.seedRepository('closed-tickets-repo');
    shop = await harness.connectJira(jira);
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  const phaseOf = async (key: string) =>
    (
      (await harness.get(TicketReportRepository).find(shop.connectionId, key))?.ticket.status as {
        phase: string;
      }
    ).phase;

  async function digest(): Promise<{ keys: string[]; ticketStates: unknown }> {
    const { body } = await harness
      .http()
      .get(`/api/project-mappings/${shop.mappingId}/digest`)
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(200);
    return {
      keys: (body.tickets as { ticketKey: string }[]).map((t) => t.ticketKey).sort(),
      ticketStates: body.ticketStates,
    };
  }

  /** The newest run of a ticket, e.g. the one a renewal or sweep just queued. */
  async function latestRunOf(ticketKey: string) {
    const { items } = await harness
      .get(EnrichmentRunRepository)
      .list({ connectionId: shop.connectionId, ticketKey, limit: 1, offset: 0 });
    return items[0];
  }

  /** Renews the connection's report links: every open ticket Sightline wrote to is enriched again. */
  async function renewLinks(): Promise<{ ticketsQueued: number }> {
    const { body } = await harness
      .http()
      .post(`/api/tracker-connections/${shop.connectionId}/report-links/renew`)
      .set('authorization', `Bearer ${harness.adminKey}`)
      .expect(202);
    return body;
  }

  /** Creates a ticket through its webhook and waits for its note. */
  async function createFlagged(key: string): Promise<void> {
    const event = jira.createIssue({ key, ...INVOICE_ISSUE });
    const { runId } = answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
    expect((await harness.settle(runId as string)).riskLevel).toBe('high');
  }

  it('records a closed ticket done: at once from its webhook, else when the digest asks the tracker', async () => {
    for (const key of ['SHOP-1', 'SHOP-2', 'SHOP-4']) await createFlagged(key);
    expect(await digest()).toEqual({
      keys: ['SHOP-1', 'SHOP-2', 'SHOP-4'],
      ticketStates: { from: 'tracker', closedLeftOut: 0 },
    });

    // Closing a ticket changes nothing a note says: the webhook starts no run and records it done.
    const closed = jira.transitionIssue('SHOP-4', 'done');
    expect(answerOf(await jira.deliver(shop.webhookUrl, closed!, { secret: WEBHOOK_SECRET }))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'not-note-relevant' }),
    );
    expect(await phaseOf('SHOP-4')).toBe('done');

    // A closing whose webhook never arrived: the digest asks the tracker, leaves it out and records it done.
    jira.transitionIssue('SHOP-1', 'done');
    expect(await phaseOf('SHOP-1')).toBe('unstarted');
    expect(await digest()).toEqual({ keys: ['SHOP-2'], ticketStates: { from: 'tracker', closedLeftOut: 1 } });
    expect(await phaseOf('SHOP-1')).toBe('done');
  });

  it('re-checks only the open tickets against a new snapshot', async () => {
    const snapshotId = await harness.commitNewSnapshot('hot');
    const jobId = `recheck-${snapshotId}`;
    await harness
      .get(QueueProducer)
      .enqueue(
        'ticket-enrichment',
        'recheck-repository',
        { repositoryId: harness.repositoryId, snapshotId },
        { jobId },
      );
    const outcome = (await harness.waitForJob('ticket-enrichment', jobId)).returnvalue as {
      enqueued: number;
      unchanged: number;
    };
    // SHOP-2 only: re-assessed in place or enriched again; SHOP-1 neither.
    expect(outcome.enqueued + outcome.unchanged).toBe(1);
    const recheckRun = (key: string) => derivedRunId(`recheck:${snapshotId}:${shop.connectionId}`, key);
    expect(await harness.get(EnrichmentRunRepository).find(recheckRun('SHOP-1'))).toBeNull();
    const closedReport = await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-1');
    expect(closedReport?.snapshots).not.toEqual([expect.objectContaining({ snapshotId })]);
    if (outcome.enqueued === 1) await harness.settle(recheckRun('SHOP-2'));
  });

  it('renews the links of open tickets only; a run that finds its ticket done leaves it alone', async () => {
    // Closed in the tracker, not yet known as closed here.
    jira.transitionIssue('SHOP-2', 'done');
    const noteBefore = JSON.stringify(jira.issue('SHOP-2').comments);
    expect((await renewLinks()).ticketsQueued).toBe(1);
    expect((await latestRunOf('SHOP-1')).trigger).not.toBe('relink');
    const relink = await latestRunOf('SHOP-2');
    expect(relink.trigger).toBe('relink');
    expect(await harness.settle(relink.id)).toEqual(
      expect.objectContaining({ status: 'skipped', outcome: expect.stringMatching(/^the ticket is done/) }),
    );
    expect(JSON.stringify(jira.issue('SHOP-2').comments)).toBe(noteBefore);
    expect(await phaseOf('SHOP-2')).toBe('done');
    expect((await digest()).keys).toEqual([]);
  });

  it('takes a reopened ticket back: a sweep enriches it and the digest lists it again', async () => {
    jira.transitionIssue('SHOP-1', 'new');
    // Back to the history the invoice ticket was flagged on (the hot one shifted the risk to the UI).
    await harness.commitNewSnapshot('base');
    const sweepId = await harness.sweep(shop.mappingId);
    const run = await harness.settle(sweepRunId(sweepId, 'SHOP-1'));
    expect(run).toEqual(expect.objectContaining({ trigger: 'sweep', status: 'written', riskLevel: 'high' }));
    expect(await phaseOf('SHOP-1')).toBe('unstarted');
    expect(await digest()).toEqual({ keys: ['SHOP-1'], ticketStates: { from: 'tracker', closedLeftOut: 0 } });
  });

  it('enriches a ticket reopened by its webhook again; an open ticket moving on starts nothing', async () => {
    const reopened = jira.transitionIssue('SHOP-4', 'new');
    const answer = answerOf(await jira.deliver(shop.webhookUrl, reopened!, { secret: WEBHOOK_SECRET }));
    expect(answer.outcome).toBe('enqueued');
    expect(await harness.settle(answer.runId as string)).toEqual(
      expect.objectContaining({ trigger: 'webhook', riskLevel: 'high' }),
    );
    expect(await phaseOf('SHOP-4')).toBe('unstarted');
    expect((await digest()).keys).toEqual(['SHOP-1', 'SHOP-4']);

    const started = jira.transitionIssue('SHOP-1', 'indeterminate');
    expect(answerOf(await jira.deliver(shop.webhookUrl, started!, { secret: WEBHOOK_SECRET }))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'not-note-relevant' }),
    );
  });

  it('drops a deleted ticket: at once from its webhook, else once background work finds it gone', async () => {
    for (const key of ['SHOP-3', 'SHOP-5']) await createFlagged(key);
    const deleted = jira.deleteIssue('SHOP-3');
    expect(answerOf(await jira.deliver(shop.webhookUrl, deleted, { secret: WEBHOOK_SECRET }))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'deleted' }),
    );
    expect(await phaseOf('SHOP-3')).toBe('done');
    // Deleted with no webhook delivered: still open here.
    jira.deleteIssue('SHOP-5');

    expect((await renewLinks()).ticketsQueued).toBe(3);
    expect(await harness.settle((await latestRunOf('SHOP-5')).id)).toEqual(
      expect.objectContaining({
        trigger: 'relink',
        status: 'skipped',
        outcome: expect.stringMatching(/not found/),
      }),
    );
    for (const key of ['SHOP-1', 'SHOP-4']) await harness.settle((await latestRunOf(key)).id);
    // Found gone once: the next renewal (and any re-check) leaves it out.
    expect((await renewLinks()).ticketsQueued).toBe(2);
    for (const key of ['SHOP-1', 'SHOP-4']) await harness.settle((await latestRunOf(key)).id);
    expect(await digest()).toEqual({
      keys: ['SHOP-1', 'SHOP-4'],
      ticketStates: { from: 'tracker', closedLeftOut: 0 },
    });
  });

  it('follows a ticket moved to another project: the old key is left behind, the new one is enriched', async () => {
    await createFlagged('SHOP-6');
    const moved = jira.moveIssue('SHOP-6', 'OPS');
    const answer = answerOf(await jira.deliver(shop.webhookUrl, moved, { secret: WEBHOOK_SECRET }));
    expect(answer.outcome).toBe('enqueued');
    // OPS has no mapping here: nothing to report under the new key, and the old one is no open work.
    expect(await harness.settle(answer.runId as string)).toEqual(
      expect.objectContaining({
        ticketKey: 'OPS-1',
        status: 'skipped',
        outcome: 'no project mapping for OPS on this connection',
      }),
    );
    expect(await phaseOf('SHOP-6')).toBe('done');

    // Moved with no webhook delivered: a background run asking by the old key meets the new one.
    await createFlagged('SHOP-7');
    jira.moveIssue('SHOP-7', 'OPS');
    expect((await renewLinks()).ticketsQueued).toBe(3);
    expect(await harness.settle((await latestRunOf('SHOP-7')).id)).toEqual(
      expect.objectContaining({ trigger: 'relink', status: 'skipped' }),
    );
    expect(await phaseOf('SHOP-7')).toBe('done');
    for (const key of ['SHOP-1', 'SHOP-4']) await harness.settle((await latestRunOf(key)).id);
  });

  const deliver = async (event: ReturnType<FakeJira['transitionIssue']>) =>
    answerOf(await jira.deliver(shop.webhookUrl, event!, { secret: WEBHOOK_SECRET }));
  // Jira stamps each change with its clock in milliseconds: let each one have its own.
  const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('keeps the newer of a close and a reopen whose deliveries crossed', async () => {
    await createFlagged('SHOP-8');

    // Closed, then reopened at once; the reopen is delivered first, the close after it.
    const closed = jira.transitionIssue('SHOP-8', 'done');
    await nextMillisecond();
    const reopened = jira.transitionIssue('SHOP-8', 'new');
    expect((await deliver(reopened)).outcome).toBe('ignored');
    expect((await deliver(closed)).outcome).toBe('ignored');
    expect(await phaseOf('SHOP-8')).toBe('unstarted');
    expect((await digest()).keys).toContain('SHOP-8');

    // Started, then closed; the close is delivered first: the late start neither reopens nor enriches.
    await nextMillisecond();
    const started = jira.transitionIssue('SHOP-8', 'indeterminate');
    await nextMillisecond();
    const done = jira.transitionIssue('SHOP-8', 'done');
    expect((await deliver(done)).outcome).toBe('ignored');
    expect(await deliver(started)).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'not-note-relevant' }),
    );
    expect(await phaseOf('SHOP-8')).toBe('done');
    expect((await digest()).keys).not.toContain('SHOP-8');
  });

  it('leaves a ticket alone whose reopen is delivered after it was closed again', async () => {
    await createFlagged('SHOP-10');
    expect((await deliver(jira.transitionIssue('SHOP-10', 'done'))).outcome).toBe('ignored');
    await nextMillisecond();
    const reopened = jira.transitionIssue('SHOP-10', 'new');
    await nextMillisecond();
    // Closed again; that webhook is lost. The reopen, delivered now, finds the ticket done.
    jira.transitionIssue('SHOP-10', 'done');
    const answer = await deliver(reopened);
    expect(answer.outcome).toBe('enqueued');
    expect(await harness.settle(answer.runId as string)).toEqual(
      expect.objectContaining({
        trigger: 'webhook',
        status: 'skipped',
        outcome: expect.stringMatching(/^the ticket is done again/),
      }),
    );
    expect(await phaseOf('SHOP-10')).toBe('done');
    expect((await digest()).keys).not.toContain('SHOP-10');
  });

  it('lets a reopen recorded after the completion the digest reads stand', async () => {
    await createFlagged('SHOP-9');
    // Completed in Jira (its webhook lost), then reopened: the reopen's webhook is recorded while
    // the digest's read of the tracker, which still says done, is under way.
    jira.transitionIssue('SHOP-9', 'done');
    const reopenedAt = new Date(Date.now() + 60_000);
    await harness
      .get(TicketReportRepository)
      .recordPhase(shop.connectionId, 'SHOP-9', 'unstarted', reopenedAt);
    expect((await digest()).keys).not.toContain('SHOP-9');
    expect(await phaseOf('SHOP-9')).toBe('unstarted');
  });
});
