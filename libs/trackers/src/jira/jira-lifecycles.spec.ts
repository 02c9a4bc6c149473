import { FakeJira } from '@sightline/testing';
import { RateLimitedError } from '../tracker-errors';
import { JiraTrackerClient } from './jira-tracker.client';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('JiraTrackerClient.getLifecycles against the fake Jira', () => {
  let jira: FakeJira;

  const clientOf = (fake: FakeJira) =>
    new JiraTrackerClient({
      siteUrl: fake.url,
      credentials: { kind: 'basic', email: 'sightline@example.com', apiToken: fake.botApiToken },
      now: () => T0.getTime(),
    });
  const paths = (fake: FakeJira) => fake.requests.map((r) => `${r.method} ${r.path}`);

  afterEach(() => jira.stop());

  it('reads created, completion and story points of many keys in one bulk fetch, unknown keys left out', async () => {
    jira = await FakeJira.start({ now: () => T0 });
    jira.seedIssue({
      key: 'SHOP-1',
      summary: 'done',
      created: day(0),
      statusCategory: 'done',
      status: 'Done',
      resolved: day(4),
      storyPoints: 3,
    });
    jira.seedIssue({ key: 'SHOP-2', summary: 'open', created: day(1), statusCategory: 'indeterminate' });
    jira.seedIssue({
      key: 'SHOP-3',
      summary: "won't do",
      created: day(0),
      statusCategory: 'done',
      resolution: "Won't Do",
      resolved: day(1),
    });
    // A workflow that closes without a resolution: the status-category change is when it was done.
    jira.seedIssue({
      key: 'SHOP-4',
      summary: 'no resolution',
      created: day(0),
      statusCategory: 'done',
      resolution: null,
      statusCategoryChanged: day(6),
    });
    const client = clientOf(jira);

    const read = await client.getLifecycles([
      'SHOP-1',
      'SHOP-2',
      'SHOP-3',
      'SHOP-4',
      'SHOP-404',
      'not a key',
    ]);

    expect(Object.fromEntries(read.lifecycles)).toEqual({
      'SHOP-1': { key: 'SHOP-1', createdAt: day(0), completedAt: day(4), phase: 'done', estimate: 3 },
      'SHOP-2': { key: 'SHOP-2', createdAt: day(1), completedAt: null, phase: 'started', estimate: null },
      'SHOP-3': { key: 'SHOP-3', createdAt: day(0), completedAt: null, phase: 'done', estimate: null },
      'SHOP-4': { key: 'SHOP-4', createdAt: day(0), completedAt: day(6), phase: 'done', estimate: null },
    });
    expect(read.unavailable).toEqual([]);
    expect(paths(jira)).toEqual(['GET /rest/api/3/field', 'POST /rest/api/3/issue/bulkfetch']);
    const body = jira.requests[1].body as { issueIdsOrKeys: string[]; fields: string[] };
    // The story-point field is found by name; no people fields are asked for.
    expect(body.fields).toContain('customfield_10016');
    expect(body.fields.join()).not.toMatch(/assignee|reporter|creator/);
    expect(body.issueIdsOrKeys).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-3', 'SHOP-4', 'SHOP-404']);

    // The field list is read once per client.
    await client.getLifecycles(['SHOP-1']);
    expect(paths(jira).filter((p) => p.endsWith('/field'))).toHaveLength(1);
  });

  it('reads a moved issue under the old key history names, asking only the unanswered keys alone', async () => {
    jira = await FakeJira.start({ now: () => T0 });
    jira.seedIssue({
      key: 'SHOP-1',
      summary: 'stays',
      created: day(0),
      statusCategory: 'done',
      resolved: day(2),
    });
    jira.seedIssue({
      key: 'SHOP-2',
      summary: 'moves',
      created: day(1),
      statusCategory: 'done',
      resolved: day(5),
    });
    jira.seedIssue({ key: 'CORE-1', summary: 'there already', created: day(0) });
    jira.moveIssue('SHOP-2', 'CORE');
    expect(jira.issue('CORE-2').summary).toBe('moves');

    const read = await clientOf(jira).getLifecycles(['SHOP-1', 'SHOP-2', 'SHOP-404']);
    expect(Object.fromEntries(read.lifecycles)).toEqual({
      'SHOP-1': { key: 'SHOP-1', createdAt: day(0), completedAt: day(2), phase: 'done', estimate: null },
      'SHOP-2': { key: 'SHOP-2', createdAt: day(1), completedAt: day(5), phase: 'done', estimate: null },
    });
    expect(read.unavailable).toEqual([]);
    expect(paths(jira)).toEqual([
      'GET /rest/api/3/field',
      'POST /rest/api/3/issue/bulkfetch',
      'GET /rest/api/3/issue/SHOP-2',
      'GET /rest/api/3/issue/SHOP-404',
    ]);
  });

  it('batches 100 keys per request and finds a "Story Points" field on a company-managed site', async () => {
    jira = await FakeJira.start({
      now: () => T0,
      storyPointsField: { id: 'customfield_10026', name: 'Story Points' },
    });
    const keys = Array.from({ length: 150 }, (_, i) => `BIG-${i + 1}`);
    for (const key of keys) {
      jira.seedIssue({
        key,
        summary: key,
        created: day(0),
        statusCategory: 'done',
        resolved: day(2),
        storyPoints: 2,
      });
    }
    const read = await clientOf(jira).getLifecycles(keys);
    expect(read.lifecycles.size).toBe(150);
    expect(read.lifecycles.get('BIG-150')).toMatchObject({ completedAt: day(2), estimate: 2 });
    const fetches = jira.requests.filter((r) => r.path.endsWith('/bulkfetch'));
    expect(fetches.map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([
      100, 50,
    ]);
  });

  it('works on a site without a story-point field, and surfaces a rate limit as such', async () => {
    jira = await FakeJira.start({ now: () => T0, storyPointsField: null });
    jira.seedIssue({ key: 'OPS-1', summary: 'x', created: day(0), statusCategory: 'done', resolved: day(1) });
    const client = clientOf(jira);
    expect((await client.getLifecycles(['OPS-1'])).lifecycles.get('OPS-1')?.estimate).toBeNull();

    jira.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 7 }, (r) => r.path.endsWith('/bulkfetch'));
    await expect(client.getLifecycles(['OPS-1'])).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('the fake refuses JQL naming a deleted key, which is why bulk fetch is used', async () => {
    jira = await FakeJira.start({ now: () => T0 });
    jira.seedIssue({ key: 'SHOP-1', summary: 'x' });
    const response = await fetch(
      `${jira.url}/rest/api/3/search/jql?jql=${encodeURIComponent('key in (SHOP-1, SHOP-9)')}`,
      {
        headers: { authorization: `Bearer ${jira.botBearerToken}` },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errorMessages: ["An issue with key 'SHOP-9' does not exist for field 'key'."],
      errors: {},
    });
  });
});
