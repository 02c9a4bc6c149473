import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { EnrichmentRunRepository } from '@sightline/persistence';
import { AuthError, InvalidRequestError, RateLimitedError } from '@sightline/trackers';
import { TrackerClients } from '../core/tracker-clients.service';
import { TrackerRateLimiter } from '../core/tracker-rate-limiter';
import { ConnectionSetupError } from '@sightline/trackers';

/** Spreads jobs released from one rate-limit block over a moment instead of one burst. */
const RELEASE_JITTER_MS = 250;

export interface TrackerJobContext {
  connectionId: string;
  runId: string;
  job: Job;
  token?: string;
}

/**
 * How a job that talks to a tracker reacts to it. A rate limit delays the job until the tracker's
 * reset (not an attempt, not a failure) and blocks the connection for every worker; refused
 * credentials mark the connection unhealthy and stop retrying; a request the tracker rejects
 * fails this ticket only. Anything else (5xx, network) propagates to BullMQ's backoff.
 */
@Injectable()
export class TrackerJobGuard {
  private readonly logger = new Logger(TrackerJobGuard.name);

  constructor(
    private readonly limiter: TrackerRateLimiter,
    private readonly clients: TrackerClients,
    private readonly runs: EnrichmentRunRepository,
  ) {}

  /** Delays the job while another worker's 429 still blocks the connection. */
  async waitForTurn(context: TrackerJobContext): Promise<void> {
    const until = await this.limiter.blockedUntil(context.connectionId);
    if (until !== null) await this.delay(context, until);
  }

  /** Maps a failure onto the job; always throws. */
  async handle(error: unknown, context: TrackerJobContext): Promise<never> {
    if (error instanceof RateLimitedError) {
      const until = await this.limiter.block(context.connectionId, error.retryAfterMs);
      this.logger.warn(
        { connectionId: context.connectionId, jobId: context.job.id, retryAfterMs: error.retryAfterMs },
        'tracker rate limit: job delayed',
      );
      return this.delay(context, until);
    }
    if (error instanceof AuthError || error instanceof ConnectionSetupError) {
      const reason =
        error instanceof AuthError
          ? `the tracker refused the credentials (HTTP ${error.status ?? '?'}): ${error.message}`
          : error.message;
      await this.clients.markUnhealthy(context.connectionId, reason);
      await this.runs.finish(context.runId, 'blocked', `connection unhealthy: ${reason}`);
      throw new UnrecoverableError(reason);
    }
    if (error instanceof InvalidRequestError) {
      await this.runs.finish(context.runId, 'failed', `the tracker rejected a request: ${error.message}`);
      throw new UnrecoverableError(error.message);
    }
    throw error;
  }

  private async delay(context: TrackerJobContext, until: number): Promise<never> {
    const at = until + Math.floor(Math.random() * RELEASE_JITTER_MS);
    await context.job.moveToDelayed(at, context.token);
    throw new DelayedError(`delayed until ${new Date(at).toISOString()}: tracker rate limit`);
  }
}
