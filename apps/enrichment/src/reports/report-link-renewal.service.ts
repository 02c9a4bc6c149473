import { Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  EnrichmentRunRepository,
  TrackerConnectionRepository,
  WritebackStateRepository,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { QueueProducer } from '@sightline/queues';
import { runJobOptions } from '../worker/background-runs';
import { ReportLinks } from './report-links';

/** Runs created and queued per round trip: a large connection is queued in a few statements. */
const CHUNK = 500;

export interface ReportLinkRenewal {
  connectionId: string;
  /** Tickets Sightline wrote to, each queued for enrichment so its note carries the new link. */
  ticketsQueued: number;
}

/**
 * Renews a connection's report links, for when a link leaked: a new key makes every link written
 * so far answer 404 at once, and every ticket Sightline wrote to is enriched again (trigger
 * `relink`), which rewrites its note and machine data with the new link (a changed link always
 * makes a new note) and removes the old Linear attachment.
 */
@Injectable()
export class ReportLinkRenewals {
  private readonly logger = new Logger(ReportLinkRenewals.name);

  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly links: ReportLinks,
    private readonly states: WritebackStateRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly producer: QueueProducer,
    private readonly audit: AuditService,
  ) {}

  async renew(principal: Principal, connectionId: string, requestId?: string): Promise<ReportLinkRenewal> {
    const connection = await this.connections.findById(connectionId);
    if (!connection || !(await this.links.renew(connectionId))) {
      throw new NotFoundException(
        `no tracker connection ${connectionId}; GET /api/tracker-connections on the ingestion service lists them`,
      );
    }
    const keys = await this.states.writtenTicketKeys(connectionId);
    const renewal = { connectionId, ticketsQueued: keys.length };
    // Recorded before queueing: the old links are dead from here on, whatever happens next.
    await this.audit.record({
      principal,
      action: 'revoke',
      resourceType: 'report-links',
      resourceId: connectionId,
      after: renewal,
      requestId,
    });
    for (let start = 0; start < keys.length; start += CHUNK) {
      await this.queue(connection, keys.slice(start, start + CHUNK), keys.length - start);
    }
    this.logger.log(renewal, 'report links renewed; notes queued for rewriting');
    return renewal;
  }

  private async queue(connection: TrackerConnectionRecord, keys: string[], left: number): Promise<void> {
    const runs = keys.map((ticketKey) => ({
      id: randomUUID(),
      connectionId: connection.id,
      tracker: connection.kind,
      ticketKey,
      trigger: 'relink' as const,
    }));
    await this.runs.createQueued(runs);
    try {
      await this.producer.enqueueMany(
        'ticket-enrichment',
        'enrich-ticket',
        runs.map((run) => ({
          data: { connectionId: connection.id, ticketKey: run.ticketKey, runId: run.id },
          jobId: `enrich-${run.id}`,
        })),
        runJobOptions('relink'),
      );
    } catch (error) {
      for (const run of runs) await this.runs.finish(run.id, 'failed', 'could not be queued');
      this.logger.error({ connectionId: connection.id, err: error }, 'relink runs could not be queued');
      throw new ServiceUnavailableException(
        `the report links were renewed, but ${left} notes could not be queued for rewriting; renew again to rewrite them all`,
      );
    }
  }
}
