import { randomUUID } from 'node:crypto';
import {
  createDataSource,
  PastTicketLifecycleRepository,
  TrackerConnectionRepository,
} from '@sightline/persistence';
import { FakeJira, testConfig } from '@sightline/testing';
import { JiraTrackerClient } from '@sightline/trackers';
import { keysToRefresh, OPEN_TICKET_REFRESH_MS, PastTicketLifecycles } from './past-ticket-lifecycles';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** The lifecycle cache against real PostgreSQL and the fake Jira: fetched once, done never again, open after a while. */
describe('PastTicketLifecycles (medium)', () => {
  const dataSource = createDataSource(testConfig().DATABASE_URL, 'sightline-lifecycles-medium');
  let jira: FakeJira;
  let client: JiraTrackerClient;
  let lifecycles: PastTicketLifecycles;
  let repository: PastTicketLifecycleRepository;
  let connectionId: string;

  const bulkFetches = () =>
    jira.requests
      .filter((r) => r.path.endsWith('/bulkfetch'))
      .map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys);
  const read = (keys: string[], now: Date) =>
    lifecycles.read(connectionId, keys, (stale) => client.getLifecycles(stale), now);

  beforeAll(async () => {
    await dataSource.initialize();
    repository = new PastTicketLifecycleRepository(dataSource);
    lifecycles = new PastTicketLifecycles(repository);
  });

  beforeEach(async () => {
    const connection = await new TrackerConnectionRepository(dataSource).create({
      name: `lifecycles-medium-${randomUUID().slice(0, 8)}`,
      kind: 'jira',
      baseUrl: 'https://acme.atlassian.net',
      authKind: 'bearer',
      credentialEnvelope: 'v1:test:sealed',
      webhookSecretEnvelope: null,
    });
    connectionId = connection.id;
    jira = await FakeJira.start({ now: () => T0 });
    client = new JiraTrackerClient({
      siteUrl: jira.url,
      credentials: { kind: 'bearer', token: jira.botBearerToken },
    });
    jira.seedIssue({
      key: 'SHOP-1',
      summary: 'done',
      created: at(-100),
      statusCategory: 'done',
      resolved: at(-4),
      storyPoints: 5,
    });
    jira.seedIssue({ key: 'SHOP-2', summary: 'open', created: at(-50), statusCategory: 'indeterminate' });
  });

  afterEach(() => jira.stop());
  afterAll(() => dataSource.destroy());

  it('asks the tracker once, then answers from the cache; unknown keys are remembered as unknown', async () => {
    const first = await read(['SHOP-1', 'SHOP-2', 'SHOP-404'], T0);
    expect(first.unknown).toEqual(new Set(['SHOP-404']));
    expect(Object.fromEntries(first.durations)).toEqual({
      'SHOP-1': { key: 'SHOP-1', createdAt: at(-100), completedAt: at(-4), estimate: 5 },
      'SHOP-2': { key: 'SHOP-2', createdAt: at(-50), completedAt: null, estimate: null },
    });
    const again = await read(['SHOP-1', 'SHOP-2', 'SHOP-404'], at(1));
    expect(again).toEqual(first);
    expect(bulkFetches()).toEqual([['SHOP-1', 'SHOP-2', 'SHOP-404']]);
    const rows = await repository.find(connectionId, ['SHOP-404']);
    expect(rows).toEqual([expect.objectContaining({ ticketKey: 'SHOP-404', found: false })]);
  });

  it('never re-asks a done ticket; re-asks an open one after the refresh interval and sees it finish', async () => {
    await read(['SHOP-1', 'SHOP-2'], T0);
    const issue = jira.issue('SHOP-2');
    issue.statusCategory = 'done';
    issue.resolution = 'Done';
    issue.resolutionDate = at(30);

    const later = await read(['SHOP-1', 'SHOP-2'], new Date(T0.getTime() + OPEN_TICKET_REFRESH_MS));
    expect(bulkFetches()).toEqual([['SHOP-1', 'SHOP-2'], ['SHOP-2']]);
    expect(later.durations.get('SHOP-2')?.completedAt).toEqual(at(30));

    await read(['SHOP-1', 'SHOP-2'], new Date(T0.getTime() + 100 * OPEN_TICKET_REFRESH_MS));
    expect(bulkFetches()).toHaveLength(2);
  });

  it('stores nothing when the tracker fails, so the next read asks again', async () => {
    jira.failNext(1, { kind: 'server-error', status: 503 }, (r) => r.path.endsWith('/bulkfetch'));
    await expect(read(['SHOP-1'], T0)).rejects.toThrow();
    expect(await repository.find(connectionId, ['SHOP-1'])).toEqual([]);
    expect((await read(['SHOP-1'], T0)).durations.get('SHOP-1')?.estimate).toBe(5);
  });

  it('decides what to refresh from age and phase alone', () => {
    const row = (ticketKey: string, found: boolean, phase: 'done' | 'started' | null, hoursOld: number) => ({
      ticketKey,
      found,
      createdAt: found ? T0 : null,
      completedAt: null,
      phase,
      estimate: null,
      fetchedAt: at(-hoursOld),
    });
    const cached = [
      row('DONE-1', true, 'done', 10_000),
      row('OPEN-1', true, 'started', 23),
      row('OPEN-2', true, 'started', 24),
      row('GONE-1', false, null, 24),
      row('GONE-2', false, null, 7 * 24),
    ];
    expect(
      keysToRefresh(['DONE-1', 'OPEN-1', 'OPEN-2', 'GONE-1', 'GONE-2', 'NEW-1', 'NEW-1'], cached, T0),
    ).toEqual(['OPEN-2', 'GONE-2', 'NEW-1']);
  });
});
