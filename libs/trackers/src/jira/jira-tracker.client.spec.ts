import { adfSchemaErrors, FakeJira, sampleRiskReport } from '@sightline/testing';
import { renderNote } from '../notes/render-note';
import { JIRA_RISK_LABEL, NOTE_MARKER } from '../tracker-constants';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TransientError,
} from '../tracker-errors';
import { JiraTrackerClient } from './jira-tracker.client';

const T0 = new Date('2025-03-01T09:00:00.000Z');

describe('JiraTrackerClient against the fake Jira', () => {
  let jira: FakeJira;
  let client: JiraTrackerClient;

  beforeEach(async () => {
    jira = await FakeJira.start({ now: () => T0 });
    client = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'basic', email: 'sightline@example.com', apiToken: jira.botApiToken },
      now: () => T0.getTime(),
    });
    jira.seedIssue({
      key: 'SHOP-1',
      summary: 'Retry failed checkout payments',
      description: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Touches ' },
              { type: 'text', text: 'checkout.ts', marks: [{ type: 'code' }] },
            ],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'retry on 502' }] }],
              },
            ],
          },
        ],
      },
      labels: ['payments', 'q3'],
      components: ['Checkout'],
      issueType: 'Story',
    });
  });

  afterEach(() => jira.stop());

  const writes = (): string[] =>
    jira.requests.filter((r) => r.method !== 'GET' && r.status < 300).map((r) => `${r.method} ${r.path}`);

  it('reads who it is and a normalised ticket', async () => {
    await expect(client.whoAmI()).resolves.toEqual({
      accountId: jira.bot.accountId,
      displayName: 'Sightline',
    });
    const ticket = await client.getTicket('SHOP-1');
    expect(ticket).toEqual({
      tracker: 'jira',
      key: 'SHOP-1',
      id: jira.issue('SHOP-1').id,
      projectKey: 'SHOP',
      title: 'Retry failed checkout payments',
      description: 'Touches checkout.ts\n- retry on 502',
      descriptionSource: { format: 'adf', document: jira.issue('SHOP-1').description },
      type: 'Story',
      status: { name: 'To Do', category: 'new', phase: 'unstarted' },
      labels: ['payments', 'q3'],
      components: ['Checkout'],
      createdAt: T0,
      updatedAt: T0,
      url: `${jira.url}/browse/SHOP-1`,
    });
    const read = jira.requests.find((r) => r.path === '/rest/api/3/issue/SHOP-1');
    expect(read?.query.fields?.join(',').split(',')).toEqual(
      expect.arrayContaining(['summary', 'description', 'labels']),
    );
  });

  it('authenticates with a bearer token as well', async () => {
    const bearer = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'bearer', token: jira.botBearerToken },
    });
    await expect(bearer.whoAmI()).resolves.toMatchObject({ accountId: jira.bot.accountId });
    expect(jira.requests[0].headers.authorization).toBe(`Bearer ${jira.botBearerToken}`);
  });

  it('creates the note once, then updates that same comment in place', async () => {
    const first = await client.upsertNote('SHOP-1', renderNote(sampleRiskReport()));
    expect(first.action).toBe('created');
    const edited = renderNote(sampleRiskReport({ riskLevel: 'medium', confidence: 0.6 }));
    // A retry after a crash has no stored comment id: the marker + bot author find the comment.
    await expect(client.upsertNote('SHOP-1', edited)).resolves.toEqual({
      noteId: first.noteId,
      action: 'updated',
    });
    await expect(client.upsertNote('SHOP-1', edited, first.noteId)).resolves.toEqual({
      noteId: first.noteId,
      action: 'updated',
    });
    const comments = jira.issue('SHOP-1').comments;
    expect(comments).toHaveLength(1);
    expect(comments[0].author.accountId).toBe(jira.bot.accountId);
    expect(comments[0].body).toEqual(edited.adf);
  });

  it('writes a comment body that is valid against the official ADF schema', async () => {
    const note = renderNote(sampleRiskReport({ lowConfidence: true }));
    await client.upsertNote('SHOP-1', note);
    const posted = jira.requests.find((r) => r.method === 'POST' && r.path.endsWith('/comment'));
    const body = (posted?.body as { body: unknown }).body;
    expect(adfSchemaErrors(body)).toEqual([]);
    expect(body).toEqual(note.adf);
  });

  it('ignores a comment with the marker written by someone else and recreates a deleted note', async () => {
    jira.issue('SHOP-1').comments.push({
      id: '1',
      author: jira.human,
      updateAuthor: jira.human,
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `quoting ${NOTE_MARKER}` }] }],
      },
      created: T0,
      updated: T0,
    });
    await expect(client.findOwnNote('SHOP-1', NOTE_MARKER)).resolves.toBeNull();
    const created = await client.upsertNote('SHOP-1', renderNote(sampleRiskReport()), 'no-such-comment');
    expect(created.action).toBe('created');
    expect(jira.issue('SHOP-1').comments.map((c) => c.author.accountId)).toEqual([
      jira.human.accountId,
      jira.bot.accountId,
    ]);
  });

  it('adds and removes the risk label incrementally without clobbering labels users add meanwhile', async () => {
    await expect(client.setRiskLabel('SHOP-1', true)).resolves.toEqual({ changed: true });
    const edit = jira.requests.find((r) => r.method === 'PUT' && r.path === '/rest/api/3/issue/SHOP-1');
    expect(edit?.body).toEqual({ update: { labels: [{ add: JIRA_RISK_LABEL }] } });
    jira.editIssue('SHOP-1', { labels: [...jira.issue('SHOP-1').labels, 'added-by-human'] });
    await expect(client.setRiskLabel('SHOP-1', true)).resolves.toEqual({ changed: false });
    await expect(client.setRiskLabel('SHOP-1', false)).resolves.toEqual({ changed: true });
    expect(jira.issue('SHOP-1').labels).toEqual(['payments', 'q3', 'added-by-human']);
    await expect(client.setRiskLabel('SHOP-1', false, ['payments'])).resolves.toEqual({ changed: false });
    expect(writes()).toEqual(['PUT /rest/api/3/issue/SHOP-1', 'PUT /rest/api/3/issue/SHOP-1']);
  });

  it('upserts the machine-readable issue property and refuses one over 32,768 characters', async () => {
    const data = {
      reportUrl: 'https://sightline.example/r/1',
      title: 'Sightline',
      subtitle: 'Risk: high · 2 areas',
      data: { risk: 'high' },
    };
    await client.writeMachineData('SHOP-1', data);
    await client.writeMachineData('SHOP-1', { ...data, data: { risk: 'low' } });
    expect(jira.issue('SHOP-1').properties.get('sightline')).toEqual({ ...data, data: { risk: 'low' } });
    expect(
      jira.requests.filter((r) => r.path.endsWith('/properties/sightline')).map((r) => r.status),
    ).toEqual([201, 200]);
    const huge = { ...data, data: { blob: 'x'.repeat(33_000) } };
    await expect(client.writeMachineData('SHOP-1', huge)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(jira.requests).toHaveLength(2);
  });

  it('maps 429 (JSON or HTML) to RateLimitedError with the Retry-After delay', async () => {
    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 7 });
    const json = await client.getTicket('SHOP-1').catch((e: unknown) => e);
    expect(json).toBeInstanceOf(RateLimitedError);
    expect(json).toMatchObject({ retryAfterMs: 7000, status: 429 });
    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 2, html: true });
    await expect(client.setRiskLabel('SHOP-1', true, [])).rejects.toMatchObject({
      retryAfterMs: 2000,
      message: expect.stringContaining('HTML'),
    });
    await expect(client.setRiskLabel('SHOP-1', true, [])).resolves.toEqual({ changed: true });
  });

  it('maps 401 to AuthError, 404 to NotFoundError, 5xx and dropped connections to TransientError', async () => {
    jira.failNext(1, { kind: 'unauthorized' });
    await expect(client.whoAmI()).rejects.toBeInstanceOf(AuthError);
    const wrongToken = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'basic', email: 'x@example.com', apiToken: 'nope' },
    });
    await expect(wrongToken.getTicket('SHOP-1')).rejects.toMatchObject({ status: 401, retryable: false });
    await expect(client.getTicket('SHOP-404')).rejects.toBeInstanceOf(NotFoundError);
    jira.failNext(1, { kind: 'server-error', status: 502, html: true });
    await expect(client.getTicket('SHOP-1')).rejects.toBeInstanceOf(TransientError);
    jira.failNext(1, { kind: 'network' });
    await expect(client.getTicket('SHOP-1')).rejects.toMatchObject({ status: undefined, retryable: true });
  });

  it('pages through the backlog with nextPageToken, un-started tickets only', async () => {
    for (let n = 2; n <= 6; n++) {
      jira.seedIssue({
        key: `SHOP-${n}`,
        summary: `Story ${n}`,
        updated: new Date(T0.getTime() + n * 60_000),
      });
    }
    jira.seedIssue({
      key: 'SHOP-7',
      summary: 'Started',
      statusCategory: 'indeterminate',
      status: 'In Progress',
    });
    jira.seedIssue({ key: 'OPS-1', summary: 'Other project' });
    const keys: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.searchBacklog({ projectKey: 'SHOP', pageSize: 2 }, cursor);
      keys.push(...page.tickets.map((t) => t.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(keys).toEqual(['SHOP-6', 'SHOP-5', 'SHOP-4', 'SHOP-3', 'SHOP-2', 'SHOP-1']);
    expect(pages).toBe(3);
    const searches = jira.requests.filter((r) => r.path === '/rest/api/3/search/jql');
    expect(searches.every((r) => (r.query.fields ?? []).join(',').includes('summary'))).toBe(true);
    await expect(client.searchBacklog({ projectKey: 'SHOP" OR project = "OPS' })).rejects.toBeInstanceOf(
      InvalidRequestError,
    );
  });

  it("narrows the backlog with the mapping's JQL, within the project", async () => {
    jira.seedIssue({ key: 'SHOP-20', summary: 'Groom me', labels: ['grooming'] });
    jira.seedIssue({
      key: 'SHOP-21',
      summary: 'Started, groom me too',
      labels: ['grooming'],
      statusCategory: 'indeterminate',
      status: 'In Progress',
    });
    jira.seedIssue({ key: 'OPS-20', summary: 'Other project', labels: ['grooming'] });
    const page = await client.searchBacklog({
      projectKey: 'SHOP',
      jql: 'labels = grooming ORDER BY key ASC',
    });
    expect(page.tickets.map((t) => t.key)).toEqual(['SHOP-20', 'SHOP-21']);
    const search = jira.requests.filter((r) => r.path === '/rest/api/3/search/jql').at(-1);
    expect(search?.query.jql).toEqual(['project = "SHOP" AND (labels = grooming) ORDER BY key ASC']);
  });
});
