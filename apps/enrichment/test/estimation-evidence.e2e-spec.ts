import { PastTicketLifecycleRepository, TicketReportRepository } from '@sightline/persistence';
import { adfSchemaErrors, FakeJira, FakeLinear } from '@sightline/testing';
import { adfToText } from '@sightline/trackers';
import {
  answerOf,
  EnrichmentHarness,
  INVOICE_ISSUE,
  WEBHOOK_SECRET,
} from './support/enrichment-harness.fixture-spec';

const DAY = 86_400_000;
const CREATED = new Date('2024-01-08T09:00:00.000Z');
const after = (days: number) => new Date(CREATED.getTime() + days * DAY);
/**
 * The fixture history's invoice tickets SHOP-101…SHOP-120 changed packages/billing. In the tracker,
 * seven of them were done after these many days with these story points; the rest are still open,
 * closed as Won't Do, or unknown to the tracker.
 */
const DONE: [number, number, number][] = [
  [101, 13, 8],
  [102, 1, 1],
  [103, 5, 3],
  [104, 21, 13],
  [105, 2, 1],
  [106, 8, 5],
  [107, 3, 2],
];
// Durations 1 2 3 5 8 13 21: P50 rank ⌈3.5⌉ = 4 → 5 days, P90 rank ⌈6.3⌉ = 7 → 21 days. Points
// 1 1 2 3 5 8 13 → median 3; days per point 1 2 1.5 1.67 1.6 1.63 1.62 → median 1.62 ≈ 1.6.
const EVIDENCE =
  'Similar past tickets in these areas took 5–21 days from created to done (P50 5 days, P90 21 days; 7 tickets).' +
  ' Of those with story points (7): median estimate 3 points, median 1.6 days per point.';

