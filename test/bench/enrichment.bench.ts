// npm run bench:enrichment -- [--tracker jira|linear] [--rate 50] [--duration 60] [--intake 5000] [--concurrency 64]
// Against the fake trackers, through the real service (HTTP, PostgreSQL, Redis, BullMQ workers):
//  1. intake: signed "created" webhooks sent as fast as the service answers them (API role only),
//     printed as accepted webhooks per second (202);
//  2. sustained load: `rate` new tickets per second for `duration` seconds, every tracker event
//     delivered back as Jira/Linear would (our own writes included, 10% of deliveries twice),
//     printed as the latency from webhook sent to note written (p50/p95/p99) and the counts of
//     lost and duplicated notes.
// Needs PostgreSQL and Redis as the tests do. Figures only; nothing here asserts a time.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Queue } from 'bullmq';
import {
  FakeJira,
  FakeLinear,
  jiraWebhookHeaders,
  linearWebhookRequest,
  type JiraEvent,
  type LinearEvent,
  type WebhookDelivery,
} from '@sightline/testing';
import type { QueueName } from '@sightline/queues';
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
type TrackerEvent = JiraEvent | LinearEvent;

interface BenchTracker {
  url: string;
  create(n: number): { key: string; event: TrackerEvent };
  request(event: TrackerEvent): { body: string; headers: Record<string, string> };
  deliver(webhookUrl: string, event: TrackerEvent): Promise<WebhookDelivery>;
  subscribe(webhookUrl: string): void;
  onNoteCreated(listener: (key: string) => void): void;
  notes(key: string): number;
  deliveries(): readonly WebhookDelivery[];
  stop(): Promise<void>;
}

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function benchTracker(kind: Kind): Promise<{ fake: FakeJira | FakeLinear; tracker: BenchTracker }> {
  if (kind === 'jira') {
    const jira = await FakeJira.start();
    return {
      fake: jira,
      tracker: {
        url: jira.url,
        create: (n) => {
          const key = `SHOP-${n}`;
          return {
            key,
            event: jira.createIssue({
              key,
              summary: TICKET_TEXTS[n % TICKET_TEXTS.length].title,
              description: TICKET_TEXTS[n % TICKET_TEXTS.length].description,
            }),
          };
        },
        request: (event) => {
          const body = JSON.stringify(event.payload);
          return {
            body,
            headers: jiraWebhookHeaders(body, {
              secret: BENCH_SECRET,
              identifier: (event as JiraEvent).identifier,
            }),
          };
        },
        deliver: (url, event) => jira.deliver(url, event as JiraEvent, { secret: BENCH_SECRET }),
        subscribe: (url) => jira.subscribe(url, { secret: BENCH_SECRET }),
        onNoteCreated: (listener) => onNoteCreated(jira, listener),
        notes: (key) => jira.issue(key).comments.length,
        deliveries: () => jira.deliveries,
        stop: () => jira.stop(),
      },
    };
  }
  const linear = await FakeLinear.start();
  linear.seedTeam('SHOP');
  return {
    fake: linear,
    tracker: {
      url: linear.url,
      create: (n) => {
        const text = TICKET_TEXTS[n % TICKET_TEXTS.length];
        const event = linear.createIssue({
          teamKey: 'SHOP',
          title: text.title,
          description: text.description,
        });
        return { key: (event.payload.data as { identifier: string }).identifier, event };
      },
      request: (event) =>
        linearWebhookRequest(event.payload, {
          secret: BENCH_SECRET,
          deliveryId: (event as LinearEvent).deliveryId,
        }),
      deliver: (url, event) => linear.deliver(url, event as LinearEvent, { secret: BENCH_SECRET }),
      subscribe: (url) => linear.subscribe(url, { secret: BENCH_SECRET }),
      onNoteCreated: (listener) => onNoteCreated(linear, listener),
      notes: (key) => linear.commentsOn(key).length,
      deliveries: () => linear.deliveries,
      stop: () => linear.stop(),
    },
  };
}

/** Phase 1: how many signed webhooks per second the API accepts (202), with `concurrency` in flight. */
async function intake(kind: Kind, database: BenchDatabase, count: number, concurrency: number) {
  const { fake, tracker } = await benchTracker(kind);
  const api = new ServiceProcess(database.url, `slbench-in-${randomBytes(3).toString('hex')}`, 'api');
  try {
    const { connectionId } = await seedTracker(database.dataSource, kind, fake);
    await api.start();
    const url = `${api.baseUrl}/webhooks/${kind}/${connectionId}`;
    const requests = Array.from({ length: count }, (_, i) =>
      tracker.request(tracker.create(1_000_000 + i).event),
    );
    const statuses = new Map<number, number>();
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests.length) {
          const { body, headers } = requests[next++];
          const response = await fetch(url, { method: 'POST', body, headers });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, accepted: statuses.get(202) ?? 0, statuses };
  } finally {
    await api.stop();
    await obliterate(benchQueues(api.prefix));
    await tracker.stop();
  }
}

