import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import {
  DelayedError,
  RateLimitError,
  UnrecoverableError,
  WaitingChildrenError,
  Worker,
  type Job,
} from 'bullmq';
import { InvalidJobPayloadError, parseJobPayload, UnknownJobError, type JobName } from './job-contracts';
import { assertEveryJobHandled, type JobHandlers } from './job-handlers';
import type { QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

export interface WorkerSettings {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** Job lock duration; a killed worker's job is considered stalled and retried after about this. */
  lockMs: number;
}

/**
 * Base for every queue worker. At construction it checks that each job name of the queue has a
 * handler. Per job it validates the payload — a payload that can never succeed becomes
 * UnrecoverableError, so it is not retried — and lets handler errors propagate untouched:
 * retries are BullMQ's policy. On shutdown it stops taking jobs and waits for running ones
 * before the database and Redis connections close.
 */
export abstract class ContractProcessor<Q extends QueueName>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private worker?: Worker;
  /** Jobs whose final failure `process` has recorded already; the `failed` event skips them. */
  private readonly recordedFailures = new Set<string>();

  protected constructor(
    readonly queue: Q,
    private readonly handlers: JobHandlers<Q>,
    private readonly settings: WorkerSettings,
  ) {
    assertEveryJobHandled(queue, handlers);
  }

  /**
   * Called once a job will not be tried again (attempts used up, or unrecoverable): before BullMQ
   * marks it failed when the handler threw, so anyone who sees the job failed also sees what this
   * records (a run's status and reason); from the `failed` event otherwise (a stalled job).
   */
  protected onFinalFailure?(job: Job, error: Error): Promise<void>;

  onApplicationBootstrap(): void {
    this.worker = new Worker(this.queue, (job, token) => this.process(job, token), {
      connection: redisConnectionOptions(this.settings.redisUrl),
      prefix: this.settings.prefix,
      concurrency: this.settings.concurrency,
      lockDuration: this.settings.lockMs,
      stalledInterval: this.settings.lockMs,
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, error) => {
      if (!job || !this.onFinalFailure) return;
      if (this.recordedFailures.delete(String(job.id))) return;
      // attemptsMade already counts the attempt that failed.
      if (isUnrecoverable(error) || job.attemptsMade >= (job.opts.attempts ?? 1)) {
        void this.onFinalFailure(job, error).catch(() => undefined);
      }
    });
    // Connection trouble is reported by readiness; the worker reconnects by itself.
    this.worker.on('error', () => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    // Closing a worker whose Redis connection is still being set up makes BullMQ emit an error
    // after it has dropped its listeners, which would crash the process: let it settle first.
    await Promise.race([
      this.worker.waitUntilReady().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
    ]);
    await this.worker.close();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    try {
      return await this.handle(job, token);
    } catch (error) {
      if (this.onFinalFailure && error instanceof Error && isLastAttempt(job, error)) {
        await this.onFinalFailure(job, error).catch(() => undefined);
        this.recordedFailures.add(String(job.id));
      }
      throw error;
    }
  }

  private async handle(job: Job, token?: string): Promise<unknown> {
    let payload: unknown;
    try {
      payload = parseJobPayload(this.queue, job.name as JobName<Q>, job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError || error instanceof UnknownJobError) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
    const handler = this.handlers[job.name as JobName<Q>] as (
      payload: unknown,
      job: Job,
      token?: string,
    ) => Promise<unknown>;
    return handler(payload, job, token);
  }
}

function isUnrecoverable(error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
}

/**
 * Whether BullMQ will fail this job for good when the running attempt throws `error` (its own
 * rule: no attempts left, or unrecoverable). Errors that only move the job — a delay, waiting for
 * children, a rate limit — are no failure.
 */
function isLastAttempt(job: Job, error: Error): boolean {
  const moved = [DelayedError, WaitingChildrenError, RateLimitError].some((kind) => error instanceof kind);
  if (moved) return false;
  return isUnrecoverable(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