describe('estimation evidence: past tickets of the areas, from the tracker, in the note (e2e)', () => {
  const harness = new EnrichmentHarness();

  beforeAll(async () => {
    await harness.start();
    await harness.seedRepository();
  });

  afterAll(() => harness.stop());

  /** `deleted`: done tickets the tracker no longer knows. */
  function seedJiraPast(jira: FakeJira, deleted: readonly number[] = []): void {
    for (const [n, days, points] of DONE.filter(([n]) => !deleted.includes(n))) {
      jira.seedIssue({
        key: `SHOP-${n}`,
        summary: `past ${n}`,
        created: CREATED,
        statusCategory: 'done',
        status: 'Done',
        resolved: after(days),
        storyPoints: points,
      });
    }
    jira.seedIssue({ key: 'SHOP-108', summary: 'open', created: CREATED, statusCategory: 'indeterminate' });
    jira.seedIssue({
      key: 'SHOP-109',
      summary: 'dropped',
      created: CREATED,
      statusCategory: 'done',
      resolution: "Won't Do",
      resolved: after(1),
    });
    // SHOP-110…SHOP-120 were deleted: the tracker does not know them.
  }

  const bulkFetches = (jira: FakeJira) => jira.requests.filter((r) => r.path.endsWith('/bulkfetch'));

  it('Jira: the note states P50/P90 and estimate vs actual of the past tickets; they are fetched once', async () => {
    const jira = await FakeJira.start();
    try {
      seedJiraPast(jira);
      const shop = await harness.connectJira(jira);
      const created = jira.createIssue({ key: 'SHOP-1', ...INVOICE_ISSUE });
      const answer = answerOf(await jira.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
      const run = await harness.settle(answer.runId as string);
      expect(run.status).toBe('written');

      const [note] = jira.issue('SHOP-1').comments;
      expect(adfSchemaErrors(note.body)).toEqual([]);
      expect(adfToText(note.body)).toContain(EVIDENCE);
      // The similar tickets it lists show how long they took in Jira, not their commit span.
      for (const [key, took] of [
        ['SHOP-106', '8 days'],
        ['SHOP-104', '21 days'],
        ['SHOP-102', '1 day'],
      ])
        expect(adfToText(note.body)).toMatch(
          new RegExp(`${key} \\([^)]*, took ${took} from created to done\\)`),
        );
      expect(adfToText(note.body)).not.toContain('from first to last commit');
      // No person is named by the evidence: the read asked for dates, status and points only.
      const fields = (bulkFetches(jira)[0].body as { fields: string[] }).fields;
      expect(fields.join()).not.toMatch(/assignee|reporter|creator/);

      const report = await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-1');
      expect((report?.risk as { estimation: unknown }).estimation).toEqual({
        candidates: 20,
        known: 9,
        evidence: expect.objectContaining({
          tickets: 7,
          p50Days: 5,
          p90Days: 21,
          keys: ['SHOP-102', 'SHOP-105', 'SHOP-107', 'SHOP-103', 'SHOP-106', 'SHOP-101', 'SHOP-104'],
          estimates: { tickets: 7, medianPoints: 3, medianDaysPerPoint: 1.62 },
        }),
      });
      const cached = await harness
        .get(PastTicketLifecycleRepository)
        .find(shop.connectionId, ['SHOP-101', 'SHOP-120']);
      expect(cached.map((row) => [row.ticketKey, row.found])).toEqual(
        expect.arrayContaining([
          ['SHOP-101', true],
          ['SHOP-120', false],
        ]),
      );

      // The grooming digest shows the same evidence for the flagged ticket.
      const digest = await harness
        .http()
        .get(`/api/project-mappings/${shop.mappingId}/digest`)
        .set('Authorization', `Bearer ${harness.viewerKey}`);
      expect(digest.status).toBe(200);
      expect(digest.body.tickets).toEqual([
        expect.objectContaining({ ticketKey: 'SHOP-1', estimation: EVIDENCE }),
      ]);

      // An edit re-enriches the ticket: every past ticket comes from the cache, none from Jira, and
      // the evidence (like the rest of the note) is the same, so nothing is rewritten.
      const edited = jira.editIssue('SHOP-1', { summary: `${INVOICE_ISSUE.summary} (EU)` });
      const again = answerOf(await jira.deliver(shop.webhookUrl, edited!, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(again.runId as string)).status).toBe('unchanged');
      // Past tickets once; the second read is the digest asking whether SHOP-1 is still open.
      const keysRead = bulkFetches(jira).map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys);
      expect(keysRead).toEqual([expect.arrayContaining(['SHOP-101', 'SHOP-120']), ['SHOP-1']]);
      expect(jira.requests.filter((r) => r.path === '/rest/api/3/field')).toHaveLength(1);
      expect(adfToText(jira.issue('SHOP-1').comments[0].body)).toContain(EVIDENCE);
    } finally {
      await jira.stop();
    }
  });

  it('Jira: a similar ticket Jira does not know is not listed', async () => {
    const jira = await FakeJira.start();
    try {
      seedJiraPast(jira, [106]);
      const shop = await harness.connectJira(jira);
      const created = jira.createIssue({ key: 'SHOP-4', ...INVOICE_ISSUE });
      const answer = answerOf(await jira.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(answer.runId as string)).status).toBe('written');
      const text = adfToText(jira.issue('SHOP-4').comments[0].body);
      expect(text).toMatch(/SHOP-104 \([^)]*, took 21 days from created to done\)/);
      expect(text).toMatch(/SHOP-102 \([^)]*, took 1 day from created to done\)/);
      // Not listed; the match reasons still say which past tickets' commits matched the text.
      expect(text).not.toMatch(/- SHOP-106 \(/);
      const report = await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-4');
      const listed = (report?.noteReport as { similarTickets: { key: string }[] }).similarTickets;
      expect(listed.map((ticket) => ticket.key)).toEqual(['SHOP-104', 'SHOP-102']);
    } finally {
      await jira.stop();
    }
  });

  it('Jira: a ticket whose own commits are in the history is not its own similar ticket', async () => {
    const jira = await FakeJira.start();
    try {
      seedJiraPast(jira, [106]);
      const shop = await harness.connectJira(jira);
      // Commits naming SHOP-106 already changed packages/billing: work on it has begun.
      const reopened = jira.createIssue({ key: 'SHOP-106', ...INVOICE_ISSUE });
      const answer = answerOf(await jira.deliver(shop.webhookUrl, reopened, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(answer.runId as string)).status).toBe('written');
      const text = adfToText(jira.issue('SHOP-106').comments[0].body);
      expect(text).not.toMatch(/- SHOP-106 \(/);
      expect(text).toContain('invoice.ts: Commits naming SHOP-106 already changed it');
      const report = await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-106');
      const listed = (report?.noteReport as { similarTickets: { key: string }[] }).similarTickets;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.map((ticket) => ticket.key)).not.toContain('SHOP-106');
    } finally {
      await jira.stop();
    }
  });

  it('Jira: a failing read never fails the enrichment; a rate limit delays it and the evidence follows', async () => {
    const jira = await FakeJira.start();
    try {
      seedJiraPast(jira);
      const shop = await harness.connectJira(jira);
      jira.failNext(1, { kind: 'server-error', status: 503 }, (r) => r.path.endsWith('/bulkfetch'));
      const created = jira.createIssue({ key: 'SHOP-2', ...INVOICE_ISSUE });
      const answer = answerOf(await jira.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(answer.runId as string)).status).toBe('written');
      const text = adfToText(jira.issue('SHOP-2').comments[0].body);
      expect(text).toContain('HIGH RISK');
      expect(text).not.toContain('from created to done');
      expect(harness.logs.text()).toContain('the note goes without fresh duration evidence');

      jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 1 }, (r) => r.path.endsWith('/bulkfetch'));
      const next = jira.createIssue({ key: 'SHOP-3', ...INVOICE_ISSUE });
      const queued = answerOf(await jira.deliver(shop.webhookUrl, next, { secret: WEBHOOK_SECRET }));
      const run = await harness.settle(queued.runId as string);
      expect(run.status).toBe('written');
      expect(bulkFetches(jira).map((r) => r.status)).toEqual([503, 429, 200]);
      expect(adfToText(jira.issue('SHOP-3').comments[0].body)).toContain(EVIDENCE);
    } finally {
      await jira.stop();
    }
  });

  it('Linear: completedAt and estimate of the team past issues, archived ones included', async () => {
    const linear = await FakeLinear.start();
    try {
      // SHOP-1…SHOP-100 exist but are not in the history; SHOP-101…107 are the done ones above.
      for (let n = 1; n <= 107; n++) {
        const done = DONE.find(([k]) => k === n);
        linear.seedIssue({
          teamKey: 'SHOP',
          title: `past ${n}`,
          createdAt: CREATED,
          ...(done
            ? { state: 'Done', completedAt: after(done[1]), estimate: done[2], archivedAt: after(60) }
            : {}),
        });
      }
      const shop = await harness.connectLinear(linear);
      const created = linear.createIssue({
        teamKey: 'SHOP',
        title: INVOICE_ISSUE.summary,
        description: INVOICE_ISSUE.description,
      });
      const answer = answerOf(await linear.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
      expect((await harness.settle(answer.runId as string)).status).toBe('written');
      const [note] = linear.commentsOn('SHOP-108');
      expect(note.body).toContain(EVIDENCE.replace(/[()]/g, '\\$&'));
    } finally {
      await linear.stop();
    }
  });
});
