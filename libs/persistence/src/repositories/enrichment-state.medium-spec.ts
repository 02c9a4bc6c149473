import { randomUUID } from 'node:crypto';
import { testConfig } from '@sightline/testing';
import { createDataSource } from '../data-source';
import { EnrichmentRunRepository } from './enrichment-run.repository';
import { ProjectMappingRepository } from './project-mapping.repository';
import { SweepRepository } from './sweep.repository';
import { TicketFeedbackRepository } from './ticket-feedback.repository';
import { TicketReportRepository, type NewTicketReport } from './ticket-report.repository';
import { TrackerConnectionRepository } from './tracker-connection.repository';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WritebackStateRepository } from './writeback-state.repository';

/** The enrichment service's tables against real PostgreSQL: deduplication, ordering, locks. */
describe('enrichment state (medium)', () => {
  const dataSource = createDataSource(testConfig().DATABASE_URL, 'sightline-enrichment-medium');
  let connectionId: string;
  let deliveries: WebhookDeliveryRepository;
  let runs: EnrichmentRunRepository;
  let reports: TicketReportRepository;
  let states: WritebackStateRepository;
  let feedback: TicketFeedbackRepository;

  const delivery = (deliveryId: string) => ({
    connectionId,
    deliveryId,
    eventName: 'jira:issue_created',
    ticketKey: 'SHOP-1',
    reason: null,
  });
  const run = {
    connectionId: '',
    tracker: 'jira' as const,
    ticketKey: 'SHOP-1',
    trigger: 'webhook' as const,
  };
  const report = (ticketKey: string, updatedAt: Date, contentHash: string): NewTicketReport => ({
    connectionId,
    tracker: 'jira',
    ticketKey,
    ticketId: '10001',
    projectKey: 'SHOP',
    mappingId: null,
    ticket: { title: 'Checkout retry' },
    ticketUpdatedAt: updatedAt,
    snapshots: [],
    matches: [],
    risk: { level: 'high' },
    noteReport: { ticketKey },
    noteMarkdown: `note ${contentHash}`,
    noteAdf: { type: 'doc', version: 1, content: [] },
    contentHash,
    inputHash: null,
    riskLevel: 'high',
    confidence: 0.7,
    lowConfidence: false,
  });

  beforeAll(async () => {
    await dataSource.initialize();
    const connection = await new TrackerConnectionRepository(dataSource).create({
      name: `enrichment-medium-${randomUUID().slice(0, 8)}`,
      kind: 'jira',
      baseUrl: 'https://acme.atlassian.net',
      authKind: 'bearer',
      credentialEnvelope: 'v1:test:sealed',
      webhookSecretEnvelope: null,
    });
    connectionId = connection.id;
    run.connectionId = connectionId;
    deliveries = new WebhookDeliveryRepository(dataSource);
    runs = new EnrichmentRunRepository(dataSource);
    reports = new TicketReportRepository(dataSource);
    states = new WritebackStateRepository(dataSource);
    feedback = new TicketFeedbackRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('records a delivery and its run once; concurrent redeliveries find the first run', async () => {
    const id = `jira:${randomUUID()}`;
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliveries.recordWithRun(delivery(id), run)));
    const fresh = outcomes.filter((o) => o.fresh);
    expect(fresh).toHaveLength(1);
    const first = fresh[0].run;
    expect(first).toEqual(
      expect.objectContaining({ status: 'queued', deliveryId: id, trigger: 'webhook', attempts: 0 }),
    );
    for (const o of outcomes.filter((o) => !o.fresh)) expect(o.run?.id).toBe(first?.id);
    expect(
      (await runs.list({ connectionId, limit: 50, offset: 0 })).items.filter((r) => r.deliveryId === id),
    ).toHaveLength(1);
    expect(await deliveries.recordIgnored(delivery(id))).toBe(false);
    expect(await deliveries.recordIgnored(delivery(`jira:${randomUUID()}`))).toBe(true);
  });

  it('moves a run forward only: running once per attempt, finished once', async () => {
    const created = await runs.create({ ...run, trigger: 'api' });
    expect((await runs.markRunning(created.id))?.attempts).toBe(1);
    expect((await runs.markRunning(created.id))?.attempts).toBe(2);
    await runs.markWriting(created.id, { riskLevel: 'high', contentHash: 'h1' });
    expect(await runs.markRunning(created.id)).toBeNull();
    await runs.finish(created.id, 'written', 'comment created');
    await runs.finish(created.id, 'failed', 'late failure report');
    await runs.markWriting(created.id, { riskLevel: 'low', contentHash: 'h2' });
    expect(await runs.find(created.id)).toEqual(
      expect.objectContaining({
        status: 'written',
        outcome: 'comment created',
        riskLevel: 'high',
        contentHash: 'h1',
      }),
    );
  });

  it('keeps the report of the newest ticket read when enrichments finish out of order', async () => {
    const key = `SHOP-${Math.floor(Math.random() * 1e6) + 1}`;
    const newer = await reports.upsertIfNewer(report(key, new Date('2026-01-02T00:00:00Z'), 'newer'));
    expect(newer?.contentHash).toBe('newer');
    expect(await reports.upsertIfNewer(report(key, new Date('2026-01-01T00:00:00Z'), 'older'))).toBeNull();
    const again = await reports.upsertIfNewer(report(key, new Date('2026-01-02T00:00:00Z'), 'same-time'));
    expect(again?.id).toBe(newer?.id);
    expect(await reports.find(connectionId, key)).toEqual(
      expect.objectContaining({
        contentHash: 'same-time',
        confidence: 0.7,
        ticket: { title: 'Checkout retry' },
      }),
    );
    expect((await reports.findByKey('jira', key)).map((r) => r.contentHash)).toEqual(['same-time']);
  });

  it('records a webhook’s phase only when newer than what the report knows, and keeps it over older reads', async () => {
    const key = `SHOP-${Math.floor(Math.random() * 1e6) + 1}`;
    const read = (at: string, phase: string) =>
      reports.upsertIfNewer({
        ...report(key, new Date(at), `read-${at}`),
        ticket: { title: 'Checkout retry', status: { name: phase, category: phase, phase } },
      });
    const phase = async () => (await reports.find(connectionId, key))?.ticket.status;
    await read('2026-04-01T10:00:00Z', 'unstarted');

    // Closed at 10:05, reopened at 10:06; the reopen arrives first, the close is older than it.
    await reports.recordPhase(connectionId, key, 'unstarted', new Date('2026-04-01T10:06:00Z'));
    await reports.recordPhase(connectionId, key, 'done', new Date('2026-04-01T10:05:00Z'));
    expect(await phase()).toEqual(expect.objectContaining({ phase: 'unstarted' }));
    expect(await reports.isDone(connectionId, key)).toBe(false);

    // Closed at 10:10: a read made at 10:08 (a worker that started before it) keeps the close.
    await reports.recordPhase(connectionId, key, 'done', new Date('2026-04-01T10:10:00Z'));
    await read('2026-04-01T10:08:00Z', 'started');
    expect(await phase()).toEqual({ name: 'started', category: 'started', phase: 'done' });
    // A reopen from before the close is stale; one after it is not.
    expect(await reports.isDone(connectionId, key, new Date('2026-04-01T10:09:00Z'))).toBe(false);
    expect(await reports.isDone(connectionId, key, new Date('2026-04-01T10:11:00Z'))).toBe(true);
    // A read after the close is the truth again; a deletion (no time) is final.
    await read('2026-04-01T10:12:00Z', 'started');
    expect(await phase()).toEqual(expect.objectContaining({ phase: 'started' }));
    await reports.recordPhase(connectionId, key, 'done', null);
    expect(await reports.isDone(connectionId, key)).toBe(true);
  });

  it('records each written part on its own', async () => {
    const key = 'SHOP-77';
    expect(await states.get(connectionId, key)).toBeNull();
    await states.recordNote(connectionId, key, '20001', 'hash-1');
    await states.recordParts(connectionId, key, {
      labelPresent: true,
      machine: { hash: 'machine-1', url: 'https://sightline.example.com/reports/jira/SHOP-77?t=1' },
    });
    await states.recordParts(connectionId, key, { labelPresent: true });
    await states.recordNote(connectionId, key, '20001', 'hash-2');
    expect(await states.get(connectionId, key)).toEqual(
      expect.objectContaining({
        noteId: '20001',
        noteHash: 'hash-2',
        labelPresent: true,
        machineHash: 'machine-1',
        machineUrl: 'https://sightline.example.com/reports/jira/SHOP-77?t=1',
      }),
    );
    expect(await states.writtenTicketKeys(connectionId)).toContain(key);
    await states.clear(connectionId, key);
    expect(await states.get(connectionId, key)).toBeNull();
    expect(await states.writtenTicketKeys(connectionId)).not.toContain(key);
  });

  it('keeps a ticket marked done out of re-checks, the digest and link renewals, and tells a sweep', async () => {
    const mapping = await new ProjectMappingRepository(dataSource).create({
      connectionId,
      projectKey: 'SHOP',
      repositoryIds: [],
      pathRules: [],
      riskThresholds: {},
      writebackMode: 'comment+label',
      grooming: {},
    });
    const repositoryId = randomUUID();
    const keys = ['SHOP-301', 'SHOP-302'];
    for (const key of keys) {
      await reports.upsertIfNewer({
        ...report(key, new Date('2026-03-01T00:00:00Z'), `hash-${key}`),
        mappingId: mapping.id,
        ticket: { title: 'Checkout retry', status: { name: 'To Do', category: 'new', phase: 'unstarted' } },
        snapshots: [{ repositoryId, snapshotId: 'snap-1' }],
      });
      await states.recordNote(connectionId, key, `note-${key}`, 'hash');
    }
    const open = async () => ({
      recheck: (await reports.dependingOn(repositoryId, 'snap-2')).map((r) => r.ticketKey),
      digest: (await reports.flaggedForMapping(mapping.id)).map((r) => r.ticketKey),
      renewal: (await states.writtenTicketKeys(connectionId)).filter((key) => keys.includes(key)),
      sweepSeesDone: [...(await reports.freshnessOf(connectionId, keys))]
        .map(([key, f]) => [key, f.done])
        .sort(),
    });
    expect(await open()).toEqual({
      recheck: keys,
      digest: keys,
      renewal: keys,
      sweepSeesDone: [
        ['SHOP-301', false],
        ['SHOP-302', false],
      ],
    });
    await reports.markDone(connectionId, ['SHOP-301']);
    expect(await open()).toEqual({
      recheck: ['SHOP-302'],
      digest: ['SHOP-302'],
      renewal: ['SHOP-302'],
      sweepSeesDone: [
        ['SHOP-301', true],
        ['SHOP-302', false],
      ],
    });
    // A later enrichment stores the ticket as read: reopened, it is open again.
    await reports.upsertIfNewer({
      ...report('SHOP-301', new Date('2026-03-02T00:00:00Z'), 'hash-reopened'),
      mappingId: mapping.id,
      ticket: { title: 'Checkout retry', status: { name: 'To Do', category: 'new', phase: 'unstarted' } },
      snapshots: [{ repositoryId, snapshotId: 'snap-1' }],
    });
    expect((await open()).digest).toEqual(keys);
  });

  it('reads a report, its write-back state and the feedback-label marker in one go, as the single reads do', async () => {
    const key = `SHOP-${Math.floor(Math.random() * 1e6) + 1}`;
    expect(await reports.findWithWritebackState(connectionId, key)).toEqual({
      report: null,
      state: null,
      labelApplicationRecorded: false,
    });
    const stored = await reports.upsertIfNewer(report(key, new Date('2026-01-03T00:00:00Z'), 'h-view'));
    expect(stored).toEqual(await reports.find(connectionId, key));
    await states.recordNote(connectionId, key, '30001', 'h-view');
    await feedback.recordLabelApplication(connectionId, key, null);
    const view = await reports.findWithWritebackState(connectionId, key);
    expect(view.report).toEqual(await reports.find(connectionId, key));
    expect(view.report?.ticketUpdatedAt).toBeInstanceOf(Date);
    expect(view.state).toEqual(await states.get(connectionId, key));
    expect(view.state?.lastWrittenAt).toBeInstanceOf(Date);
    expect(view.labelApplicationRecorded).toBe(true);
  });

  it('records the last parts and finishes the run in one statement; an already finished run keeps its end', async () => {
    const key = 'SHOP-78';
    const open = await runs.create({ ...run, ticketKey: key });
    await runs.markRunning(open.id);
    await runs.markWriting(open.id, { riskLevel: 'high', contentHash: 'h1' });
    await states.recordPartsAndFinishRun(
      connectionId,
      key,
      { labelPresent: true, machine: { hash: 'machine-9', url: 'https://sightline.example.com/r/9' } },
      {
        id: open.id,
        outcome: 'comment created, risk label added',
        report: { riskLevel: 'high', contentHash: 'h1' },
      },
    );
    expect(await states.get(connectionId, key)).toEqual(
      expect.objectContaining({
        labelPresent: true,
        machineHash: 'machine-9',
        machineUrl: 'https://sightline.example.com/r/9',
        noteId: null,
      }),
    );
    expect(await runs.find(open.id)).toEqual(
      expect.objectContaining({
        status: 'written',
        outcome: 'comment created, risk label added',
        riskLevel: 'high',
      }),
    );
    // Nothing but the run to finish; and a finished run is not reopened or renamed.
    await states.recordPartsAndFinishRun(
      connectionId,
      key,
      {},
      {
        id: open.id,
        outcome: 'again',
        report: { riskLevel: 'low', contentHash: 'h2' },
      },
    );
    expect(await runs.find(open.id)).toEqual(
      expect.objectContaining({ status: 'written', outcome: 'comment created, risk label added' }),
    );
  });

  it('returns a project’s newest feedback, oldest first', async () => {
    for (const [path, verdict] of [
      ['packages/billing', 'wrong'],
      ['packages/ledger', 'right'],
      ['packages/billing', 'right'],
    ] as const) {
      await feedback.record({
        connectionId,
        projectKey: 'FEED',
        ticketKey: 'FEED-1',
        repositoryId: null,
        path,
        target: 'area',
        verdict,
        ticketText: 'Checkout retry',
        actor: 'key-1',
      });
    }
    const all = await feedback.listForProject(connectionId, 'FEED');
    expect(all.map((f) => `${f.path}:${f.verdict}`)).toEqual([
      'packages/billing:wrong',
      'packages/ledger:right',
      'packages/billing:right',
    ]);
    expect((await feedback.listForProject(connectionId, 'FEED', 2)).map((f) => f.path)).toEqual([
      'packages/ledger',
      'packages/billing',
    ]);
  });

  it('prunes deliveries and finished runs before a cut-off', async () => {
    // Backdated rows and a cut-off in the past: other specs share this database and keep their rows.
    const old = new Date('2001-01-01T00:00:00Z');
    const id = `jira:${randomUUID()}`;
    const { run: started } = await deliveries.recordWithRun(delivery(id), run);
    const open = await runs.create(run);
    await runs.finish(started?.id as string, 'written', 'comment created');
    await dataSource.query(
      `UPDATE webhook_deliveries SET received_at = '2000-01-01' WHERE delivery_id = $1`,
      [id],
    );
    await dataSource.query(`UPDATE enrichment_runs SET queued_at = '2000-01-01' WHERE id = ANY($1)`, [
      [started?.id, open.id],
    ]);
    expect(await deliveries.prune(old)).toBe(1);
    expect(await deliveries.exists(connectionId, id)).toBe(false);
    expect(await runs.prune(old)).toBe(1);
    expect(await runs.find(started?.id as string)).toBeNull();
    expect(await runs.find(open.id)).toEqual(expect.objectContaining({ status: 'queued' }));
  });

  it('prunes finished sweeps and the tickets they recorded, never one still to run', async () => {
    const sweeps = new SweepRepository(dataSource);
    const mapping = await new ProjectMappingRepository(dataSource).create({
      connectionId,
      projectKey: 'PRUNE',
      repositoryIds: [],
      pathRules: [],
      riskThresholds: {},
      writebackMode: 'comment+label',
      grooming: {},
    });
    const input = { mappingId: mapping.id, connectionId, trigger: 'api' as const };
    const finished = await sweeps.create(input);
    await sweeps.markManyEnqueued(finished.id, [{ ticketKey: 'PRUNE-1', runId: randomUUID() }]);
    await sweeps.finish(finished.id, 'done', '1 ticket in 1 page: 1 enqueued');
    const queued = await sweeps.create(input);
    await dataSource.query(
      `UPDATE sweeps SET queued_at = '2000-01-01', finished_at = '2000-01-02' WHERE id = $1`,
      [finished.id],
    );
    await dataSource.query(`UPDATE sweeps SET queued_at = '2000-01-01' WHERE id = $1`, [queued.id]);
    expect(await sweeps.prune(new Date('2001-01-01T00:00:00Z'))).toBe(1);
    expect(await sweeps.find(finished.id)).toBeNull();
    expect(await sweeps.enqueuedCount(finished.id)).toBe(0);
    expect(await sweeps.find(queued.id)).toEqual(expect.objectContaining({ status: 'queued' }));
  });
});
