import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import {
  EnrichmentRunRepository,
  ProjectMappingRepository,
  SnapshotRepository,
  SweepRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  type ProjectMappingRecord,
  type SweepRecord,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import {
  AuthError,
  InvalidRequestError,
  RateLimitedError,
  type Ticket,
  type TrackerClient,
} from '@sightline/trackers';
import { TrackerClients } from '../core/tracker-clients.service';
import { TrackerRateLimiter } from '../core/tracker-rate-limiter';
import { runJobOptions } from '../worker/background-runs';
import { ConnectionSetupError } from '@sightline/trackers';
import { groomingSettingsOf } from './grooming-settings';
import { sweepRunId, sweptTicket, sweepVerdict } from './sweep-decision';

/** Spreads sweeps released from one rate-limit block over a moment, like the ticket jobs. */
const RELEASE_JITTER_MS = 250;

export interface SweepOutcome {
  status: 'done' | 'failed' | 'already-finished';
  outcome: string;
}

/**
 * One sweep of a mapping's backlog. It reads page after page from the cursor stored with the
 * sweep, enqueues enrichment for each stale ticket (with an id derived from sweep and ticket,
 * recorded in `sweep_tickets` before it is queued), then stores the next cursor. A
 * sweep that crashes or meets a rate limit restarts from the last stored cursor and skips what it
 * had already enqueued, so no ticket is enriched twice in one sweep.
 */
@Injectable()
export class BacklogSweepService {
  private readonly logger = new Logger(BacklogSweepService.name);

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly sweeps: SweepRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly reports: TicketReportRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly producer: QueueProducer,
    private readonly clients: TrackerClients,
    private readonly limiter: TrackerRateLimiter,
  ) {}

  async sweep(sweepId: string, job: Job, token?: string): Promise<SweepOutcome> {
    const sweep = await this.sweeps.markRunning(sweepId);
    if (!sweep) return { status: 'already-finished', outcome: 'the sweep was already finished or deleted' };
    const fail = async (outcome: string): Promise<SweepOutcome> => {
      await this.sweeps.finish(sweepId, 'failed', outcome);
      return { status: 'failed', outcome };
    };
    const mapping = await this.mappings.findById(sweep.mappingId);
    if (!mapping) return fail('the project mapping was deleted');
    const connection = await this.connections.findById(sweep.connectionId);
    if (!connection) return fail('the tracker connection was deleted');
    if (connection.health === 'unhealthy') {
      return fail(`connection unhealthy: ${connection.healthReason ?? 'credentials refused'}`);
    }
    const latest = await this.latestSnapshotIds(mapping);
    if (latest === null) return fail('a mapped repository has no snapshot yet; analyse it first');

    let cursor = sweep.cursor;
    let client: TrackerClient;
    try {
      client = await this.clients.clientFor(connection);
      await this.clients.identify(connection, client);
      for (;;) {
        const until = await this.limiter.blockedUntil(connection.id);
        if (until !== null) return await this.delay(job, token, until);
        const page = await client.searchBacklog(
          {
            projectKey: mapping.projectKey,
            pageSize: this.config.GROOMING_PAGE_SIZE,
            jql: groomingSettingsOf(mapping.grooming).jql,
          },
          cursor,
        );
        const counts = await this.enqueueStale(sweep, connection, page.tickets, latest, {
          dryRun: mapping.writebackMode === 'dry-run',
        });
        await this.sweeps.recordPage(sweepId, { nextCursor: page.nextCursor, ...counts });
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
    } catch (error) {
      return this.handle(error, sweep, connection, job, token);
    }
    const done = (await this.sweeps.find(sweepId)) as SweepRecord;
    const outcome = `${done.seen} tickets in ${done.pages} pages: ${done.enqueued} enqueued, ${done.upToDate} up to date`;
    await this.sweeps.finish(sweepId, 'done', outcome);
    this.logger.log({ sweepId, mappingId: mapping.id, ...counts(done) }, 'backlog sweep finished');
    return { status: 'done', outcome };
  }

  /** The latest snapshot of each mapped repository; null when one has none yet. */
  private async latestSnapshotIds(mapping: ProjectMappingRecord): Promise<Set<string> | null> {
    const ids = new Set<string>();
    for (const repositoryId of mapping.repositoryIds) {
      const header = await this.snapshots.latest(repositoryId);
      if (!header) return null;
      ids.add(header.id);
    }
    return ids;
  }

  /**
   * One page: the stale tickets' runs and marks are written in one statement each, then every
   * ticket to queue goes to Redis in one round trip. Marks still come before queuing, so a crash
   * in between is repaired by the re-read page (marked tickets are queued again, same job ids).
   */
  private async enqueueStale(
    sweep: SweepRecord,
    connection: TrackerConnectionRecord,
    tickets: readonly Ticket[],
    latest: ReadonlySet<string>,
    options: { dryRun: boolean },
  ): Promise<{ seen: number; enqueued: number; upToDate: number }> {
    const keys = tickets.map((ticket) => ticket.key);
    const already = await this.sweeps.enqueuedAmong(sweep.id, keys);
    const freshness = await this.reports.freshnessOf(connection.id, keys);
    const toQueue: { ticketKey: string; runId: string }[] = [];
    const toMark: { ticketKey: string; runId: string }[] = [];
    for (const ticket of tickets) {
      const entry = { ticketKey: ticket.key, runId: sweepRunId(sweep.id, ticket.key) };
      // Marked before a crash on this page: queued again (a run already past enrichment does
      // nothing), since the crash may have come between the mark and the queue.
      if (already.has(ticket.key)) toQueue.push(entry);
      else if (
        sweepVerdict(freshness.get(ticket.key), sweptTicket(ticket), latest, options) !== 'up-to-date'
      ) {
        toMark.push(entry);
        toQueue.push(entry);
      }
    }
    await this.runs.createQueued(
      toMark.map(({ ticketKey, runId }) => ({
        id: runId,
        connectionId: connection.id,
        tracker: connection.kind,
        ticketKey,
        trigger: 'sweep' as const,
      })),
    );
    // Marked before it is queued: a ticket queued is always one this sweep knows it queued.
    await this.sweeps.markManyEnqueued(sweep.id, toMark);
    await this.producer.enqueueMany(
      'ticket-enrichment',
      'enrich-ticket',
      toQueue.map(({ ticketKey, runId }) => ({
        data: { connectionId: connection.id, ticketKey, runId },
        jobId: `enrich-${runId}`,
      })),
      runJobOptions('sweep'),
    );
    return { seen: tickets.length, enqueued: toQueue.length, upToDate: tickets.length - toQueue.length };
  }

  /** A rate limit delays the sweep (it resumes from its cursor); refused credentials end it. */
  private async handle(
    error: unknown,
    sweep: SweepRecord,
    connection: TrackerConnectionRecord,
    job: Job,
    token?: string,
  ): Promise<never> {
    if (error instanceof RateLimitedError) {
      const until = await this.limiter.block(connection.id, error.retryAfterMs);
      this.logger.warn(
        { sweepId: sweep.id, connectionId: connection.id, retryAfterMs: error.retryAfterMs },
        'tracker rate limit: sweep delayed',
      );
      return this.delay(job, token, until);
    }
    if (error instanceof AuthError || error instanceof ConnectionSetupError) {
      await this.clients.markUnhealthy(connection.id, error.message);
      await this.sweeps.finish(sweep.id, 'failed', `connection unhealthy: ${error.message}`);
      throw new UnrecoverableError(error.message);
    }
    if (error instanceof InvalidRequestError) {
      await this.sweeps.finish(
        sweep.id,
        'failed',
        `the tracker rejected the backlog search: ${error.message}`,
      );
      throw new UnrecoverableError(error.message);
    }
    throw error;
  }

  private async delay(job: Job, token: string | undefined, until: number): Promise<never> {
    const at = until + Math.floor(Math.random() * RELEASE_JITTER_MS);
    await job.moveToDelayed(at, token);
    throw new DelayedError(`delayed until ${new Date(at).toISOString()}: tracker rate limit`);
  }
}

function counts(sweep: SweepRecord) {
  return { pages: sweep.pages, seen: sweep.seen, enqueued: sweep.enqueued, upToDate: sweep.upToDate };
}
