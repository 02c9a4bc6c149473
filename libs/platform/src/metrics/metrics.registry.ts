import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { QueueName } from '@sightline/queues';

export const METRICS_REGISTRY = Symbol('sightline.metrics-registry');

const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'paused',
  'prioritized',
] as const;

/**
 * One registry per app instance (not prom-client's global one), so two apps in one process —
 * as in tests — never collide on metric names.
 */
export function createMetricsRegistry(service: string, queues: ReadonlyMap<QueueName, Queue>): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'sightline_queue_jobs',
    help: 'Jobs per queue and state (queue depth), read from Redis at scrape time.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const [name, queue] of queues) {
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
  return registry;
}
