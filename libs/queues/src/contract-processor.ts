import { WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { InvalidJobPayloadError, parseJobPayload, UnknownJobError, type JobName } from './job-contracts';
import { assertEveryJobHandled, type JobHandlers } from './job-handlers';
import type { QueueName } from './queue-names';

/**
 * Base for every BullMQ processor: checks at construction that each job name has a handler,
 * validates the payload, and turns a payload that can never succeed into UnrecoverableError so
 * BullMQ does not retry it. Handler errors propagate untouched: retries are BullMQ's policy.
 */
export abstract class ContractProcessor<Q extends QueueName> extends WorkerHost {
  protected constructor(
    readonly queue: Q,
    private readonly handlers: JobHandlers<Q>,
  ) {
    super();
    assertEveryJobHandled(queue, handlers);
  }

  async process(job: Job): Promise<unknown> {
    let payload: unknown;
    try {
      payload = parseJobPayload(this.queue, job.name as JobName<Q>, job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError || error instanceof UnknownJobError) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
    const handler = this.handlers[job.name as JobName<Q>] as (payload: unknown, job: Job) => Promise<unknown>;
    return handler(payload, job);
  }
}
