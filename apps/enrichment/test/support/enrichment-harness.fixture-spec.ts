import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { QueueEvents, type Job, type Queue } from 'bullmq';
import request from 'supertest';
import { analyseRepository } from '@sightline/analysis';
import type { Config } from '@sightline/config';
import {
  AnalysisRunRepository,
  ApiKeyRepository,
  EnrichmentRunRepository,
  ProjectMappingRepository,
  RepositoryRegistryRepository,
  SecretCipher,
  SnapshotRepository,
  TrackerConnectionRepository,
  type EnrichmentRunRecord,
  type PathRule,
  type WritebackMode,
} from '@sightline/persistence';
import { ALL_QUEUES, redisConnectionOptions, type QueueName } from '@sightline/queues';
import {
  buildRiskHistory,
  FakeJira,
  FakeLinear,
  LogCapture,
  testConfig,
  type RiskHistoryPhase,
} from '@sightline/testing';
import { toNewSnapshot } from '../../../ingestion/src/analysis/snapshot-rows.mapper';
import { createEnrichmentApp } from '../../src/enrichment.app';

export const WEBHOOK_SECRET = 'enrichment-e2e-webhook-secret';

/** A ticket about the fixture history's invoice code (packages/billing): matched there, high risk. */
export const INVOICE_ISSUE = {
  summary: 'Invoice total rounding is wrong when discounts apply',
  description:
    'The invoice total per tax rate is off by a cent with a discount. See invoiceTotal in billing.',
};

export interface ConnectedTracker {
  connectionId: string;
  mappingId: string;
  webhookUrl: string;
}

export interface MappingOptions {
  projectKey?: string;
  writebackMode?: WritebackMode;
  pathRules?: PathRule[];
  repositoryIds?: string[];
  name?: string;
}

/**
 * The enrichment service as the e2e specs drive it: listening on a real port (the fake trackers
 * deliver webhooks over HTTP), a repository analysed from the risk fixture history and stored as
 * its latest snapshot, tracker connections and mappings created as the admin API stores them,
 * and waits on BullMQ completion events.
 */
export class EnrichmentHarness {
  readonly logs = new LogCapture();
  app!: INestApplication;
  config!: Config;
  baseUrl = '';
  adminKey = '';
  viewerKey = '';
  repositoryId = '';
  private readonly events = new Map<QueueName, QueueEvents>();

