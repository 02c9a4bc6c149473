// npm run bench:grooming -- [--tracker jira|linear|both] [--tickets 5000] [--page-size 50]
//                           [--workers 1] [--limited-rps 0] [--limited-tickets 1000] [--live 20]
//                           [--cpu-prof DIR]
// A backlog of `tickets` un-started tickets on a fake tracker, swept end to end through the real
// service (POST /api/project-mappings/:id/sweeps on an API process; sweep, enrichment and
// write-back on `workers` worker processes; PostgreSQL, Redis, BullMQ) until every ticket's enrichment run
// has finished with its note written. Prints tickets/s and the total time, with the fake's rate
// limits lifted; with --limited-rps N, a second sweep against a tracker that answers 429
// (Retry-After: 1) above N requests per second, to show the sweep is then bound by the limit.
// Meanwhile `live` tickets are created, one every 250 ms from the sweep's start, and announced by
// signed webhooks as the tracker would: their webhook → note latency shows what a person creating a
// ticket during a sweep waits.
// --cpu-prof DIR writes the workers' CPU profiles there. Figures only; nothing here asserts a time.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ApiKeyRepository, SweepRepository } from '@sightline/persistence';
import { FakeJira, FakeLinear } from '@sightline/testing';
import {
  BENCH_SECRET,
  BenchDatabase,
  benchQueues,
  noteLatencies,
  obliterate,
  onNoteCreated,
  percentile,
  seedTracker,
  ServiceProcess,
  TICKET_TEXTS,
} from './enrichment-bench-setup';

type Kind = 'jira' | 'linear';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

/** The fake tracker with the backlog seeded silently (no webhooks): what a sweep finds on day one. */
interface BenchBacklog {
  fake: FakeJira | FakeLinear;
  keys: string[];
  notes(key: string): number;
  requests(): number;
  /** Requests so far by kind: Jira method and path (the issue key as `:key`), Linear GraphQL operation. */
  requestKinds(): Map<string, number>;
  /** Answers 429 above `perSecond` requests in any one-second window. */
  limit(perSecond: number): void;
  /** Creates a ticket as a person would; `announce` delivers its signed "created" webhook. */
  createLive(i: number): { key: string; announce(webhookUrl: string): Promise<unknown> };
  /** Calls back with the ticket's key whenever a note is created on it. */
  onNoteCreated(listener: (key: string) => void): void;
  stop(): Promise<void>;
}

/** "At most `perSecond` requests per second", as a matcher for the fakes' fault queue. */
function overLimit(perSecond: number): () => boolean {
  let windowStart = 0;
  let used = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return used > perSecond;
  };
}

const EVERY_REQUEST = Number.MAX_SAFE_INTEGER;

function countBy<T>(items: readonly T[], kind: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(kind(item), (counts.get(kind(item)) ?? 0) + 1);
  return counts;
}

