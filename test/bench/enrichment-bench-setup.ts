// Setup for bench:enrichment: a scratch database, the risk fixture repository analysed and stored
// as a snapshot, a tracker connection + mapping pointing at a fake tracker, and the service run as
// separate processes (API and worker), as it is deployed, so the fake tracker and the webhook
// senders in this process do not compete with it for one event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { analyseRepository } from '@sightline/analysis';
import {
  AnalysisRunRepository,
  createDataSource,
  ProjectMappingRepository,
  RepositoryRegistryRepository,
  runMigrations,
  SecretCipher,
  SnapshotRepository,
  TrackerConnectionRepository,
} from '@sightline/persistence';
import { QUEUE_NAMES, redisConnectionOptions, type QueueName } from '@sightline/queues';
import { buildRiskHistory, FakeJira, freePort, type FakeLinear } from '@sightline/testing';
import { toNewSnapshot } from '../../apps/ingestion/src/analysis/snapshot-rows.mapper';
import { adminPostgresUrl, databaseUrlFor, testRedisUrl } from '../setup/test-environment';

type DataSource = ReturnType<typeof createDataSource>;

export const BENCH_SECRET = 'bench-webhook-secret-0123456789';
const SECRETS_KEYS = `bench:${Buffer.alloc(32, 7).toString('base64')}`;

export class BenchDatabase {
  readonly name = `sightline_bench_${randomBytes(4).toString('hex')}`;
  private readonly admin = new Client({ connectionString: adminPostgresUrl });
  url = '';
  dataSource!: DataSource;

  async create(): Promise<void> {
    await this.admin.connect();
    await this.admin.query(`CREATE DATABASE ${this.name}`);
    this.url = databaseUrlFor(this.name);
    this.dataSource = createDataSource(this.url, 'sightline-bench');
    await this.dataSource.initialize();
    await runMigrations(this.dataSource);
  }

  async drop(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    await this.admin.end();
  }
}

/** Extra settings of one service process: environment overrides and node flags (e.g. --cpu-prof). */
export interface ServiceProcessOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** One enrichment process (`roles` api, worker or both) on a free port. */
export class ServiceProcess {
  private child?: ChildProcess;
  baseUrl = '';

  constructor(
    private readonly databaseUrl: string,
    readonly prefix: string,
    private readonly roles: string,
    private readonly options: ServiceProcessOptions = {},
  ) {}

  /** The process id while it runs, for CPU accounting (/proc/<pid>/stat). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<this> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.child = spawn(
      process.execPath,
      [
        ...(this.options.nodeArgs ?? []),
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/enrichment/src/main.ts',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          DATABASE_URL: this.databaseUrl,
          REDIS_URL: testRedisUrl,
          QUEUE_PREFIX: this.prefix,
          SECRETS_KEYS,
          SIGHTLINE_ROLES: this.roles,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          ENRICHMENT_CONCURRENCY: '16',
          WRITEBACK_CONCURRENCY: '16',
          // e.g. PGOPTIONS='-c log_statement=all' to count the services' statements by kind.
          ...(process.env.PGOPTIONS ? { PGOPTIONS: process.env.PGOPTIONS } : {}),
          ...this.options.env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    // Waiting for a process to come up is the one place this bench polls.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return this;
      if (Date.now() > deadline || this.exited()) throw new Error(`enrichment (${this.roles}) did not start`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Ended by itself or by a signal (a signalled child has no exit code). */
  private exited(): boolean {
    return this.child?.exitCode !== null || this.child?.signalCode !== null;
  }

