import type { Job } from 'bullmq';
import { jobNamesOf, type JobName, type JobPayload } from './job-contracts';
import type { QueueName } from './queue-names';

/** One handler per job name of a queue; the type makes a missing handler a compile error. */
export type JobHandlers<Q extends QueueName> = {
  /** `token` is the worker's lock token, needed to move the job (e.g. to delayed). */
  [N in JobName<Q>]: (payload: JobPayload<Q, N>, job: Job, token?: string) => Promise<unknown>;
};

export class MissingJobHandlerError extends Error {
  constructor(queue: QueueName, missing: string[]) {
    super(`queue ${queue}: no handler for job name(s) ${missing.join(', ')}`);
  }
}

/** Boot check: the app that owns a queue must handle every job name the contracts define. */
export function assertEveryJobHandled(queue: QueueName, handlers: object): void {
  const missing = jobNamesOf(queue).filter(
    (name) => typeof (handlers as Record<string, unknown>)[name] !== 'function',
  );
  if (missing.length) throw new MissingJobHandlerError(queue, missing);
}