/** Waits until no enrichment or write-back job is pending (the hourly prune schedule aside). */
async function queueIdle(queues: ReadonlyMap<QueueName, Queue>): Promise<void> {
  for (;;) {
    let busy = 0;
    for (const name of ['ticket-enrichment', 'tracker-writeback'] as const) {
      const queue = queues.get(name) as Queue;
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      busy += Object.values(counts).reduce((a, b) => a + b, 0);
      busy += (await queue.getDelayed()).filter((job) => job.name !== 'prune-enrichment-history').length;
    }
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Phase 2: `rate` new tickets per second for `seconds`; latency from webhook to note, lost and doubled notes. */
async function sustained(kind: Kind, database: BenchDatabase, rate: number, seconds: number) {
  const { fake, tracker } = await benchTracker(kind);
  const prefix = `slbench-ld-${randomBytes(3).toString('hex')}`;
  const api = new ServiceProcess(database.url, prefix, 'api');
  const worker = new ServiceProcess(database.url, prefix, 'worker');
  const queues = benchQueues(prefix);
  try {
    const { connectionId } = await seedTracker(database.dataSource, kind, fake);
    await Promise.all([api.start(), worker.start()]);
    const url = `${api.baseUrl}/webhooks/${kind}/${connectionId}`;
    tracker.subscribe(url);
    const total = Math.round(rate * seconds);
    const notes = noteLatencies((listener) => tracker.onNoteCreated(listener));
    const keys: string[] = [];
    const redeliveries: Promise<unknown>[] = [];
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const utilization = performance.eventLoopUtilization();
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const { key, event } = tracker.create(i + 1);
      notes.sent(key);
      keys.push(key);
      // A tenth of the deliveries arrive twice, as trackers retry.
      if (i % 10 === 0)
        redeliveries.push(new Promise((r) => setTimeout(r, 100)).then(() => tracker.deliver(url, event)));
    }
    const sendSeconds = (Date.now() - started) / 1000;
    await notes.noted(total, 60_000);
    lag.disable();
    const busy = performance.eventLoopUtilization(utilization).utilization;
    await Promise.all(redeliveries);
    await queueIdle(queues);
    const counts = keys.map((key) => tracker.notes(key));
    const answers = new Map<number, number>();
    for (const delivery of tracker.deliveries())
      answers.set(delivery.status, (answers.get(delivery.status) ?? 0) + 1);
    const outcomes = new Map<string, number>();
    for (const delivery of tracker.deliveries()) {
      if (delivery.status !== 202) continue;
      const outcome = (JSON.parse(delivery.responseBody) as { outcome: string }).outcome;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const failed = await queues.get('tracker-writeback')?.getJobCounts('failed');
    const timing = async (name: 'ticket-enrichment' | 'tracker-writeback') => {
      const jobs = (await (queues.get(name) as Queue).getCompleted(0, 10_000)).filter(
        (job) => job.name !== 'prune-enrichment-history',
      );
      const waits = jobs.map((job) => (job.processedOn ?? 0) - job.timestamp).sort((a, b) => a - b);
      const runs = jobs.map((job) => (job.finishedOn ?? 0) - (job.processedOn ?? 0)).sort((a, b) => a - b);
      return { wait: percentile(waits, 50), run: percentile(runs, 50), runP95: percentile(runs, 95) };
    };
    const jobTimes = {
      enrichment: await timing('ticket-enrichment'),
      writeback: await timing('tracker-writeback'),
    };
    return {
      total,
      sendSeconds,
      latencies: [...notes.latencies].sort((a, b) => a - b),
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      answers,
      outcomes,
      failedWrites: failed?.failed ?? 0,
      jobTimes,
      eventLoop: { busy, lagP50: lag.percentile(50) / 1e6, lagP99: lag.percentile(99) / 1e6 },
    };
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await obliterate(queues);
    await tracker.stop();
  }
}

async function main(): Promise<void> {
  const kind = arg('tracker', 'jira') as Kind;
  if (kind !== 'jira' && kind !== 'linear') throw new Error('--tracker must be jira or linear');
  const rate = Number(arg('rate', '50'));
  const duration = Number(arg('duration', '60'));
  const intakeCount = Number(arg('intake', '5000'));
  const concurrency = Number(arg('concurrency', '64'));
  const database = new BenchDatabase();
  await database.create();
  try {
    const accepted = await intake(kind, database, intakeCount, concurrency);
    const load = await sustained(kind, database, rate, duration);
    const ms = (value: number) => `${Math.round(value)} ms`;
    const list = (map: Map<string | number, number>) => [...map].map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(`tracker                 ${kind} (fake, local)`);
    console.log(
      `intake                  ${accepted.accepted} of ${intakeCount} signed webhooks accepted (202) in ${accepted.seconds.toFixed(2)} s ` +
        `= ${Math.round(accepted.accepted / accepted.seconds)} webhooks/s (${concurrency} in flight; answers ${list(accepted.statuses)})`,
    );
    console.log(
      `sustained load          ${load.total} tickets at ${rate}/s over ${load.sendSeconds.toFixed(1)} s`,
    );
    console.log(
      `webhook → note written  p50 ${ms(percentile(load.latencies, 50))}, p95 ${ms(percentile(load.latencies, 95))}, ` +
        `p99 ${ms(percentile(load.latencies, 99))}, max ${ms(load.latencies[load.latencies.length - 1] ?? Number.NaN)} (${load.latencies.length} notes)`,
    );
    console.log(`lost notes              ${load.lost}`);
    console.log(`duplicated notes        ${load.duplicated}`);
    console.log(`webhook answers         ${list(load.answers)}; outcomes ${list(load.outcomes)}`);
    console.log(`failed write-back jobs  ${load.failedWrites}`);
    console.log(
      `event loop              ${Math.round(load.eventLoop.busy * 100)}% busy, delay p50 ${ms(load.eventLoop.lagP50)}, p99 ${ms(load.eventLoop.lagP99)} ` +
        '(of this process: the fake tracker and the webhook senders)',
    );
    for (const [name, t] of Object.entries(load.jobTimes)) {
      console.log(
        `${`${name} jobs`.padEnd(24)}median wait in queue ${ms(t.wait)}, median run ${ms(t.run)} (p95 ${ms(t.runP95)})`,
      );
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
