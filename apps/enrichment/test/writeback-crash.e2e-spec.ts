import type { ChildProcess } from 'node:child_process';
import { WritebackStateRepository } from '@sightline/persistence';
import { FakeJira, FakeLinear, spawnWorkerProcess } from '@sightline/testing';
import {
  answerOf,
  EnrichmentHarness,
  WEBHOOK_SECRET,
  type ConnectedTracker,
} from './support/enrichment-harness.fixture-spec';

const LOCK_MS = '2000';

/**
 * The worker is a separate process, SIGKILLed the moment the fake tracker has created its comment
 * and before the answer reaches it: the comment exists, the worker never recorded it, and the
 * job was never acknowledged. Another worker takes the stalled job over.
 */
describe('a write-back worker killed between comment creation and acknowledgement (e2e)', () => {
  const harness = new EnrichmentHarness();
  const workers: ChildProcess[] = [];
  let current: ChildProcess | null = null;
  let jira: FakeJira;
  let linear: FakeLinear;
  let jiraShop: ConnectedTracker;
  let linearShop: ConnectedTracker;

  async function startWorker(): Promise<ChildProcess> {
    const child = await spawnWorkerProcess('enrichment', harness.config, { WORKER_LOCK_MS: LOCK_MS });
    workers.push(child);
    current = child;
    return child;
  }

  /** Resolves once the current worker was killed, right as the tracker created the comment. */
  function killOnComment(
    isComment: (payload: Record<string, unknown>) => boolean,
    onEvent: (listener: (event: { payload: Record<string, unknown> }) => void) => void,
  ): Promise<void> {
    let armed = true;
    return new Promise((resolve) => {
      onEvent((event) => {
        if (!armed || !isComment(event.payload)) return;
        armed = false;
        current?.kill('SIGKILL');
        resolve();
      });
    });
  }

  beforeAll(async () => {
    jira = await FakeJira.start();
    linear = await FakeLinear.start();
    linear.seedTeam('SHOP');
    // This process serves webhooks only; the workers are the child processes.
    await harness.start({ SIGHTLINE_ROLES: 'api', WORKER_LOCK_MS: LOCK_MS });
    await harness.seedRepository();
    jiraShop = await harness.connectJira(jira);
    linearShop = await harness.connectLinear(linear);
    await startWorker();
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await harness.stop();
    await jira.stop();
    await linear.stop();
  });

  it('Jira: the next worker finds the comment by its marker and updates it; still exactly one', async () => {
    const killed = killOnComment(
      (p) => p.webhookEvent === 'comment_created',
      (l) => jira.state.onEvent(l),
    );
    const event = jira.createIssue({
      key: 'SHOP-1',
      summary: 'Invoice total rounding is wrong when discounts apply',
    });
    const { runId } = answerOf(await jira.deliver(jiraShop.webhookUrl, event, { secret: WEBHOOK_SECRET }));
    await killed;
    expect(jira.issue('SHOP-1').comments).toHaveLength(1);
    expect(await harness.get(WritebackStateRepository).get(jiraShop.connectionId, 'SHOP-1')).toBeNull();

    await startWorker();
    const run = await harness.settle(runId as string);
    expect(run.status).toBe('written');
    expect(run.outcome).toMatch(/^comment updated/);
    const comments = jira.issue('SHOP-1').comments;
    expect(comments).toHaveLength(1);
    expect(
      jira.requests.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue/SHOP-1/comment'),
    ).toHaveLength(1);
    expect((await harness.get(WritebackStateRepository).get(jiraShop.connectionId, 'SHOP-1'))?.noteId).toBe(
      comments[0].id,
    );
  });

  it('Linear: the next worker finds the comment by its marker and updates it; still exactly one', async () => {
    const killed = killOnComment(
      (p) => p.type === 'Comment' && p.action === 'create',
      (l) => linear.state.onEvent(l),
    );
    const event = linear.createIssue({
      teamKey: 'SHOP',
      title: 'Invoice total rounding is wrong when discounts apply',
    });
    const key = (event.payload.data as { identifier: string }).identifier;
    const { runId } = answerOf(
      await linear.deliver(linearShop.webhookUrl, event, { secret: WEBHOOK_SECRET }),
    );
    await killed;
    expect(linear.commentsOn(key)).toHaveLength(1);

    await startWorker();
    const run = await harness.settle(runId as string);
    expect(run.status).toBe('written');
    expect(run.outcome).toMatch(/^comment updated/);
    expect(linear.commentsOn(key)).toHaveLength(1);
    expect(linear.requests.filter((r) => r.operation === 'createComment')).toHaveLength(1);
  });
});