  async start(overrides: Record<string, string> = {}): Promise<this> {
    this.config = testConfig({ LOG_LEVEL: 'debug', ...overrides });
    this.app = await createEnrichmentApp(this.config, this.logs);
    await this.app.listen(0, '127.0.0.1');
    const { port } = this.app.getHttpServer().address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    for (const queue of ['ticket-enrichment', 'tracker-writeback', 'grooming-sweep'] as const) {
      const events = new QueueEvents(queue, {
        connection: redisConnectionOptions(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
      });
      await events.waitUntilReady();
      this.events.set(queue, events);
      // Each job a test waits on listens for its queue closing; a sweep test waits on every ticket at once.
      this.queue(queue).setMaxListeners(0);
    }
    const keys = this.get(ApiKeyRepository);
    this.adminKey = (await keys.issue({ name: 'e2e-admin', role: 'admin', createdBy: 'test' })).secret;
    this.viewerKey = (await keys.issue({ name: 'e2e-viewer', role: 'viewer', createdBy: 'test' })).secret;
    return this;
  }

  async stop(): Promise<void> {
    for (const events of this.events.values()) await events.close();
    await this.app?.close();
  }

  get<T>(token: { new (...args: never[]): T } | symbol): T {
    return this.app.get(token as never);
  }

  queue(name: QueueName): Queue {
    return (this.app.get(ALL_QUEUES) as ReadonlyMap<QueueName, Queue>).get(name) as Queue;
  }

  /** BullMQ's event stream of a queue (completed, failed, delayed …), for event-driven waits. */
  eventsOf(queue: 'ticket-enrichment' | 'tracker-writeback' | 'grooming-sweep'): QueueEvents {
    return this.events.get(queue) as QueueEvents;
  }

  /** Resolves when the job is moved to delayed (a rate limit or a busy ticket). */
  delayed(queue: 'ticket-enrichment' | 'tracker-writeback', jobId: string): Promise<void> {
    return new Promise((resolve) => {
      const events = this.eventsOf(queue);
      const listener = ({ jobId: id }: { jobId: string }) => {
        if (id !== jobId) return;
        events.off('delayed', listener);
        resolve();
      };
      events.on('delayed', listener);
    });
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** The risk fixture history, analysed with the matcher corpus and committed as the latest snapshot. */
  async seedRepository(name = `billing-monorepo-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
    const repo = buildRiskHistory();
    try {
      const registered = await this.get(RepositoryRegistryRepository).register({
        name,
        cloneUrl: `file://${repo.path}`,
        defaultBranch: 'main',
        credentials: null,
        exclusions: [],
        refreshCron: null,
        historyWindowDays: null,
      });
      const { run } = await this.get(AnalysisRunRepository).queue(registered.id, 'test');
      const result = await analyseRepository(repo.path, {}, undefined, { corpus: true });
      const rows = await toNewSnapshot(
        result.snapshot,
        { repositoryId: registered.id, runId: run.id },
        { incrementalState: null, corpus: result.corpus },
      );
      await this.get(SnapshotRepository).commit(rows, {}, 2);
      this.repositoryId = registered.id;
      return registered.id;
    } finally {
      repo.dispose();
    }
  }

  /**
   * Analyses the fixture history again (the same one, or a later phase of it) and commits it as
   * the repository's new latest snapshot.
   */
  async commitNewSnapshot(
    phase: RiskHistoryPhase = 'base',
    repositoryId = this.repositoryId,
  ): Promise<string> {
    const repo = buildRiskHistory(phase);
    try {
      const { run } = await this.get(AnalysisRunRepository).queue(repositoryId, 'test');
      const result = await analyseRepository(repo.path, {}, undefined, { corpus: true });
      const rows = await toNewSnapshot(
        result.snapshot,
        { repositoryId, runId: run.id },
        { incrementalState: null, corpus: result.corpus },
      );
      return await this.get(SnapshotRepository).commit(rows, {}, 2);
    } finally {
      repo.dispose();
    }
  }

  async connectJira(jira: FakeJira, options: MappingOptions = {}): Promise<ConnectedTracker> {
    return this.connect(
      'jira',
      jira.url,
      { kind: 'basic', email: 'sightline@example.com', apiToken: jira.botApiToken },
      options,
    );
  }

  async connectLinear(linear: FakeLinear, options: MappingOptions = {}): Promise<ConnectedTracker> {
    return this.connect('linear', linear.url, { kind: 'apiKey', apiKey: linear.botApiKey }, options);
  }

  /** Stored exactly as POST /api/tracker-connections stores it: the auth object sealed as JSON. */
  private async connect(
    kind: 'jira' | 'linear',
    baseUrl: string,
    auth: Record<string, string>,
    options: MappingOptions,
  ): Promise<ConnectedTracker> {
    const cipher = this.get(SecretCipher);
    const connection = await this.get(TrackerConnectionRepository).create({
      name: options.name ?? `${kind}-${Math.random().toString(36).slice(2, 8)}`,
      kind,
      baseUrl,
      authKind: auth.kind,
      credentialEnvelope: cipher.seal(JSON.stringify(auth)),
      webhookSecretEnvelope: cipher.seal(WEBHOOK_SECRET),
    });
    const mapping = await this.get(ProjectMappingRepository).create({
      connectionId: connection.id,
      projectKey: options.projectKey ?? 'SHOP',
      repositoryIds: options.repositoryIds ?? [this.repositoryId],
      pathRules: options.pathRules ?? [],
      riskThresholds: {},
      writebackMode: options.writebackMode ?? 'comment+label',
      grooming: {},
    });
    return {
      connectionId: connection.id,
      mappingId: mapping.id,
      webhookUrl: `${this.baseUrl}/webhooks/${kind}/${connection.id}`,
    };
  }

  /** Waits for a job by id through BullMQ's completion events; throws if it failed. */
  async waitForJob(queue: QueueName, jobId: string, timeoutMs = 30_000): Promise<Job> {
    const job = await this.queue(queue).getJob(jobId);
    if (!job) throw new Error(`no job ${jobId} on ${queue}`);
    await job.waitUntilFinished(this.events.get(queue) as QueueEvents, timeoutMs);
    return (await this.queue(queue).getJob(jobId)) as Job;
  }

  /** Starts a sweep of the mapping through the API; resolves with its id once it has paged and queued. */
  async sweep(mappingId: string): Promise<string> {
    const started = await this.http()
      .post(`/api/project-mappings/${mappingId}/sweeps`)
      .set('authorization', `Bearer ${this.adminKey}`)
      .expect(202);
    const id = started.body.id as string;
    await this.waitForJob('grooming-sweep', `sweep-${id}`, 60_000);
    return id;
  }

  /** The run's enrichment job, then its write-back job when one was queued; the run as it ended. */
  async settle(runId: string): Promise<EnrichmentRunRecord> {
    await this.waitForJob('ticket-enrichment', `enrich-${runId}`);
    const write = await this.queue('tracker-writeback').getJob(`write-${runId}`);
    if (write) await this.waitForJob('tracker-writeback', `write-${runId}`);
    return (await this.get(EnrichmentRunRepository).find(runId)) as EnrichmentRunRecord;
  }
}

/** The 202 body of a webhook delivery. */
export function answerOf(delivery: { status: number; responseBody: string }): {
  outcome: string;
  runId?: string;
  reason?: string;
  deliveryId: string;
} {
  if (delivery.status !== 202)
    throw new Error(`webhook answered ${delivery.status}: ${delivery.responseBody}`);
  return JSON.parse(delivery.responseBody);
}
