import {
  EnrichmentRunRepository,
  TicketReportRepository,
  WebhookDeliveryRepository,
} from '@sightline/persistence';
import {
  adfSchemaErrors,
  FakeJira,
  jiraSignature,
  sendJiraWebhook,
  type JiraEvent,
} from '@sightline/testing';
import { JIRA_PROPERTY_KEY, JIRA_RISK_LABEL, NOTE_MARKER, adfToText } from '@sightline/trackers';
import {
  answerOf,
  EnrichmentHarness,
  INVOICE_ISSUE,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

describe('Jira: webhook → match → risk → one note (e2e)', () => {
  const harness = new EnrichmentHarness();
  let jira: FakeJira;
  let shop: ConnectedTracker;
  let created: JiraEvent;
  let runs: EnrichmentRunRepository;

  const writes = () => jira.requests.filter((r) => r.method !== 'GET' && r.status < 400);
  const comments = () => jira.issue('SHOP-1').comments;

  beforeAll(async () => {
    jira = await FakeJira.start();
    await harness.start();
    await harness.seedRepository();
    shop = await harness.connectJira(jira);
    runs = harness.get(EnrichmentRunRepository);
  });

  afterAll(async () => {
    await harness.stop();
    await jira.stop();
  });

  it('writes exactly one ADF note, the high-risk label and the issue property for a created ticket', async () => {
    created = jira.createIssue({ key: 'SHOP-1', ...INVOICE_ISSUE });
    const answer = answerOf(await jira.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET }));
    expect(answer).toEqual(expect.objectContaining({ outcome: 'enqueued', runId: expect.any(String) }));

    const run = await harness.settle(answer.runId as string);
    expect(run).toEqual(
      expect.objectContaining({ status: 'written', trigger: 'webhook', riskLevel: 'high' }),
    );
    expect(run.outcome).toBe('comment created, risk label added, issue property written');

    const issue = jira.issue('SHOP-1');
    expect(issue.comments).toHaveLength(1);
    const [note] = issue.comments;
    expect(note.author.accountId).toBe(jira.bot.accountId);
    expect(adfSchemaErrors(note.body)).toEqual([]);
    const text = adfToText(note.body);
    expect(text).toContain('HIGH RISK');
    expect(text).toContain('packages/billing');
    expect(text).toContain(NOTE_MARKER);
    expect(issue.labels).toEqual([JIRA_RISK_LABEL]);
    const property = issue.properties.get(JIRA_PROPERTY_KEY) as {
      reportUrl: string;
      subtitle: string;
      data: Record<string, unknown>;
    };
    expect(property.reportUrl).toMatch(
      new RegExp(
        `^${harness.config.ENRICHMENT_PUBLIC_URL}/reports/jira/SHOP-1\\?connection=${shop.connectionId}&token=[\\w-]{43}$`,
      ),
    );
    expect(text).toContain('Full report');
    expect(property.subtitle).toMatch(/^Risk: high · \d areas?$/);
    expect(property.data).toEqual(
      expect.objectContaining({ riskLevel: 'high', contentHash: run.contentHash }),
    );
    expect(JSON.stringify(property).length).toBeLessThan(32_768);

    const report = await harness.get(TicketReportRepository).find(shop.connectionId, 'SHOP-1');
    expect(report).toEqual(
      expect.objectContaining({ riskLevel: 'high', contentHash: run.contentHash, projectKey: 'SHOP' }),
    );
    expect(report?.snapshots).toEqual([expect.objectContaining({ repositoryId: harness.repositoryId })]);
  });

  it('does no work for a redelivery of the same delivery', async () => {
    const before = {
      requests: jira.requests.length,
      runs: (await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total,
    };
    const counts = await harness.queue('ticket-enrichment').getJobCounts();
    const answer = answerOf(
      await jira.deliver(shop.webhookUrl, created, { secret: WEBHOOK_SECRET, retry: 1 }),
    );
    expect(answer.outcome).toBe('duplicate');
    expect((await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total).toBe(
      before.runs,
    );
    expect(await harness.queue('ticket-enrichment').getJobCounts()).toEqual(counts);
    expect(jira.requests.length).toBe(before.requests);
  });

  it('ignores Sightline’s own writes echoed back as webhooks', async () => {
    const actor = (event: JiraEvent) =>
      (event.payload.user as { accountId?: string } | undefined)?.accountId ??
      (event.payload.comment as { author?: { accountId?: string } } | undefined)?.author?.accountId;
    const own = jira.events.filter((event) => actor(event) === jira.bot.accountId);
    const names = own.map((event) => event.payload.webhookEvent);
    expect(names).toEqual(
      expect.arrayContaining(['comment_created', 'jira:issue_updated', 'issue_property_set']),
    );
    const total = (await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total;
    for (const event of own) {
      const answer = answerOf(await jira.deliver(shop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
      expect(answer.outcome).toBe('ignored');
      expect(['own-write', 'not-note-relevant']).toContain(answer.reason);
    }
    expect((await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total).toBe(total);
  });

  it('writes nothing when an edit leaves the note unchanged', async () => {
    const writesBefore = writes().length;
    const edit = jira.editIssue('SHOP-1', { description: `${INVOICE_ISSUE.description} ` });
    const answer = answerOf(
      await jira.deliver(shop.webhookUrl, edit as JiraEvent, { secret: WEBHOOK_SECRET }),
    );
    const run = await harness.settle(answer.runId as string);
    expect(run.status).toBe('unchanged');
    expect(writes().length).toBe(writesBefore);
    expect(await harness.queue('tracker-writeback').getJob(`write-${run.id}`)).toBeUndefined();
  });

  it('updates the same comment in place when the ticket changes, and removes the label when the risk drops', async () => {
    const [before] = comments();
    const edit = jira.editIssue('SHOP-1', {
      summary: 'Trim whitespace in the UI label text',
      description: 'labelText in the ui package should trim its text.',
    });
    const answer = answerOf(
      await jira.deliver(shop.webhookUrl, edit as JiraEvent, { secret: WEBHOOK_SECRET }),
    );
    const run = await harness.settle(answer.runId as string);
    expect(run.status).toBe('written');
    expect(run.riskLevel).not.toBe('high');
    expect(run.outcome).toMatch(/^comment updated, risk label removed/);

    const after = comments();
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    expect(adfSchemaErrors(after[0].body)).toEqual([]);
    expect(adfToText(after[0].body)).toContain('packages/ui');
    expect(jira.issue('SHOP-1').labels).toEqual([]);
    const posts = jira.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comment'));
    expect(posts).toHaveLength(1);
  });

  it('refuses a forged delivery with 401 and stores and queues nothing', async () => {
    const edit = jira.editIssue('SHOP-1', { summary: 'Invoice totals per tax rate are wrong' }) as JiraEvent;
    const counts = await harness.queue('ticket-enrichment').getJobCounts();
    const total = (await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total;
    const forged = await jira.deliver(shop.webhookUrl, edit, {
      signature: jiraSignature('{"other":"body"}', WEBHOOK_SECRET),
    });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.responseBody).error.message).toMatch(/does not match/);
    const unsigned = await jira.deliver(shop.webhookUrl, edit);
    expect(unsigned.status).toBe(401);
    const wrongSecret = await jira.deliver(shop.webhookUrl, edit, { secret: 'not-the-secret-of-this-hook' });
    expect(wrongSecret.status).toBe(401);

    expect(
      await harness.get(WebhookDeliveryRepository).exists(shop.connectionId, `jira:${edit.identifier}`),
    ).toBe(false);
    expect((await runs.list({ connectionId: shop.connectionId, limit: 1, offset: 0 })).total).toBe(total);
    expect(await harness.queue('ticket-enrichment').getJobCounts()).toEqual(counts);

    // The genuine delivery of the same event is still processed afterwards.
    const genuine = answerOf(await jira.deliver(shop.webhookUrl, edit, { secret: WEBHOOK_SECRET }));
    expect(genuine.outcome).toBe('enqueued');
    await harness.settle(genuine.runId as string);
  });

  it('answers 400 for malformed JSON, 413 over 1 MiB, 404 for an unknown connection', async () => {
    const malformed = '{"webhookEvent": "jira:issue_created", ';
    const bad = await sendRaw(shop.webhookUrl, malformed, {
      'x-hub-signature': jiraSignature(malformed, WEBHOOK_SECRET),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(
      /^the request body is not valid JSON \(.+\); send one JSON document with Content-Type: application\/json$/,
    );
    const notAWebhook = JSON.stringify({ hello: 'world' });
    const wrongShape = await sendRaw(shop.webhookUrl, notAWebhook, {
      'x-hub-signature': jiraSignature(notAWebhook, WEBHOOK_SECRET),
    });
    expect(wrongShape.status).toBe(400);
    const huge = JSON.stringify({ webhookEvent: 'jira:issue_created', padding: 'x'.repeat(1024 * 1024) });
    const tooLarge = await sendRaw(shop.webhookUrl, huge, {
      'x-hub-signature': jiraSignature(huge, WEBHOOK_SECRET),
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body).error.message).toBe(
      'request body too large: the limit is 1048576 bytes',
    );
    const unknown = await sendJiraWebhook(
      `${harness.baseUrl}/webhooks/jira/00000000-0000-4000-8000-000000000000`,
      created.payload,
      {
        secret: WEBHOOK_SECRET,
      },
    );
    expect(unknown.status).toBe(404);
    const notAnId = await sendJiraWebhook(
      `${harness.baseUrl}/webhooks/jira/not-a-connection`,
      created.payload,
      {
        secret: WEBHOOK_SECRET,
      },
    );
    expect(notAnId.status).toBe(404);
  });
});

async function sendRaw(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-atlassian-webhook-identifier': `raw-${Math.random()}`,
      ...headers,
    },
  });
  return { status: response.status, body: await response.text() };
}
