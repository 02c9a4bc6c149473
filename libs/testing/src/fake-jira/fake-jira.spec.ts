import { FakeJira } from './fake-jira.server';

describe('FakeJira wire behaviour (trackers.md §8)', () => {
  let jira: FakeJira;
  let auth: string;

  beforeEach(async () => {
    jira = await FakeJira.start({ now: () => new Date('2025-03-01T09:00:00.000Z') });
    auth = `Basic ${Buffer.from(`sightline@example.com:${jira.botApiToken}`).toString('base64')}`;
    jira.seedIssue({ key: 'ENG-1', summary: 'Story', labels: ['ux', 'q3'] });
  });
  afterEach(() => jira.stop());

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${jira.url}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };

  it('answers 410 on the removed /search endpoints and 401 without credentials', async () => {
    const gone = await call('GET', '/rest/api/3/search?jql=project=ENG');
    expect(gone.status).toBe(410);
    expect(String((gone.json?.errorMessages as string[])[0])).toContain('/rest/api/3/search/jql');
    expect((await call('POST', '/rest/api/2/search', { jql: '' })).status).toBe(410);
    const anonymous = await fetch(`${jira.url}/rest/api/3/myself`);
    expect(anonymous.status).toBe(401);
  });

  it('applies update.labels add/remove/set incrementally, fields.labels as a replacement, and rejects spaces', async () => {
    expect(
      (await call('PUT', '/rest/api/3/issue/ENG-1', { update: { labels: [{ add: 'a' }, { remove: 'q3' }] } }))
        .status,
    ).toBe(204);
    expect(jira.issue('ENG-1').labels).toEqual(['ux', 'a']);
    await call('PUT', '/rest/api/3/issue/ENG-1', { fields: { labels: ['only'] } });
    expect(jira.issue('ENG-1').labels).toEqual(['only']);
    await call('PUT', '/rest/api/3/issue/ENG-1', { update: { labels: [{ set: ['x', 'y'] }] } });
    expect(jira.issue('ENG-1').labels).toEqual(['x', 'y']);
    const spaced = await call('PUT', '/rest/api/3/issue/ENG-1', {
      update: { labels: [{ add: 'high risk' }] },
    });
    expect(spaced).toMatchObject({
      status: 400,
      json: {
        errorMessages: [],
        errors: { labels: "The label 'high risk' contains spaces which is invalid." },
      },
    });
    expect(jira.issue('ENG-1').labels).toEqual(['x', 'y']);
  });

  it('stores issue properties up to 32,768 characters and returns them on GET issue', async () => {
    expect((await call('PUT', '/rest/api/3/issue/ENG-1/properties/sightline', { v: 1 })).status).toBe(201);
    expect((await call('PUT', '/rest/api/3/issue/ENG-1/properties/sightline', { v: 2 })).status).toBe(200);
    const tooBig = JSON.stringify({ v: 'x'.repeat(32_768) });
    expect((await call('PUT', '/rest/api/3/issue/ENG-1/properties/sightline', tooBig)).status).toBe(400);
    const issue = await call('GET', '/rest/api/3/issue/ENG-1?fields=summary&properties=sightline');
    expect(issue.json).toMatchObject({
      key: 'ENG-1',
      fields: { summary: 'Story' },
      properties: { sightline: { v: 2 } },
    });
    expect(Object.keys(issue.json?.fields as object)).toEqual(['summary']);
  });

  it('upserts remote links by globalId', async () => {
    const link = {
      globalId: 'sightline:ENG-1',
      object: { url: 'https://s.example/r/1', title: 'Sightline' },
    };
    const created = await call('POST', '/rest/api/3/issue/ENG-1/remotelink', link);
    const updated = await call('POST', '/rest/api/3/issue/ENG-1/remotelink', {
      ...link,
      object: { url: 'https://s.example/r/2', title: 'v2' },
    });
    expect([created.status, updated.status]).toEqual([201, 200]);
    expect(updated.json?.id).toBe(created.json?.id);
    expect(jira.issue('ENG-1').remoteLinks).toHaveLength(1);
    expect(
      (await call('GET', '/rest/api/3/issue/ENG-1/remotelink?globalId=sightline:ENG-1')).json,
    ).toMatchObject({ object: { title: 'v2' } });
  });

  it('searches with search/jql: id-only default fields, cursor paging, isLast and no total', async () => {
    jira.seedIssue({ key: 'ENG-2', summary: 'Two' });
    jira.seedIssue({ key: 'ENG-3', summary: 'Three' });
    const first = await call(
      'GET',
      '/rest/api/3/search/jql?jql=project%20%3D%20ENG%20ORDER%20BY%20key%20ASC&maxResults=2',
    );
    expect(first.json).toEqual({
      issues: [{ id: jira.issue('ENG-1').id }, { id: jira.issue('ENG-2').id }],
      isLast: false,
      nextPageToken: expect.any(String),
    });
    const second = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = ENG ORDER BY key ASC',
      maxResults: 2,
      fields: ['summary'],
      nextPageToken: first.json?.nextPageToken,
    });
    expect(second.json).toMatchObject({
      issues: [{ key: 'ENG-3', fields: { summary: 'Three' } }],
      isLast: true,
    });
    expect(second.json).not.toHaveProperty('nextPageToken');
    const repeated = await call(
      'GET',
      '/rest/api/3/search/jql?jql=key%20%3D%20ENG-1&fields=summary&fields=labels',
    );
    expect((repeated.json?.issues as { fields: object }[])[0].fields).toEqual({
      summary: 'Story',
      labels: ['ux', 'q3'],
    });
    expect((await call('GET', '/rest/api/3/search/jql?jql=assignee%20%3D%20me')).status).toBe(400);
  });

  it('rejects comment bodies that are not valid ADF and serves paged comments', async () => {
    const invalid = await call('POST', '/rest/api/3/issue/ENG-1/comment', { body: 'plain text' });
    expect(invalid.status).toBe(400);
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
    };
    const created = await call('POST', '/rest/api/3/issue/ENG-1/comment', { body: doc });
    expect(created).toMatchObject({
      status: 201,
      json: { author: { accountId: jira.bot.accountId }, created: '2025-03-01T09:00:00.000+0000' },
    });
    const list = await call('GET', '/rest/api/3/issue/ENG-1/comment?startAt=0&maxResults=10');
    expect(list.json).toMatchObject({ startAt: 0, total: 1, comments: [{ body: doc }] });
  });

  it('injects faults for the next N matching requests only', async () => {
    jira.failNext(2, { kind: 'rate-limit', retryAfterSeconds: 3 }, (r) => r.method === 'PUT');
    expect((await call('GET', '/rest/api/3/myself')).status).toBe(200);
    const limited = await fetch(`${jira.url}/rest/api/3/issue/ENG-1`, {
      method: 'PUT',
      headers: { authorization: auth },
      body: '{}',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect((await call('PUT', '/rest/api/3/issue/ENG-1', {})).status).toBe(429);
    expect((await call('PUT', '/rest/api/3/issue/ENG-1', {})).status).toBe(204);
    jira.failNext(1, { kind: 'rate-limit', html: true });
    const html = await fetch(`${jira.url}/rest/api/3/myself`, { headers: { authorization: auth } });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<html>');
    expect(jira.requests.map((r) => r.status)).toEqual([200, 429, 429, 204, 429]);
  });
});
