import { FakeLinear } from '@sightline/testing';
import { LinearTrackerClient } from './linear-tracker.client';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('LinearTrackerClient.getLifecycles against the fake Linear', () => {
  let linear: FakeLinear;
  let client: LinearTrackerClient;

  beforeEach(async () => {
    linear = await FakeLinear.start({ now: () => T0 });
    client = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: linear.botApiKey },
      now: () => T0.getTime(),
    });
  });

  afterEach(() => linear.stop());

  it('reads created, completedAt and estimate per team in one filtered query, archived issues included', async () => {
    linear.seedIssue({
      teamKey: 'ENG',
      title: 'a',
      state: 'Done',
      createdAt: day(0),
      completedAt: day(3),
      estimate: 2,
    });
    linear.seedIssue({ teamKey: 'ENG', title: 'b', state: 'In Progress', createdAt: day(1) });
    linear.seedIssue({
      teamKey: 'ENG',
      title: 'c',
      state: 'Canceled',
      createdAt: day(0),
      completedAt: day(2),
    });
    // Linear archives closed issues after a while; they are the past this read is for.
    linear.seedIssue({
      teamKey: 'ENG',
      title: 'd',
      state: 'Done',
      createdAt: day(0),
      completedAt: day(9),
      estimate: 5,
      archivedAt: day(30),
    });
    linear.seedIssue({ teamKey: 'OPS', title: 'e', state: 'Done', createdAt: day(2), completedAt: day(4) });

    const read = await client.getLifecycles([
      'ENG-1',
      'eng-2',
      'ENG-3',
      'ENG-4',
      'ENG-99',
      'OPS-1',
      'NOPE-1',
      'x',
    ]);

    expect(Object.fromEntries(read.lifecycles)).toEqual({
      'ENG-1': { key: 'ENG-1', createdAt: day(0), completedAt: day(3), phase: 'done', estimate: 2 },
      'ENG-2': { key: 'ENG-2', createdAt: day(1), completedAt: null, phase: 'started', estimate: null },
      'ENG-3': { key: 'ENG-3', createdAt: day(0), completedAt: null, phase: 'done', estimate: null },
      'ENG-4': { key: 'ENG-4', createdAt: day(0), completedAt: day(9), phase: 'done', estimate: 5 },
      'OPS-1': { key: 'OPS-1', createdAt: day(2), completedAt: day(4), phase: 'done', estimate: null },
    });
    expect(read.unavailable).toEqual([]);
    const issueQueries = linear.requests.filter((r) => r.operation === 'issues');
    // One query per team (ENG, OPS, NOPE); workflow states are read once each and cached.
    expect(issueQueries).toHaveLength(3);
    const variables = (issueQueries[0].body as { variables: Record<string, unknown> }).variables;
    expect(variables).toMatchObject({
      filter: { team: { key: { eq: 'ENG' } }, number: { in: [1, 2, 3, 4, 99] } },
      includeArchived: true,
    });
  });

  it('a completed issue moved back to a started state has no completion time', async () => {
    linear.seedIssue({ teamKey: 'ENG', title: 'a', state: 'Done', createdAt: day(0), completedAt: day(1) });
    linear.editIssue('ENG-1', { state: 'In Progress' });
    const read = await client.getLifecycles(['ENG-1']);
    expect(read.lifecycles.get('ENG-1')).toMatchObject({ completedAt: null, phase: 'started' });
  });
});
