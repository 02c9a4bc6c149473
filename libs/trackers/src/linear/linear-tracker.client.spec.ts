import { FakeLinear, sampleRiskReport } from '@sightline/testing';
import { renderNote } from '../notes/render-note';
import { LINEAR_RISK_LABEL, NOTE_MARKER } from '../tracker-constants';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TransientError,
} from '../tracker-errors';
import { LABEL_NAME_TTL_MS } from './linear-label.directory';
import { LinearTrackerClient } from './linear-tracker.client';

const T0 = new Date('2025-03-01T09:00:00.000Z');

describe('LinearTrackerClient against the fake Linear', () => {
  let linear: FakeLinear;
  let client: LinearTrackerClient;

  beforeEach(async () => {
    linear = await FakeLinear.start({ now: () => T0 });
    client = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: linear.botApiKey },
      now: () => T0.getTime(),
    });
    linear.seedIssue({
      teamKey: 'ENG',
      title: 'Retry failed checkout payments',
      description:
        '## Context\nTouches `checkout.ts` and **payments**, see [runbook](https://example.com/r).',
      labels: ['payments', 'q3'],
      state: 'Backlog',
    });
  });

  afterEach(() => linear.stop());

  const operations = (): string[] => linear.requests.map((r) => r.operation ?? '?');

  it('reads who it is and a normalised ticket through the SDK operations', async () => {
    await expect(client.whoAmI()).resolves.toEqual({ accountId: linear.bot.id, displayName: 'sightline' });
    const ticket = await client.getTicket('ENG-1');
    expect(ticket).toEqual({
      tracker: 'linear',
      key: 'ENG-1',
      id: linear.issue('ENG-1').id,
      projectKey: 'ENG',
      title: 'Retry failed checkout payments',
      description: 'Context\nTouches checkout.ts and payments, see runbook.',
      descriptionSource: { format: 'markdown', text: linear.issue('ENG-1').description },
      type: null,
      status: { name: 'Backlog', category: 'backlog', phase: 'unstarted' },
      labels: ['payments', 'q3'],
      components: [],
      createdAt: T0,
      updatedAt: T0,
      url: 'https://linear.app/fake-workspace/issue/eng-1/retry-failed-checkout-payments',
    });
    expect(operations()).toEqual(['viewer', 'issue', 'issueLabels', 'workflowState']);
    expect(linear.requests[0].headers.authorization).toBe(linear.botApiKey);
  });

  it('resolves label names from memory for a few minutes, then reads them again', async () => {
    let clock = T0.getTime();
    const timed = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: linear.botApiKey },
      now: () => clock,
    });
    linear.seedIssue({ teamKey: 'ENG', title: 'Refund rounding', labels: ['payments'], state: 'Backlog' });
    expect((await timed.getTicket('ENG-1')).labels).toEqual(['payments', 'q3']);
    expect((await timed.getTicket('ENG-2')).labels).toEqual(['payments']);
    expect(operations().filter((op) => op === 'issueLabels')).toHaveLength(1);
    clock += LABEL_NAME_TTL_MS;
    expect((await timed.getTicket('ENG-2')).labels).toEqual(['payments']);
    expect(operations().filter((op) => op === 'issueLabels')).toHaveLength(2);
  });

  it('sends an OAuth token as a Bearer header', async () => {
    const oauth = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'oauth', accessToken: linear.botAccessToken },
    });
    await expect(oauth.whoAmI()).resolves.toMatchObject({ accountId: linear.bot.id });
    expect(linear.requests[0].headers.authorization).toBe(`Bearer ${linear.botAccessToken}`);
  });

  it('creates the Markdown note once, then updates that same comment in place', async () => {
    const first = await client.upsertNote('ENG-1', renderNote(sampleRiskReport()));
    expect(first.action).toBe('created');
    const edited = renderNote(sampleRiskReport({ riskLevel: 'low', confidence: 0.4, lowConfidence: true }));
    await expect(client.upsertNote('ENG-1', edited)).resolves.toEqual({
      noteId: first.noteId,
      action: 'updated',
    });
    await expect(client.upsertNote('ENG-1', edited, first.noteId)).resolves.toEqual({
      noteId: first.noteId,
      action: 'updated',
    });
    const comments = linear.commentsOn('ENG-1');
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ userId: linear.bot.id, body: edited.markdown });
    expect(operations().filter((op) => op === 'createComment')).toHaveLength(1);
    // The comments are asked for by team key and number: the issue needs no read of its own.
    expect(operations()).not.toContain('issue');
  });

  it('finds the note of the right issue only, and reports an unknown issue as not found', async () => {
    linear.seedIssue({ teamKey: 'ENG', title: 'Refund rounding', state: 'Backlog' });
    const onSecond = await client.upsertNote('ENG-2', renderNote(sampleRiskReport()));
    const onFirst = await client.upsertNote('ENG-1', renderNote(sampleRiskReport()));
    expect(onFirst).toEqual({ noteId: expect.any(String), action: 'created' });
    expect(onFirst.noteId).not.toBe(onSecond.noteId);
    await expect(client.findOwnNote('eng-2', NOTE_MARKER)).resolves.toMatchObject({ id: onSecond.noteId });
    await expect(client.upsertNote('ENG-999', renderNote(sampleRiskReport()))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('ignores the marker in a human comment and recreates a note that was deleted', async () => {
    linear.state.comments.set('c-human', {
      id: 'c-human',
      issueId: linear.issue('ENG-1').id,
      body: `mentioning ${NOTE_MARKER}`,
      userId: linear.human.id,
      createdAt: T0,
      updatedAt: T0,
      editedAt: null,
    });
    await expect(client.findOwnNote('ENG-1', NOTE_MARKER)).resolves.toBeNull();
    const result = await client.upsertNote('ENG-1', renderNote(sampleRiskReport()), 'deleted-comment-id');
    expect(result.action).toBe('created');
    expect(linear.commentsOn('ENG-1').map((c) => c.userId)).toEqual([linear.human.id, linear.bot.id]);
  });

  it('creates the team label once and adds/removes it incrementally, keeping user labels', async () => {
    await expect(client.setRiskLabel('ENG-1', false)).resolves.toEqual({ changed: false });
    expect(operations()).not.toContain('createIssueLabel');
    await expect(client.setRiskLabel('ENG-1', true)).resolves.toEqual({ changed: true });
    const update = linear.requests.find((r) => r.operation === 'updateIssue');
    const labelId = [...linear.state.labels.values()].find((l) => l.name === LINEAR_RISK_LABEL)?.id;
    expect(update?.body).toMatchObject({ variables: { input: { addedLabelIds: [labelId] } } });
    expect(linear.labelNames('ENG-1')).toEqual(['payments', 'q3', LINEAR_RISK_LABEL]);
    linear.editIssue('ENG-1', { labels: [...linear.labelNames('ENG-1'), 'added-by-human'] });
    await expect(client.setRiskLabel('ENG-1', true)).resolves.toEqual({ changed: false });
    await expect(client.setRiskLabel('ENG-1', false)).resolves.toEqual({ changed: true });
    expect(linear.labelNames('ENG-1')).toEqual(['payments', 'q3', 'added-by-human']);
    linear.seedIssue({ teamKey: 'ENG', title: 'Second' });
    await client.setRiskLabel('ENG-2', true);
    expect([...linear.state.labels.values()].filter((l) => l.name === LINEAR_RISK_LABEL)).toHaveLength(1);
    expect(operations().filter((op) => op === 'createIssueLabel')).toHaveLength(1);
  });

  it('upserts the report attachment by issue and URL', async () => {
    const data = {
      reportUrl: 'https://sightline.example/r/ENG-1',
      title: 'Sightline',
      subtitle: 'Risk: high · 2 areas',
      data: { risk: 'high', areas: 2 },
    };
    await client.writeMachineData('ENG-1', data);
    await client.writeMachineData('ENG-1', {
      ...data,
      subtitle: 'Risk: low · 1 area',
      data: { risk: 'low', areas: 1 },
    });
    expect(linear.attachmentsOn('ENG-1')).toEqual([
      expect.objectContaining({
        url: data.reportUrl,
        subtitle: 'Risk: low · 1 area',
        metadata: { risk: 'low', areas: 1 },
      }),
    ]);
  });

  it('removes its attachment under an older link once the new one is stored, and nobody else’s', async () => {
    const data = {
      reportUrl: 'https://sightline.example/r/ENG-1?v=1',
      title: 'Sightline',
      subtitle: 's',
      data: {},
    };
    await client.writeMachineData('ENG-1', data);
    const otherTitle = linear.seedAttachment(
      'ENG-1',
      { url: 'https://x.example/1', title: 'Build' },
      linear.bot,
    );
    const byPerson = linear.seedAttachment('ENG-1', { url: 'https://x.example/2', title: 'Sightline' });
    // Without the option the old link stays (the plain upsert of an unchanged link).
    await client.writeMachineData('ENG-1', { ...data, reportUrl: 'https://sightline.example/r/ENG-1?v=2' });
    expect(linear.attachmentsOn('ENG-1')).toHaveLength(4);

    await client.writeMachineData(
      'ENG-1',
      { ...data, reportUrl: 'https://sightline.example/r/ENG-1?v=3' },
      { replacesLink: true },
    );
    expect(
      linear
        .attachmentsOn('ENG-1')
        .map((attachment) => attachment.url)
        .sort(),
    ).toEqual([byPerson.url, otherTitle.url, 'https://sightline.example/r/ENG-1?v=3'].sort());
    expect(operations().filter((op) => op === 'deleteAttachment')).toHaveLength(2);
  });

  it('maps the ratelimited error to RateLimitedError using Retry-After, else the reset header', async () => {
    linear.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 3 });
    await expect(client.getTicket('ENG-1')).rejects.toMatchObject({ retryAfterMs: 3000 });
    linear.failNext(1, { kind: 'rate-limit', resetInMs: 45_000 });
    const limited = await client.getTicket('ENG-1').catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ retryAfterMs: 45_000 });
    linear.failNext(1, { kind: 'rate-limit', bare: true, resetInMs: 2_000 });
    await expect(client.getTicket('ENG-1')).rejects.toMatchObject({ status: 429, retryAfterMs: 2_000 });
  });

  it('maps auth failures, unknown issues, 5xx and dropped connections', async () => {
    const stranger = new LinearTrackerClient({
      apiUrl: linear.url,
      credentials: { kind: 'api-key', apiKey: 'lin_api_wrong' },
    });
    await expect(stranger.getTicket('ENG-1')).rejects.toBeInstanceOf(AuthError);
    linear.failNext(1, { kind: 'unauthorized' });
    await expect(client.whoAmI()).rejects.toBeInstanceOf(AuthError);
    await expect(client.getTicket('ENG-999')).rejects.toBeInstanceOf(NotFoundError);
    linear.failNext(1, { kind: 'server-error', status: 500 });
    await expect(client.getTicket('ENG-1')).rejects.toBeInstanceOf(TransientError);
    linear.failNext(1, { kind: 'server-error', status: 503, html: true });
    await expect(client.getTicket('ENG-1')).rejects.toBeInstanceOf(TransientError);
    linear.failNext(1, { kind: 'network' });
    await expect(client.getTicket('ENG-1')).rejects.toMatchObject({ status: undefined, retryable: true });
    await expect(
      client.writeMachineData('ENG-1', { reportUrl: '', title: '', subtitle: '', data: {} }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('pages through un-started issues of one team with the pageInfo cursor', async () => {
    for (let n = 2; n <= 5; n++) {
      linear.seedIssue({
        teamKey: 'ENG',
        title: `Story ${n}`,
        state: n % 2 ? 'Triage' : 'Todo',
        labels: ['ux'],
        createdAt: new Date(T0.getTime() + n),
      });
    }
    linear.seedIssue({ teamKey: 'ENG', title: 'Started', state: 'In Progress' });
    linear.seedIssue({ teamKey: 'OPS', title: 'Other team' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.searchBacklog({ projectKey: 'ENG', pageSize: 2 }, cursor);
      seen.push(...page.tickets.map((t) => `${t.key}:${t.status.category}:${t.labels.join('+')}`));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([
      'ENG-1:backlog:payments+q3',
      'ENG-2:unstarted:ux',
      'ENG-3:triage:ux',
      'ENG-4:unstarted:ux',
      'ENG-5:triage:ux',
    ]);
    expect(pages).toBe(3);
  });
});
