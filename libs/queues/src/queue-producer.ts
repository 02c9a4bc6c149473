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
    const target = this.queues.get(queue);
    if (!target) throw new Error(`queue ${queue} is not registered in this process`);
    const job = await target.add(name, payload, options);
    return job.id ?? '';
  }
}
