import { Injectable, Logger } from '@nestjs/common';
import {
  EnrichmentRunRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { derivedRunId } from './sweep-decision';

/**
 * A new snapshot of a repository was committed: every ticket whose report was matched against an
 * older snapshot of it is enriched again. The ordinary flow re-matches and re-assesses; the
 * write-back writes nothing when the note is unchanged, and adds or removes the risk label when
 * the level crossed the threshold either way. Run ids derive from snapshot and ticket, so a
 * retried recheck queues nothing twice.
 */
@Injectable()
export class SnapshotRecheckService {
  private readonly logger = new Logger(SnapshotRecheckService.name);

  constructor(
    private readonly reports: TicketReportRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly producer: QueueProducer,
  ) {}

  async recheck(repositoryId: string, snapshotId: string): Promise<{ enqueued: number }> {
    const dependents = await this.reports.dependingOn(repositoryId, snapshotId);
    const connections = new Map<string, TrackerConnectionRecord | null>();
    let enqueued = 0;
    for (const { connectionId, ticketKey } of dependents) {
      if (!connections.has(connectionId)) {
        connections.set(connectionId, await this.connections.findById(connectionId));
      }
      const connection = connections.get(connectionId);
      if (!connection) continue;
      const runId = derivedRunId(`recheck:${snapshotId}:${connectionId}`, ticketKey);
      if (!(await this.runs.find(runId))) {
        await this.runs.create({
          id: runId,
          connectionId,
          tracker: connection.kind,
          ticketKey,
          trigger: 'recheck',
        });
      }
      await this.producer.enqueue(
        'ticket-enrichment',
        'enrich-ticket',
        { connectionId, ticketKey, runId },
        { jobId: `enrich-${runId}` },
      );
      enqueued += 1;
    }
    this.logger.log({ repositoryId, snapshotId, enqueued }, 'tickets queued for a re-check');
    return { enqueued };
  }
}
