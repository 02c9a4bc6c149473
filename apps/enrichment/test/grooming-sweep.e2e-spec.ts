import type { Job } from 'bullmq';
import {
  EnrichmentRunRepository,
  SweepRepository,
  TicketFeedbackRepository,
  TicketReportRepository,
} from '@sightline/persistence';
import { FakeJira } from '@sightline/testing';
import { JIRA_FEEDBACK_LABEL } from '@sightline/trackers';
import { sweepRunId } from '../src/grooming/sweep-decision';
import { EnrichmentHarness, type ConnectedTracker } from './support/enrichment-harness.fixture-spec';

const BACKLOG = 200;
const PAGE_SIZE = 40;
const SEARCH = '/rest/api/3/search/jql';
const keys = Array.from({ length: BACKLOG }, (_, i) => `SHOP-${i + 1}`);

/** Half the backlog is about billing (high risk on the fixture), half about the UI. */
function seedBacklog(jira: FakeJira): void {
  const start = Date.parse('2026-01-01T00:00:00Z');
  keys.forEach((key, i) => {
    jira.seedIssue({
      key,
      summary: i % 2 === 0 ? `Invoice total rounding case ${i}` : `Trim the UI label text case ${i}`,
      description: i % 2 === 0 ? 'invoiceTotal in billing is off by a cent.' : 'labelText in the ui package.',
      statusCategory: 'new',
      created: new Date(start + i * 60_000),
      updated: new Date(start + i * 60_000),
    });
  });
}

