import {
  AuditLogRepository,
  EnrichmentRunRepository,
  TicketReportRepository,
  WebhookDeliveryRepository,
} from '@sightline/persistence';
import { BACKGROUND_PRIORITY, QueueProducer } from '@sightline/queues';
import { FakeLinear, linearSignature, sendLinearWebhook, type LinearEvent } from '@sightline/testing';
import { LINEAR_RISK_LABEL, NOTE_MARKER } from '@sightline/trackers';
import {
  answerOf,
  EnrichmentHarness,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';
import { ReportLinks } from '../src/reports/report-links';

describe('Linear: webhook → match → risk → one note (e2e)', () => {
  const harness = new EnrichmentHarness();
  let linear: FakeLinear;
  let shop: ConnectedTracker;
  let created: LinearEvent;
  let key: string;
  let runs: EnrichmentRunRepository;

  const mutations = () =>
    linear.requests.filter(
      (r) => r.status === 200 && /^(create|update|issueAdd|issueRemove)/.test(r.operation ?? ''),
    );
  const latestRunOf = async (ticketKey: string) =>
    (await runs.list({ connectionId: shop.connectionId, ticketKey, limit: 1, offset: 0 })).items[0];
  /** The report page's path and query, as the harness's HTTP client asks for it. */
  const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
  const runCount = async () =>
    (await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total;

  beforeAll(async () => {
    linear = await FakeLinear.start();
    linear.seedTeam('SHOP');
    await harness.start();
    await harness.seedRepository();
    shop = await harness.connectLinear(linear);
    runs = harness.get(EnrichmentRunRepository);
  });

  afterAll(async () => {
    await harness.stop();
    await linear.stop();
  });

  it('writes exactly one Markdown note, the high-risk label (created in the team) and the attachment', async () => {
    created = linear.createIssue({
      teamKey: 'SHOP',
      title: 'Invoice total rounding is wrong when discounts apply',
      description:
        'The invoice total per tax rate is off by a cent with a discount. See `invoiceTotal` in billing.',
    });
    key = (created.payload.data as { identifier: string }).identifier;
    const answer = answerOf(await linear.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
    expect(answer.outcome).toBe('enqueued');

    const run = await harness.settle(answer.runId as string);
    expect(run).toEqual(expect.objectContaining({ status: 'written', riskLevel: 'high', ticketKey: key }));
    expect(run.outcome).toBe('comment created, risk label added, attachment written');

    const comments = linear.commentsOn(key);
    expect(comments).toHaveLength(1);
    expect(comments[0].userId).toBe(linear.bot.id);
    expect(comments[0].body).toContain('HIGH RISK');
    expect(comments[0].body).toContain('packages/billing');
    expect(comments[0].body).toContain(NOTE_MARKER);
    expect(linear.labelNames(key)).toEqual([LINEAR_RISK_LABEL]);
    const labels = [...linear.state.labels.values()].filter((label) => label.name === LINEAR_RISK_LABEL);
    expect(labels).toHaveLength(1);
    expect(labels[0].teamId).toBe(linear.state.teamByKey('SHOP')?.id);

    const attachments = linear.attachmentsOn(key);
    expect(attachments).toHaveLength(1);
    expect(attachments[0].url).toMatch(
      new RegExp(
        `^${harness.config.ENRICHMENT_PUBLIC_URL}/reports/linear/${key}\\?connection=${shop.connectionId}&token=[\\w-]{43}$`,
      ),
    );
    expect(comments[0].body).toContain(`[Full report](${attachments[0].url})`);
    expect(attachments[0].subtitle).toMatch(/^Risk: high · \d areas?$/);
    expect(attachments[0].metadata).toEqual(
      expect.objectContaining({ riskLevel: 'high', contentHash: run.contentHash }),
    );
    const report = await harness.get(TicketReportRepository).find(shop.connectionId, key);
    expect(report?.noteMarkdown).toBe(comments[0].body);
  });

  it('does no work for a redelivery, with or without the Linear-Delivery header', async () => {
    const before = { requests: linear.requests.length, runs: await runCount() };
    expect(answerOf(await linear.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET })).outcome).toBe(
      'duplicate',
    );
    expect(linear.requests.length).toBe(before.requests);
    expect(await runCount()).toBe(before.runs);

    // Without the header, the id is the webhook id + the signed timestamp: the same bytes again are a duplicate.
    const bare = {
      secret: WEBHOOK_SECRET,
      timestamp: Date.now(),
      webhookId: 'hook-1',
      omitDeliveryHeader: true,
    };
    const first = answerOf(await sendLinearWebhook(shop.webhookUrl, created.payload, bare));
    expect(first).toEqual(
      expect.objectContaining({ outcome: 'enqueued', deliveryId: `linear-webhook:hook-1:${bare.timestamp}` }),
    );
    expect((await harness.settle(first.runId as string)).status).toBe('unchanged');
    expect(answerOf(await sendLinearWebhook(shop.webhookUrl, created.payload, bare)).outcome).toBe(
      'duplicate',
    );
    expect(await runCount()).toBe(before.runs + 1);
  });

  it('ignores Sightline’s own writes echoed back as webhooks', async () => {
    const own = linear.events.filter(
      (event) => (event.payload.actor as { id?: string } | undefined)?.id === linear.bot.id,
    );
    expect(own.map((event) => event.payload.type)).toEqual(
      expect.arrayContaining(['Comment', 'Issue', 'Attachment']),
    );
    const total = await runCount();
    for (const event of own) {
      const answer = answerOf(await linear.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
      expect(answer.outcome).toBe('ignored');
    }
    expect(await runCount()).toBe(total);
  });

  it('writes nothing when an edit leaves the note unchanged', async () => {
    const before = mutations().length;
    const edit = linear.editIssue(key, {
      description:
        'The invoice total per tax rate is off by a cent with a discount.  See `invoiceTotal` in billing.',
    }) as LinearEvent;
    const run = await harness.settle(
      answerOf(await linear.deliver(shop.webhookUrl, edit, { secret: WEBHOOK_SECRET })).runId as string,
    );
    expect(run.status).toBe('unchanged');
    expect(mutations().length).toBe(before);
  });

  it('updates the same comment in place when the ticket changes, and removes the label when the risk drops', async () => {
    const [before] = linear.commentsOn(key);
    const edit = linear.editIssue(key, {
      title: 'Trim whitespace in the UI label text',
      description: '`labelText` in the ui package should trim its text.',
    }) as LinearEvent;
    const run = await harness.settle(
      answerOf(await linear.deliver(shop.webhookUrl, edit, { secret: WEBHOOK_SECRET })).runId as string,
    );
    expect(run.status).toBe('written');
    expect(run.outcome).toMatch(/^comment updated, risk label removed/);
    const after = linear.commentsOn(key);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    expect(after[0].body).toContain('packages/ui');
    expect(linear.labelNames(key)).toEqual([]);
    expect(linear.attachmentsOn(key)).toHaveLength(1);
    expect(linear.requests.filter((r) => r.operation === 'createComment')).toHaveLength(1);
  });

  it('refuses forged, unsigned and stale deliveries with 401 and stores and queues nothing', async () => {
    const edit = linear.editIssue(key, { title: 'Invoice totals per tax rate are wrong' }) as LinearEvent;
    const counts = await harness.queue('ticket-enrichment').getJobCounts();
    const total = await runCount();
    const forged = await linear.deliver(shop.webhookUrl, edit, {
      secret: WEBHOOK_SECRET,
      signature: linearSignature('{}', WEBHOOK_SECRET),
    });
    expect(forged.status).toBe(401);
    const unsigned = await linear.deliver(shop.webhookUrl, edit, { secret: WEBHOOK_SECRET, signature: null });
    expect(unsigned.status).toBe(401);
    const stale = await linear.deliver(shop.webhookUrl, edit, {
      secret: WEBHOOK_SECRET,
      timestamp: Date.now() - 61_000,
    });
    expect(stale.status).toBe(401);
    expect(JSON.parse(stale.responseBody).error.message).toMatch(/60 s/);

    expect(
      await harness.get(WebhookDeliveryRepository).exists(shop.connectionId, `linear:${edit.deliveryId}`),
    ).toBe(false);
    expect(await runCount()).toBe(total);
    expect(await harness.queue('ticket-enrichment').getJobCounts()).toEqual(counts);

    const genuine = answerOf(await linear.deliver(shop.webhookUrl, edit, { secret: WEBHOOK_SECRET }));
    expect(genuine.outcome).toBe('enqueued');
    await harness.settle(genuine.runId as string);
  });

  it('answers 400 for a signed body that is not JSON and 404 for a Jira connection id', async () => {
    const body = 'not json at all';
    const response = await fetch(shop.webhookUrl, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'linear-signature': linearSignature(body, WEBHOOK_SECRET),
      },
    });
    expect(response.status).toBe(400);
    const wrongKind = await linear.deliver(shop.webhookUrl.replace('/linear/', '/jira/'), created, {
      secret: WEBHOOK_SECRET,
    });
    expect(wrongKind.status).toBe(404);
  });

  it('renews the report links: old links stop opening, the note and the one attachment carry the new link', async () => {
    const as = (apiKey: string) => ({ Authorization: `Bearer ${apiKey}` });
    const [old] = linear.attachmentsOn(key);
    expect((await harness.http().get(pathOf(old.url))).status).toBe(200);
    const renewPath = `/api/tracker-connections/${shop.connectionId}/report-links/renew`;
    expect((await harness.http().post(renewPath).set(as(harness.viewerKey))).status).toBe(403);
    expect((await harness.http().post(renewPath)).status).toBe(401);
    const unknown = await harness
      .http()
      .post('/api/tracker-connections/00000000-0000-4000-8000-000000000000/report-links/renew')
      .set(as(harness.adminKey));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/no tracker connection/);

    const renewed = await harness.http().post(renewPath).set(as(harness.adminKey));
    expect(renewed.status).toBe(202);
    expect(renewed.body).toEqual({ connectionId: shop.connectionId, ticketsQueued: 1 });
    // Dead at once, before any note is rewritten.
    expect((await harness.http().get(pathOf(old.url))).status).toBe(404);
    const [audit] = await harness
      .get(AuditLogRepository)
      .list({ resourceType: 'report-links', resourceId: shop.connectionId, limit: 1, offset: 0 });
    expect(audit).toEqual(expect.objectContaining({ action: 'revoke', after: renewed.body }));

    const relink = await latestRunOf(key);
    expect(relink.trigger).toBe('relink');
    const run = await harness.settle(relink.id);
    expect(run.status).toBe('written');
    // Nobody waits on a renewal: its runs queue behind the tickets people touch.
    const enrichJob = await harness.queue('ticket-enrichment').getJob(`enrich-${relink.id}`);
    const writeJob = await harness.queue('tracker-writeback').getJob(`write-${relink.id}`);
    expect([enrichJob?.opts.priority, writeJob?.opts.priority]).toEqual([
      BACKGROUND_PRIORITY,
      BACKGROUND_PRIORITY,
    ]);
    expect(run.outcome).toBe('comment updated, attachment written');
    const attachments = linear.attachmentsOn(key);
    expect(attachments).toHaveLength(1);
    expect(attachments[0].url).not.toBe(old.url);
    expect(attachments[0].url).toMatch(/token=[\w-]{43}$/);
    expect(linear.commentsOn(key)[0].body).toContain(`[Full report](${attachments[0].url})`);
    const page = await harness.http().get(pathOf(attachments[0].url));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Invoice totals per tax rate are wrong');
  });

  it('never writes a report whose link was renewed while it was made: it enriches the ticket again', async () => {
    const [before] = linear.attachmentsOn(key);
    // The links are renewed between a report and its write-back (no relink runs queued here).
    await harness.get(ReportLinks).renew(shop.connectionId);
    const stale = await runs.create({
      connectionId: shop.connectionId,
      tracker: 'linear',
      ticketKey: key,
      trigger: 'api',
    });
    await harness
      .get(QueueProducer)
      .enqueue(
        'tracker-writeback',
        'write-note',
        { connectionId: shop.connectionId, ticketKey: key, runId: stale.id, forced: true },
        { jobId: `write-${stale.id}` },
      );
    await harness.waitForJob('tracker-writeback', `write-${stale.id}`);
    expect(await runs.find(stale.id)).toEqual(
      expect.objectContaining({ status: 'superseded', outcome: expect.stringMatching(/links were renewed/) }),
    );
    expect(linear.attachmentsOn(key)).toEqual([before]);

    const relink = await latestRunOf(key);
    expect(relink.trigger).toBe('relink');
    expect((await harness.settle(relink.id)).status).toBe('written');
    const [after] = linear.attachmentsOn(key);
    expect(linear.attachmentsOn(key)).toHaveLength(1);
    expect(after.url).not.toBe(before.url);
    expect((await harness.http().get(pathOf(after.url))).status).toBe(200);
  });

  it('follows state changes and removals: completed or removed is recorded done, reopened is enriched again', async () => {
    const reports = harness.get(TicketReportRepository);
    const deliver = async (event: LinearEvent | null) =>
      answerOf(await linear.deliver(shop.webhookUrl, event as LinearEvent, { secret: WEBHOOK_SECRET }));
    expect(await deliver(linear.editIssue(key, { state: 'completed' }))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'not-note-relevant' }),
    );
    expect(await reports.isDone(shop.connectionId, key)).toBe(true);

    const reopened = await deliver(linear.editIssue(key, { state: 'unstarted' }));
    expect(reopened.outcome).toBe('enqueued');
    expect((await harness.settle(reopened.runId as string)).trigger).toBe('webhook');
    expect(await reports.isDone(shop.connectionId, key)).toBe(false);

    expect(await deliver(linear.deleteIssue(key))).toEqual(
      expect.objectContaining({ outcome: 'ignored', reason: 'deleted' }),
    );
    expect(await reports.isDone(shop.connectionId, key)).toBe(true);
  });

  it('leaves the old identifier behind when an issue moves to another team', async () => {
    const reports = harness.get(TicketReportRepository);
    const deliver = async (event: LinearEvent) =>
      answerOf(await linear.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
    const first = await deliver(
      linear.createIssue({ teamKey: 'SHOP', title: 'Invoice total rounding is wrong when discounts apply' }),
    );
    const oldKey = (await harness.settle(first.runId as string)).ticketKey;
    expect(await reports.isDone(shop.connectionId, oldKey)).toBe(false);

    const moved = linear.moveIssue(oldKey, 'OPS');
    const newKey = (moved.payload.data as { identifier: string }).identifier;
    expect(newKey).toMatch(/^OPS-/);
    const answer = await deliver(moved);
    expect(answer.outcome).toBe('enqueued');
    // OPS has no mapping here: nothing to report under the new identifier; the old one is no open work.
    expect(await harness.settle(answer.runId as string)).toEqual(
      expect.objectContaining({
        ticketKey: newKey,
        status: 'skipped',
        outcome: 'no project mapping for OPS on this connection',
      }),
    );
    expect(await reports.isDone(shop.connectionId, oldKey)).toBe(true);
  });
});
