import { Injectable, Logger } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { RateLimitedError, type TrackerClient } from '@sightline/trackers';
import { PastTicketLifecycles, type LifecycleSource } from '../assessment/past-ticket-lifecycles';
import { TrackerJobGuard, type TrackerJobContext } from './tracker-job-guard';

/**
 * Past tickets' durations for an enrichment job: through the cache, asking the tracker only for
 * what the cache lacks. The extra request obeys the connection's rate limit like every other (a
 * 429 delays the job and blocks the connection); any other failure is logged and the note goes
 * with what the cache already knew — evidence never fails an enrichment.
 */
@Injectable()
export class TrackerLifecycleSource {
  private readonly logger = new Logger(TrackerLifecycleSource.name);

  constructor(
    private readonly lifecycles: PastTicketLifecycles,
    private readonly guard: TrackerJobGuard,
  ) {}

  for(client: TrackerClient, context: TrackerJobContext): LifecycleSource {
    return async (keys) => {
      try {
        return await this.lifecycles.read(context.connectionId, keys, async (stale) => {
          await this.guard.waitForTurn(context);
          return client.getLifecycles(stale);
        });
      } catch (error) {
        if (error instanceof DelayedError) throw error;
        if (error instanceof RateLimitedError) return this.guard.handle(error, context);
        this.logger.warn(
          { connectionId: context.connectionId, runId: context.runId, error: String(error) },
          'past tickets could not be read from the tracker; the note goes without fresh duration evidence',
        );
        return this.lifecycles.cached(context.connectionId, keys);
      }
    };
  }
}