  async stop(): Promise<void> {
    if (!this.child || this.exited()) return;
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** The prefix's queues, for counts and cleanup from this process. */
export function benchQueues(prefix: string): Map<QueueName, Queue> {
  return new Map(
    QUEUE_NAMES.map((name) => [
      name,
      new Queue(name, { connection: redisConnectionOptions(testRedisUrl), prefix }),
    ]),
  );
}

export async function obliterate(queues: Map<QueueName, Queue>): Promise<void> {
  for (const queue of queues.values()) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Registers the risk fixture repository with an analysed snapshot, and a connection + mapping. */
export async function seedTracker(
  dataSource: DataSource,
  kind: 'jira' | 'linear',
  fake: FakeJira | FakeLinear,
): Promise<{ connectionId: string; mappingId: string }> {
  const repo = buildRiskHistory();
  const suffix = randomBytes(3).toString('hex');
  try {
    const registered = await new RepositoryRegistryRepository(dataSource).register({
      name: `bench-repository-${suffix}`,
      cloneUrl: `file://${repo.path}`,
      defaultBranch: 'main',
      credentials: null,
      exclusions: [],
      refreshCron: null,
      historyWindowDays: null,
    });
    const { run } = await new AnalysisRunRepository(dataSource).queue(registered.id, 'bench');
    const result = await analyseRepository(repo.path, {}, undefined, { corpus: true });
    const rows = await toNewSnapshot(
      result.snapshot,
      { repositoryId: registered.id, runId: run.id },
      { incrementalState: null, corpus: result.corpus },
    );
    await new SnapshotRepository(dataSource).commit(rows, {}, 2);
    const cipher = new SecretCipher([{ id: 'bench', key: Buffer.alloc(32, 7) }]);
    const auth =
      kind === 'jira'
        ? { kind: 'basic', email: 'sightline@example.com', apiToken: (fake as FakeJira).botApiToken }
        : { kind: 'apiKey', apiKey: (fake as FakeLinear).botApiKey };
    const connection = await new TrackerConnectionRepository(dataSource).create({
      name: `bench-${kind}-${suffix}`,
      kind,
      baseUrl: fake.url,
      authKind: auth.kind,
      credentialEnvelope: cipher.seal(JSON.stringify(auth)),
      webhookSecretEnvelope: cipher.seal(BENCH_SECRET),
    });
    const mapping = await new ProjectMappingRepository(dataSource).create({
      connectionId: connection.id,
      projectKey: 'SHOP',
      repositoryIds: [registered.id],
      pathRules: [],
      riskThresholds: {},
      writebackMode: 'comment+label',
      grooming: {},
    });
    return { connectionId: connection.id, mappingId: mapping.id };
  } finally {
    repo.dispose();
  }
}

/** Ticket texts the fixture repository answers differently: high, low and ordinary risk, and a guess. */
export const TICKET_TEXTS = [
  {
    title: 'Invoice total rounding is wrong when discounts apply',
    description: 'invoiceTotal per tax rate is off.',
  },
  { title: 'Trim whitespace in the UI label text', description: 'labelText should trim its input.' },
  { title: 'Tune util7 limits for large values', description: 'util7 in core returns the wrong bound.' },
  { title: 'Invoice totals per tax rate', description: 'Post the ledger entry per rate as well.' },
  { title: 'Follow up on the thing from the meeting', description: '' },
];

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Calls back with the ticket's key whenever a note (comment) is created on it in the fake tracker. */
export function onNoteCreated(fake: FakeJira | FakeLinear, listener: (key: string) => void): void {
  if (fake instanceof FakeJira) {
    fake.state.onEvent((event) => {
      if (event.payload.webhookEvent === 'comment_created')
        listener((event.payload.issue as { key: string }).key);
    });
    return;
  }
  fake.state.onEvent((event) => {
    const { type, action, data } = event.payload as {
      type: string;
      action: string;
      data: { issue?: { identifier: string } };
    };
    if (type === 'Comment' && action === 'create' && data.issue) listener(data.issue.identifier);
  });
}

/**
 * Webhook → note latencies: `sent(key)` when a ticket's webhook goes out; `noted(total, timeoutMs)`
 * resolves once `total` of them have a note, or at the timeout; `latencies` are in arrival order.
 */
export function noteLatencies(onNote: (listener: (key: string) => void) => void) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const waiters: (() => void)[] = [];
  onNote((key) => {
    const sent = sentAt.get(key);
    if (sent === undefined) return;
    latencies.push(Date.now() - sent);
    sentAt.delete(key);
    waiters.forEach((wake) => wake());
  });
  return {
    latencies,
    /** Keys sent and not noted yet. */
    pending: () => sentAt.size,
    sent: (key: string) => sentAt.set(key, Date.now()),
    noted: (total: number, timeoutMs: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs).unref();
        const check = () => {
          if (latencies.length < total) return;
          clearTimeout(timer);
          resolve();
        };
        waiters.push(check);
        check();
      }),
  };
}