async function backlog(kind: Kind, count: number): Promise<BenchBacklog> {
  const text = (i: number) => TICKET_TEXTS[i % TICKET_TEXTS.length];
  if (kind === 'jira') {
    const jira = await FakeJira.start();
    const keys = Array.from({ length: count }, (_, i) => {
      const key = `SHOP-${i + 1}`;
      jira.seedIssue({
        key,
        summary: text(i).title,
        description: text(i).description,
        statusCategory: 'new',
      });
      return key;
    });
    return {
      fake: jira,
      keys,
      notes: (key) => jira.issue(key).comments.length,
      requests: () => jira.requests.length,
      requestKinds: () =>
        countBy(
          jira.requests,
          (r) =>
            `${r.method} ${r.path.replace(/\/issue\/(?:[A-Z][A-Z0-9_]*-\d+|\d+)(?=\/|$)/, '/issue/:key')}`,
        ),
      limit: (perSecond) =>
        jira.failNext(EVERY_REQUEST, { kind: 'rate-limit', retryAfterSeconds: 1 }, overLimit(perSecond)),
      createLive: (i) => {
        const key = `SHOP-${count + i + 1}`;
        const event = jira.createIssue({ key, summary: text(i).title, description: text(i).description });
        return { key, announce: (url) => jira.deliver(url, event, { secret: BENCH_SECRET }) };
      },
      onNoteCreated: (listener) => onNoteCreated(jira, listener),
      stop: () => jira.stop(),
    };
  }
  const linear = await FakeLinear.start();
  linear.seedTeam('SHOP');
  const keys = Array.from(
    { length: count },
    (_, i) =>
      linear.seedIssue({
        teamKey: 'SHOP',
        title: text(i).title,
        description: text(i).description,
        state: 'Backlog',
      }).identifier,
  );
  return {
    fake: linear,
    keys,
    notes: (key) => linear.commentsOn(key).length,
    requests: () => linear.requests.length,
    requestKinds: () => countBy(linear.requests, (r) => r.operation ?? `${r.method} ${r.path}`),
    limit: (perSecond) =>
      linear.failNext(EVERY_REQUEST, { kind: 'rate-limit', resetInMs: 1000 }, overLimit(perSecond)),
    createLive: (i) => {
      const event = linear.createIssue({
        teamKey: 'SHOP',
        title: text(i).title,
        description: text(i).description,
      });
      const key = (event.payload.data as { identifier: string }).identifier;
      return { key, announce: (url) => linear.deliver(url, event, { secret: BENCH_SECRET }) };
    },
    onNoteCreated: (listener) => onNoteCreated(linear, listener),
    stop: () => linear.stop(),
  };
}

/** User + system CPU seconds a process has used so far (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Transactions committed in the bench database so far: each autocommitted statement is one. */
async function committed(database: BenchDatabase): Promise<number> {
  const [{ n }] = (await database.dataSource.query(
    'SELECT pg_stat_force_next_flush(), xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()',
  )) as { n: number }[];
  return n;
}

const FINAL = "status NOT IN ('queued', 'running', 'writing')";

interface SweepFigures {
  tickets: number;
  seconds: number;
  sweepSeconds: number;
  sweepOutcome: string;
  statuses: Map<string, number>;
  lost: number;
  duplicated: number;
  requests: number;
  /** Tracker requests during the sweep by kind. */
  requestKinds: Map<string, number>;
  /** Statements the services sent to PostgreSQL (transactions committed in the bench database). */
  statements: number;
  cpu: { workers: number; api: number; bench: number };
  /** Webhook → note of the tickets created during the sweep, sorted (ms); NaN for a ticket never noted. */
  live: number[];
}

