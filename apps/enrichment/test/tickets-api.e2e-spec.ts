import { AuditLogRepository, TicketFeedbackRepository, TicketReportRepository } from '@sightline/persistence';
import { adfSchemaErrors, FakeJira, type JiraEvent } from '@sightline/testing';
import { adfToText } from '@sightline/trackers';
import {
  answerOf,
  EnrichmentHarness,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

describe('ticket report API (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;
  let dry: ConnectedTracker;

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  async function enrich(connection: ConnectedTracker, key: string, summary: string, description = '') {
    const event: JiraEvent = jira.createIssue({ key, summary, description });
    const answer = answerOf(await jira.deliver(connection.webhookUrl, event, { secret: WEBHOOK_SECRET }));
    return harness.settle(answer.runId as string);
  }

  beforeAll(async () => {
    jira = await FakeJira.start();
    await harness.start();
    await harness.seedRepository();
    // Project keys of this file only: other specs run alongside on the same database.
    shop = await harness.connectJira(jira, { projectKey: 'TAPI' });
    dry = await harness.connectJira(jira, { projectKey: 'TDRY', writebackMode: 'dry-run' });
    await enrich(
      shop,
      'TAPI-1',
      'Invoice total rounding is wrong when discounts apply',
      'invoiceTotal per tax rate',
    );
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  it('returns the stored report with the rendered note and what the tracker shows, to viewers too', async () => {
    const response = await harness.http().get('/api/tickets/jira/TAPI-1/report').set(as(harness.viewerKey));
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toEqual(
      expect.objectContaining({
        connectionId: shop.connectionId,
        ticketKey: 'TAPI-1',
        riskLevel: 'high',
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        ticket: expect.objectContaining({ title: 'Invoice total rounding is wrong when discounts apply' }),
      }),
    );
    expect(body.report.areas[0].path).toMatch(/^packages\/billing/);
    expect(body.note.markdown).toContain('HIGH RISK');
    expect(adfSchemaErrors(body.note.adf)).toEqual([]);
    expect(body.snapshots).toEqual([
      expect.objectContaining({ repositoryId: harness.repositoryId, head: expect.any(String) }),
    ]);
    expect(body.risk.repositories[0].reasons.length).toBeGreaterThan(0);
    // The scale `sightline assess` and `eval --risk` use: past changes as the matcher matches them.
    expect(body.risk.repositories[0].evidence.basis).toBe('matched');
    expect(body.writeback).toEqual(
      expect.objectContaining({
        mode: 'comment+label',
        noteId: jira.issue('TAPI-1').comments[0].id,
        noteCurrent: true,
        labelPresent: true,
      }),
    );
    expect(body.lastRun).toEqual(expect.objectContaining({ status: 'written', trigger: 'webhook' }));
    const scoped = await harness
      .http()
      .get(`/api/tickets/jira/TAPI-1/report?connectionId=${shop.connectionId}`)
      .set(as(harness.viewerKey));
    expect(scoped.body.contentHash).toBe(body.contentHash);
  });

  it('opens the note\'s "Full report" link without an API key, and nothing with a forged or borrowed one', async () => {
    const { body } = await harness.http().get('/api/tickets/jira/TAPI-1/report').set(as(harness.viewerKey));
    const link = new URL(body.report.reportUrl as string);
    expect(link.pathname).toBe('/reports/jira/TAPI-1');
    const page = await harness.http().get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('Invoice total rounding is wrong when discounts apply');
    expect(page.text).toContain('<strong>HIGH RISK</strong>');
    expect(page.text).toContain('<h2>Best matching files</h2>');
    expect(page.text).toContain(`<code>${body.matches[0].files[0].path}</code>`);

    const token = link.searchParams.get('token')!;
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const tries = [
      `/reports/jira/TAPI-1?connection=${shop.connectionId}&token=${forged}`,
      // The same token does not open another ticket, nor the same key on another connection.
      `/reports/jira/TAPI-2?connection=${shop.connectionId}&token=${token}`,
      `/reports/jira/TAPI-1?connection=${dry.connectionId}&token=${token}`,
      `/reports/linear/TAPI-1?connection=${shop.connectionId}&token=${token}`,
    ];
    for (const path of tries) {
      const response = await harness.http().get(path);
      expect(response.status).toBe(404);
      expect(response.body.error.message).toMatch(/open it again from the ticket/);
    }
    const malformed = await harness
      .http()
      .get(`/reports/jira/TAPI-1?connection=${shop.connectionId}&token=x`);
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('token');
    expect((await harness.http().get('/reports/jira/TAPI-1')).status).toBe(400);
  });

  it('explains a missing report by what happened to the ticket', async () => {
    const unmapped = await enrich(shop, 'TNOPE-1', 'Invoice totals');
    expect(unmapped).toEqual(
      expect.objectContaining({
        status: 'skipped',
        outcome: 'no project mapping for TNOPE on this connection',
      }),
    );
    const response = await harness.http().get('/api/tickets/jira/TNOPE-1/report').set(as(harness.viewerKey));
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/skipped: no project mapping for TNOPE/);
    const never = await harness.http().get('/api/tickets/jira/TAPI-999/report').set(as(harness.viewerKey));
    expect(never.status).toBe(404);
    expect(never.body.error.message).toMatch(/has not been enriched/);
    expect((await harness.http().get('/api/tickets/jira/TAPI-1/report')).status).toBe(401);
    expect(
      (await harness.http().get('/api/tickets/github/TAPI-1/report').set(as(harness.viewerKey))).status,
    ).toBe(400);
    expect(
      (await harness.http().get('/api/tickets/jira/not-a-key/report').set(as(harness.viewerKey))).status,
    ).toBe(400);
  });

  it('stores the report but writes nothing for a dry-run mapping', async () => {
    const run = await enrich(dry, 'TDRY-1', 'Invoice total rounding is wrong when discounts apply');
    expect(run.status).toBe('dry-run');
    expect(jira.issue('TDRY-1').comments).toEqual([]);
    expect(jira.issue('TDRY-1').labels).toEqual([]);
    expect(jira.issue('TDRY-1').properties.size).toBe(0);
    expect(await harness.get(TicketReportRepository).find(dry.connectionId, 'TDRY-1')).toEqual(
      expect.objectContaining({ riskLevel: 'high' }),
    );
  });

  it('matches on the source text the stored corpus keeps, as `sightline match` does', async () => {
    // `padEnd` is only called in packages/ui/src/label.ts: no file declares it, no path, comment
    // or commit names it, so only the files' source text can place the ticket.
    const run = await enrich(dry, 'TDRY-2', 'padEnd pads short strings');
    expect(run.status).toBe('dry-run');
    const report = await harness.get(TicketReportRepository).find(dry.connectionId, 'TDRY-2');
    expect((report?.matches[0].files as { path: string }[])[0].path).toBe('packages/ui/src/label.ts');
  });

  it('previews an enrichment without writing, and says whether anything would be written', async () => {
    const requests = jira.requests.length;
    const response = await harness
      .http()
      .post('/api/tickets/jira/TAPI-1/enrich')
      .set(as(harness.viewerKey))
      .send({ mode: 'preview' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.objectContaining({
        ticketKey: 'TAPI-1',
        riskLevel: 'high',
        wouldWrite: expect.objectContaining({ nothingBecause: 'unchanged' }),
      }),
    );
    expect(adfToText(response.body.note.adf)).toContain('HIGH RISK');
    expect(jira.requests.slice(requests).every((r) => r.method === 'GET')).toBe(true);
  });

  it('forces a rewrite for admins only, and records who did it', async () => {
    const viewer = await harness
      .http()
      .post('/api/tickets/jira/TAPI-1/enrich')
      .set(as(harness.viewerKey))
      .send({ mode: 'force' });
    expect(viewer.status).toBe(403);
    const response = await harness
      .http()
      .post('/api/tickets/jira/TAPI-1/enrich')
      .set(as(harness.adminKey))
      .send({ mode: 'force' });
    expect(response.status).toBe(202);
    expect(response.body).toEqual(expect.objectContaining({ status: 'queued', trigger: 'force' }));
    const run = await harness.settle(response.body.id);
    expect(run.status).toBe('written');
    expect(run.outcome).toBe('comment updated, risk label already as wanted, issue property written');
    expect(jira.issue('TAPI-1').comments).toHaveLength(1);
    const audit = await harness
      .get(AuditLogRepository)
      .list({ resourceType: 'ticket-enrichment', resourceId: run.id, limit: 5, offset: 0 });
    expect(audit).toEqual([expect.objectContaining({ action: 'trigger' })]);
  });

  it('stores "wrong area" feedback, feeds it to the matcher and enriches the ticket again', async () => {
    const before = (await harness.http().get('/api/tickets/jira/TAPI-1/report').set(as(harness.viewerKey)))
      .body;
    const area = before.report.areas[0].path;
    const response = await harness
      .http()
      .post('/api/tickets/jira/TAPI-1/feedback')
      .set(as(harness.adminKey))
      .send({ area, verdict: 'wrong' });
    expect(response.status).toBe(201);
    expect(response.body.feedback).toEqual(
      expect.objectContaining({ ticketKey: 'TAPI-1', area, verdict: 'wrong' }),
    );
    const stored = await harness.get(TicketFeedbackRepository).listForProject(shop.connectionId, 'TAPI');
    expect(stored).toEqual([
      expect.objectContaining({ path: area, verdict: 'wrong', repositoryId: harness.repositoryId }),
    ]);

    const run = await harness.settle(response.body.runId);
    expect(run.trigger).toBe('feedback');
    const scoreOf = (report: { matches: { areas: { path: string; score: number }[] }[] }) =>
      report.matches[0].areas.find((candidate) => candidate.path === area)?.score ?? 0;
    const after = (await harness.http().get('/api/tickets/jira/TAPI-1/report').set(as(harness.viewerKey)))
      .body;
    expect(scoreOf(after)).toBeLessThan(scoreOf(before));
    expect(jira.issue('TAPI-1').comments).toHaveLength(1);

    const bad = await harness
      .http()
      .post('/api/tickets/jira/TAPI-1/feedback')
      .set(as(harness.adminKey))
      .send({ area, verdict: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'verdict' })]);
  });

  it('lists recent enrichments with their outcome, filtered and paged', async () => {
    const all = await harness.http().get('/api/enrichments?limit=2').set(as(harness.viewerKey));
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const shop1 = await harness
      .http()
      .get(`/api/enrichments?ticketKey=TAPI-1&connectionId=${shop.connectionId}`)
      .set(as(harness.viewerKey));
    expect(shop1.body.items.map((run: { trigger: string }) => run.trigger)).toEqual([
      'feedback',
      'force',
      'webhook',
    ]);
    const skipped = await harness
      .http()
      .get(`/api/enrichments?status=skipped&connectionId=${shop.connectionId}`)
      .set(as(harness.viewerKey));
    expect(skipped.body.items).toEqual([
      expect.objectContaining({ ticketKey: 'TNOPE-1', outcome: expect.stringMatching(/no project mapping/) }),
    ]);
    const one = await harness
      .http()
      .get(`/api/enrichments/${skipped.body.items[0].id}`)
      .set(as(harness.viewerKey));
    expect(one.body.id).toBe(skipped.body.items[0].id);
    expect((await harness.http().get('/api/enrichments?status=nope').set(as(harness.viewerKey))).status).toBe(
      400,
    );
  });

  it('says so in the note when no code matched, and claims no level', async () => {
    const run = await enrich(shop, 'TAPI-2', 'Follow up on the thing from the meeting');
    expect(run.status).toBe('written');
    const note = adfToText(jira.issue('TAPI-2').comments[0].body);
    expect(note).toMatch(/NO RISK LEVEL confidence 0\.00/);
    expect(note).toMatch(/No code matched: nothing in the repository's code matches the ticket\./);
    expect(note).not.toMatch(/LOW RISK|the areas below/);
    expect(jira.issue('TAPI-2').labels).toEqual([]);
  });
});
