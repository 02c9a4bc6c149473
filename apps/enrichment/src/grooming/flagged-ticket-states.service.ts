import { Injectable, Logger } from '@nestjs/common';
import { TicketReportRepository, TrackerConnectionRepository } from '@sightline/persistence';
import { AuthError, ConnectionSetupError, RateLimitedError } from '@sightline/trackers';
import { TrackerClients } from '../core/tracker-clients.service';
import { TrackerRateLimiter } from '../core/tracker-rate-limiter';

/** Which of a digest's tickets are closed now, and whether the tracker said so just now. */
export interface ClosedTickets {
  /** Done in the tracker, or no longer known to it (deleted, moved away, not visible to the bot). */
  keys: ReadonlySet<string>;
  /** `tracker`: read just now; `stored`: the tracker could not be asked, so states are as last read. */
  statesFrom: 'tracker' | 'stored';
}

/**
 * A ticket is closed without any change to its text, so no webhook re-enriches it, and its stored
 * report still reads "to do". Before a digest lists flagged tickets, their current states are read
 * in bulk (Jira 100 issues a request, Linear 100 a team); the done ones are recorded, so re-checks
 * and renewals leave them alone too. The tracker being unavailable never fails the digest.
 */
@Injectable()
export class FlaggedTicketStates {
  private readonly logger = new Logger(FlaggedTicketStates.name);

  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly clients: TrackerClients,
    private readonly limiter: TrackerRateLimiter,
    private readonly reports: TicketReportRepository,
  ) {}

  async closedAmong(connectionId: string, ticketKeys: readonly string[]): Promise<ClosedTickets> {
    const stored: ClosedTickets = { keys: new Set(), statesFrom: 'stored' };
    if (ticketKeys.length === 0) return { ...stored, statesFrom: 'tracker' };
    const connection = await this.connections.findById(connectionId);
    if (!connection || connection.health === 'unhealthy') return stored;
    if ((await this.limiter.blockedUntil(connectionId)) !== null) return stored;
    try {
      const client = await this.clients.clientFor(connection);
      const read = await client.getLifecycles(ticketKeys);
      const unavailable = new Set(read.unavailable);
      const done = ticketKeys.filter((key) => read.lifecycles.get(key)?.phase === 'done');
      const gone = ticketKeys.filter((key) => !read.lifecycles.has(key) && !unavailable.has(key));
      // As of the tracker's completion time: a reopen whose webhook was recorded while this read
      // was under way stands. Canceled tickets have no completion time and are recorded as read.
      const completedAt = new Map(
        done.flatMap((key) => {
          const at = read.lifecycles.get(key)?.completedAt;
          return at ? [[key, at] as const] : [];
        }),
      );
      await this.reports.markDone(connectionId, done, completedAt);
      return { keys: new Set([...done, ...gone]), statesFrom: 'tracker' };
    } catch (error) {
      if (error instanceof RateLimitedError) await this.limiter.block(connectionId, error.retryAfterMs);
      if (error instanceof AuthError || error instanceof ConnectionSetupError)
        await this.clients.markUnhealthy(connectionId, error.message);
      this.logger.warn(
        { connectionId, error: String(error) },
        'ticket states could not be read; the digest lists them as last read',
      );
      return stored;
    }
  }
}
