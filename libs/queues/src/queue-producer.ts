import type { JobsOptions, Queue } from 'bullmq';
import { parseJobPayload, type JobName, type JobPayload } from './job-contracts';
import type { QueueName } from './queue-names';

/** The only way jobs are added: payloads are validated before they reach Redis. */
export class QueueProducer {
  constructor(private readonly queues: ReadonlyMap<QueueName, Queue>) {}

  async enqueue<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    data: JobPayload<Q, N>,
    options: Pick<JobsOptions, 'jobId' | 'delay' | 'priority'> = {},
  ): Promise<string> {
    const payload = parseJobPayload(queue, name, data);
    const job = await this.queue(queue).add(name, payload, options);
    return job.id ?? '';
  }

  /**
   * Many jobs of one kind in one Redis round trip (a pipeline), each validated like `enqueue`; a
   * job whose id is already in the queue is not added again. `options` apply to every job.
   */
  async enqueueMany<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    jobs: readonly { data: JobPayload<Q, N>; jobId: string }[],
    options: Pick<JobsOptions, 'priority'> = {},
  ): Promise<void> {
    if (jobs.length === 0) return;
    const entries = jobs.map((job) => ({
      name,
      data: parseJobPayload(queue, name, job.data),
      opts: { ...options, jobId: job.jobId },
    }));
    await this.queue(queue).addBulk(entries);
  }

  /** Creates or replaces a cron schedule that adds the job each time it fires. */
  async schedule<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    schedulerId: string,
    cron: string,
    name: N,
    data: JobPayload<Q, N>,
  ): Promise<void> {
    const payload = parseJobPayload(queue, name, data);
    await this.queue(queue).upsertJobScheduler(schedulerId, { pattern: cron }, { name, data: payload });
  }

  async unschedule(queue: QueueName, schedulerId: string): Promise<void> {
    await this.queue(queue).removeJobScheduler(schedulerId);
  }

  /** Ids of every schedule on the queue, to reconcile them with their source of truth. */
  async scheduleIds(queue: QueueName): Promise<string[]> {
    const schedulers = await this.queue(queue).getJobSchedulers(0, -1);
    return schedulers.map((scheduler) => scheduler.key);
  }

  private queue(name: QueueName): Queue {
    const target = this.queues.get(name);
    if (!target) throw new Error(`queue ${name} is not registered in this process`);
    return target;
  }
}