/** One sweep of a fresh backlog, from the POST until every run it queued has finished. */
async function sweepOnce(
  kind: Kind,
  database: BenchDatabase,
  count: number,
  options: { pageSize: number; workers: number; limitedRps: number; live: number; cpuProfDir: string | null },
): Promise<SweepFigures> {
  const tracker = await backlog(kind, count);
  const prefix = `slbench-gr-${randomBytes(3).toString('hex')}`;
  const env = { GROOMING_PAGE_SIZE: String(options.pageSize) };
  const api = new ServiceProcess(database.url, prefix, 'api', { env });
  const workers = Array.from(
    { length: options.workers },
    () =>
      new ServiceProcess(database.url, prefix, 'worker', {
        env,
        nodeArgs: options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [],
      }),
  );
  const workerCpu = () => workers.reduce((sum, worker) => sum + cpuSeconds(worker.pid), 0);
  try {
    const { connectionId, mappingId } = await seedTracker(database.dataSource, kind, tracker.fake);
    const { secret } = await new ApiKeyRepository(database.dataSource).issue({
      name: `bench-${prefix}`,
      role: 'admin',
      createdBy: 'bench',
    });
    await Promise.all([api.start(), ...workers.map((worker) => worker.start())]);
    if (options.limitedRps > 0) tracker.limit(options.limitedRps);
    const requestsBefore = tracker.requests();
    const kindsBefore = tracker.requestKinds();
    const cpuBefore = { workers: workerCpu(), api: cpuSeconds(api.pid), bench: process.cpuUsage() };
    const statementsBefore = await committed(database);

    const started = Date.now();
    const response = await fetch(`${api.baseUrl}/api/project-mappings/${mappingId}/sweeps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}` },
    });
    if (response.status !== 202)
      throw new Error(`sweep not started: ${response.status} ${await response.text()}`);
    const live = liveTickets(tracker, `${api.baseUrl}/webhooks/${kind}/${connectionId}`, options.live);
    const { id: sweepId } = (await response.json()) as { id: string };
    const sweeps = new SweepRepository(database.dataSource);
    // Done when the sweep has finished and every run it queued has reached a final state.
    let reported = started;
    for (;;) {
      const sweep = await sweeps.find(sweepId);
      if (sweep?.status === 'failed') throw new Error(`sweep failed: ${sweep.outcome}`);
      const [{ open }] = (await database.dataSource.query(
        `SELECT count(*)::int AS open FROM enrichment_runs WHERE connection_id = $1 AND NOT (${FINAL})`,
        [connectionId],
      )) as { open: number }[];
      if (sweep?.status === 'done' && open === 0) break;
      if (Date.now() - reported >= 10_000) {
        reported = Date.now();
        console.error(
          `  … ${Math.round((reported - started) / 1000)} s: sweep ${sweep?.status}, ${sweep?.seen ?? 0} seen, ${open} runs open`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    const liveLatencies = await live;
    const bench = process.cpuUsage(cpuBefore.bench);
    const cpu = {
      workers: workerCpu() - cpuBefore.workers,
      api: cpuSeconds(api.pid) - cpuBefore.api,
      bench: (bench.user + bench.system) / 1e6,
    };
    const sweep = await sweeps.find(sweepId);
    const rows = (await database.dataSource.query(
      `SELECT status, count(*)::int AS n FROM enrichment_runs WHERE connection_id = $1 GROUP BY status ORDER BY status`,
      [connectionId],
    )) as { status: string; n: number }[];
    const notes = tracker.keys.map((key) => tracker.notes(key));
    // Backends report their counts when they end: stop the services first.
    await Promise.all([api.stop(), ...workers.map((worker) => worker.stop())]);
    const statements = (await committed(database)) - statementsBefore;
    return {
      tickets: count,
      seconds,
      sweepSeconds:
        sweep?.startedAt && sweep.finishedAt
          ? (sweep.finishedAt.getTime() - sweep.startedAt.getTime()) / 1000
          : NaN,
      sweepOutcome: sweep?.outcome ?? '',
      statuses: new Map(rows.map((row) => [row.status, row.n])),
      lost: notes.filter((n) => n === 0).length,
      duplicated: notes.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      requests: tracker.requests() - requestsBefore,
      requestKinds: new Map(
        [...tracker.requestKinds()]
          .map(([kind, n]): [string, number] => [kind, n - (kindsBefore.get(kind) ?? 0)])
          .filter(([, n]) => n > 0)
          .sort((a, b) => b[1] - a[1]),
      ),
      statements,
      cpu,
      live: liveLatencies,
    };
  } finally {
    await Promise.all([api.stop(), ...workers.map((worker) => worker.stop())]);
    await obliterate(benchQueues(prefix));
    await tracker.stop();
  }
}

/**
 * Creates `count` tickets, one every 250 ms, each announced by its webhook; resolves with their
 * webhook → note latencies once every one has a note (NaN for any still without one after 10 minutes).
 */
async function liveTickets(tracker: BenchBacklog, webhookUrl: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const notes = noteLatencies((listener) => tracker.onNoteCreated(listener));
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const ticket = tracker.createLive(i);
    notes.sent(ticket.key);
    await ticket.announce(webhookUrl);
  }
  await notes.noted(count, 600_000);
  const never = Array.from({ length: notes.pending() }, () => Number.NaN);
  return [...[...notes.latencies].sort((a, b) => a - b), ...never];
}

