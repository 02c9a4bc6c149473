import type { JobName, JobPayload } from './job-contracts';
import type { QueueName } from './queue-names';
import type { QueueProducer } from './queue-producer';

/** One kind of cron-driven job: which queue and job, and the payload for the owning record's id. */
export interface CronScheduleKind<Q extends QueueName, N extends JobName<Q>> {
  queue: Q;
  /** Scheduler ids are `<prefix><record id>`; the prefix tells this kind's schedulers apart. */
  prefix: string;
  jobName: N;
  payloadOf(id: string): JobPayload<Q, N>;
}

/** Repository refreshes (ingestion): `refresh-<repositoryId>`. */
export const REFRESH_SCHEDULES: CronScheduleKind<'repository-analysis', 'refresh-repository'> = {
  queue: 'repository-analysis',
  prefix: 'refresh-',
  jobName: 'refresh-repository',
  payloadOf: (repositoryId) => ({ repositoryId }),
};

/** Grooming sweeps (enrichment): `grooming-<mappingId>`. */
export const GROOMING_SCHEDULES: CronScheduleKind<'grooming-sweep', 'scheduled-sweep'> = {
  queue: 'grooming-sweep',
  prefix: 'grooming-',
  jobName: 'scheduled-sweep',
  payloadOf: (mappingId) => ({ mappingId }),
};

/**
 * One BullMQ job scheduler per record that has a cron, for one kind of schedule. The records'
 * table is the truth: each write applies its change (whichever service made it), and a
 * reconciliation makes Redis match the whole table. Both are idempotent, so several processes
 * doing them at once is harmless.
 */
export class CronSchedules<Q extends QueueName, N extends JobName<Q>> {
  constructor(
    private readonly producer: QueueProducer,
    private readonly kind: CronScheduleKind<Q, N>,
  ) {}

  /** Creates or replaces the record's schedule, or removes it when `cron` is null. */
  async apply(id: string, cron: string | null): Promise<void> {
    const { queue, prefix, jobName } = this.kind;
    if (cron) await this.producer.schedule(queue, `${prefix}${id}`, cron, jobName, this.kind.payloadOf(id));
    else await this.producer.unschedule(queue, `${prefix}${id}`);
  }

  /** Makes the queue's schedulers of this kind exactly `wanted` (record id → cron). */
  async reconcile(wanted: ReadonlyMap<string, string>): Promise<void> {
    const { queue, prefix } = this.kind;
    for (const schedulerId of await this.producer.scheduleIds(queue)) {
      if (schedulerId.startsWith(prefix) && !wanted.has(schedulerId.slice(prefix.length))) {
        await this.producer.unschedule(queue, schedulerId);
      }
    }
    for (const [id, cron] of wanted) await this.apply(id, cron);
  }
}