describe('grooming sweeps over a Jira backlog (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;

  beforeAll(async () => {
    jira = await FakeJira.start();
    seedBacklog(jira);
    await harness.start({ GROOMING_PAGE_SIZE: String(PAGE_SIZE) });
    await harness.seedRepository('grooming-sweep-repo');
    // Dry-run: the sweep's effect is the stored reports; write-back has its own specs.
    shop = await harness.connectJira(jira, { writebackMode: 'dry-run' });
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  /** Starts a sweep through the API, waits for it and for every enrichment it queued. */
  async function sweep(): Promise<{ id: string; body: Record<string, unknown>; queued: string[] }> {
    const id = await harness.sweep(shop.mappingId);
    const runs = await harness.get(SweepRepository).enqueuedAmong(id, keys);
    await Promise.all(
      [...runs].map((key) => harness.waitForJob('ticket-enrichment', `enrich-${sweepRunId(id, key)}`)),
    );
    const view = await harness
      .http()
      .get(`/api/sweeps/${id}`)
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(200);
    return { id, body: view.body, queued: [...runs].sort() };
  }

  const ticketReads = (key: string) =>
    jira.requests.filter((r) => r.method === 'GET' && r.path === `/rest/api/3/issue/${key}`).length;

  it('enriches each of 200 backlog tickets once, across pages, and reports progress', async () => {
    const searchesBefore = jira.requests.filter((r) => r.path === SEARCH).length;
    const { id, body, queued } = await sweep();
    expect(body).toEqual(
      expect.objectContaining({
        id,
        mappingId: shop.mappingId,
        trigger: 'api',
        status: 'done',
        progress: { pages: BACKLOG / PAGE_SIZE, seen: BACKLOG, enqueued: BACKLOG, upToDate: 0, more: false },
      }),
    );
    expect(queued).toEqual([...keys].sort());
    expect(jira.requests.filter((r) => r.path === SEARCH).length - searchesBefore).toBe(BACKLOG / PAGE_SIZE);
    for (const key of keys) expect(ticketReads(key)).toBe(1);

    const runs = harness.get(EnrichmentRunRepository);
    const listed = await runs.list({ connectionId: shop.connectionId, limit: BACKLOG + 1, offset: 0 });
    expect(listed.total).toBe(BACKLOG);
    expect(new Set(listed.items.map((run) => run.ticketKey)).size).toBe(BACKLOG);
    expect(listed.items.every((run) => run.trigger === 'sweep' && run.status === 'dry-run')).toBe(true);
    const reports = await harness.get(TicketReportRepository).freshnessOf(shop.connectionId, keys);
    expect(reports.size).toBe(BACKLOG);
    expect((await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-1'))?.riskLevel).toBe(
      'high',
    );
  });

  it('enqueues nothing for an unchanged backlog, and only the edited tickets after edits', async () => {
    const unchanged = await sweep();
    expect(unchanged.body.progress).toEqual(
      expect.objectContaining({ seen: BACKLOG, enqueued: 0, upToDate: BACKLOG }),
    );
    expect(unchanged.queued).toEqual([]);

    jira.editIssue('SHOP-7', { summary: 'Invoice total rounding with coupons' });
    jira.editIssue('SHOP-120', { description: 'labelText should also trim tabs.' });
    jira.editIssue('SHOP-33', { labels: ['customer-reported'] });
    const edited = await sweep();
    expect(edited.queued).toEqual(['SHOP-120', 'SHOP-33', 'SHOP-7']);
    expect(edited.body.progress).toEqual(
      expect.objectContaining({ seen: BACKLOG, enqueued: 3, upToDate: BACKLOG - 3 }),
    );
  });

  it('follows a feedback label whose webhook was lost, once, though a dry-run mapping leaves it on', async () => {
    const feedback = harness.get(TicketFeedbackRepository);
    // A UI ticket: its "wrong" verdict reaches the similar UI tickets, not the billing ones the digest lists.
    jira.editIssue('SHOP-10', { labels: [JIRA_FEEDBACK_LABEL] }); // never delivered
    expect((await sweep()).queued).toEqual(['SHOP-10']);
    expect(await feedback.listForTicket(shop.connectionId, 'SHOP-10')).toEqual([
      expect.objectContaining({ verdict: 'wrong', source: 'tracker-label', actor: null }),
    ]);
    // Dry-run writes nothing to Jira, so the label stays on: recorded once, it queues nothing more.
    expect(jira.issue('SHOP-10').labels).toEqual([JIRA_FEEDBACK_LABEL]);
    expect((await sweep()).queued).toEqual([]);

    // Taken off by a person (webhook lost too): one run releases the application, so putting the
    // label on again later is new feedback.
    jira.editIssue('SHOP-10', { labels: [] });
    expect((await sweep()).queued).toEqual(['SHOP-10']);
    expect(await feedback.isLabelApplicationRecorded(shop.connectionId, 'SHOP-10')).toBe(false);
    expect((await sweep()).queued).toEqual([]);
    expect(await feedback.listForTicket(shop.connectionId, 'SHOP-10')).toHaveLength(1);
  });

  it('re-enqueues every ticket once a new snapshot moved the code under the reports', async () => {
    await harness.commitNewSnapshot();
    const moved = await sweep();
    expect(moved.queued).toHaveLength(BACKLOG);
    expect((await sweep()).queued).toEqual([]);
  });

  it('is delayed by a rate limit on the backlog search and still finishes, with no failed attempt', async () => {
    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 1 }, (r) => r.path === SEARCH);
    jira.editIssue('SHOP-2', { summary: 'Invoice total rounding, again' });
    const delayed = new Promise<void>((resolve) =>
      harness.eventsOf('grooming-sweep').once('delayed', () => resolve()),
    );
    const { id, body, queued } = await sweep();
    await delayed;
    expect(body.status).toBe('done');
    expect(queued).toEqual(['SHOP-2']);
    const job = (await harness.queue('grooming-sweep').getJob(`sweep-${id}`)) as Job;
    // The delay is not an attempt: the one attempt BullMQ counts is the run that completed.
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBeFalsy();
  });

  it('digests exactly the high-risk tickets, newly flagged first, with reasons and shared areas', async () => {
    const reports = harness.get(TicketReportRepository);
    const flagged: string[] = [];
    for (const key of keys) {
      if ((await reports.find(shop.connectionId, key))?.riskLevel === 'high') flagged.push(key);
    }
    expect(flagged.length).toBeGreaterThan(1);
    const { body } = await harness
      .http()
      .get(`/api/project-mappings/${shop.mappingId}/digest`)
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(200);
    const listed = body.tickets as {
      ticketKey: string;
      newlyFlagged: boolean;
      reasons: string[];
      areas: string[];
    }[];
    expect(listed.map((t) => t.ticketKey).sort()).toEqual([...flagged].sort());
    const newly = listed.map((t) => t.newlyFlagged);
    expect(newly).toEqual([...newly].sort((a, b) => Number(b) - Number(a)));
    expect(listed.every((t) => t.reasons.length > 0 && t.areas.length > 0)).toBe(true);
    expect(body.sharedAreas).toEqual(
      expect.arrayContaining([expect.objectContaining({ area: listed[0].areas[0] })]),
    );
  });

  it('refuses a second sweep while one runs, a viewer, and an unknown mapping', async () => {
    await harness
      .http()
      .post(`/api/project-mappings/${shop.mappingId}/sweeps`)
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(403);
    await harness
      .http()
      .post('/api/project-mappings/3f0c7f9e-8a41-4a55-9b1e-0a1f8b9c2d3e/sweeps')
      .set('authorization', `Bearer ${harness.adminKey}`)
      .expect(404);
    const active = await harness.get(SweepRepository).create({
      mappingId: shop.mappingId,
      connectionId: shop.connectionId,
      trigger: 'api',
    });
    const busy = await harness
      .http()
      .post(`/api/project-mappings/${shop.mappingId}/sweeps`)
      .set('authorization', `Bearer ${harness.adminKey}`)
      .expect(409);
    expect(busy.body.error.message).toContain(active.id);
    await harness.get(SweepRepository).finish(active.id, 'failed', 'test cleanup');
    await harness
      .http()
      .get('/api/sweeps/3f0c7f9e-8a41-4a55-9b1e-0a1f8b9c2d3e')
      .set('authorization', `Bearer ${harness.viewerKey}`)
      .expect(404);
  });
});