function print(kind: Kind, label: string, f: SweepFigures): void {
  const list = (map: Map<string, number>) => [...map].map(([k, v]) => `${k}: ${v}`).join(', ');
  const s = (value: number) => `${value.toFixed(1)} s`;
  console.log(`${kind} · ${label}`);
  console.log(`  backlog                 ${f.tickets} tickets`);
  console.log(`  total (POST → last note) ${s(f.seconds)} = ${(f.tickets / f.seconds).toFixed(1)} tickets/s`);
  console.log(`  sweep (paging, queuing) ${s(f.sweepSeconds)}: ${f.sweepOutcome}`);
  console.log(`  enrichment runs         ${list(f.statuses)}`);
  console.log(`  notes                   ${f.lost} lost, ${f.duplicated} duplicated`);
  console.log(
    `  database statements     ${f.statements} (${(f.statements / f.tickets).toFixed(1)} per ticket)`,
  );
  console.log(
    `  tracker requests        ${f.requests} (${(f.requests / f.tickets).toFixed(2)} per ticket, ${(f.requests / f.seconds).toFixed(0)}/s)`,
  );
  console.log(
    `  requests by kind        ${[...f.requestKinds].map(([kind, n]) => `${kind} ${(n / f.tickets).toFixed(2)}`).join(', ')} (per ticket)`,
  );
  console.log(
    `  CPU                     workers ${s(f.cpu.workers)}, api ${s(f.cpu.api)}, fake tracker + bench ${s(f.cpu.bench)} ` +
      `(${((f.cpu.workers * 1000) / f.tickets).toFixed(1)} ms worker CPU per ticket)`,
  );
  if (f.live.length > 0) {
    const ms = (value: number) => (Number.isNaN(value) ? 'never' : `${Math.round(value)} ms`);
    console.log(
      `  created during the sweep ${f.live.length} tickets, webhook → note p50 ${ms(percentile(f.live, 50))}, ` +
        `p95 ${ms(percentile(f.live, 95))}, max ${ms(f.live[f.live.length - 1])}`,
    );
  }
}

async function main(): Promise<void> {
  const which = arg('tracker', 'jira');
  if (!['jira', 'linear', 'both'].includes(which)) throw new Error('--tracker must be jira, linear or both');
  const kinds: Kind[] = which === 'both' ? ['jira', 'linear'] : [which as Kind];
  const tickets = Number(arg('tickets', '5000'));
  const pageSize = Number(arg('page-size', '50'));
  const workers = Number(arg('workers', '1'));
  const limitedRps = Number(arg('limited-rps', '0'));
  const limitedTickets = Number(arg('limited-tickets', '1000'));
  const live = Number(arg('live', '20'));
  const cpuProfDir = arg('cpu-prof', '') || null;
  for (const [name, value] of Object.entries({
    tickets,
    pageSize,
    workers,
    limitedRps,
    limitedTickets,
    live,
  })) {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${name}: expected a whole number, got ${value}`);
  }
  const database = new BenchDatabase();
  await database.create();
  try {
    for (const kind of kinds) {
      const free = await sweepOnce(kind, database, tickets, {
        pageSize,
        workers,
        limitedRps: 0,
        live,
        cpuProfDir,
      });
      const setup = `page size ${pageSize}, ${workers} worker process${workers === 1 ? '' : 'es'}`;
      print(kind, `rate limits lifted, ${setup}`, free);
      if (limitedRps > 0) {
        const limited = await sweepOnce(kind, database, limitedTickets, {
          pageSize,
          workers,
          limitedRps,
          live,
          cpuProfDir: null,
        });
        print(kind, `tracker limited to ${limitedRps} requests/s (429 above), ${setup}`, limited);
      }
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
