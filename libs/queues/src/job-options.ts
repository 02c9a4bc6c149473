import type { DefaultJobOptions } from 'bullmq';
import type { QueueName } from './queue-names';

/**
 * Retry policy per queue. Backoff is exponential with jitter so that a tracker outage does not
 * produce synchronized retry waves. Completed jobs are bounded; failed ones are kept (bounded by
 * age and count) so nothing disappears silently.
 */
const base: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 10_000, age: 14 * 24 * 3600 },
};

/**
 * BullMQ priority of background work: grooming sweeps, re-checks after a new snapshot, report-link
 * renewals. BullMQ takes every job without a priority before any prioritized one, so a ticket
 * someone just created or edited is enriched (and written) next, even behind a sweep's thousands.
 */
export const BACKGROUND_PRIORITY = 100;

export const DEFAULT_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  // A whole-repository analysis is expensive: fewer, slower retries.
  'repository-analysis': {
    ...base,
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000, jitter: 0.5 },
  },
  'ticket-enrichment': base,
  'tracker-writeback': { ...base, attempts: 8 },
  'grooming-sweep': { ...base, attempts: 3 },
};
