import { Injectable, Logger } from '@nestjs/common';
import {
  EnrichmentRunRepository,
  ProjectMappingRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  type TicketReportRecord,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { reviseReport } from '../assessment/note-revision';
import { reportRecordOf, ticketOfReport } from '../assessment/report-record';
import { TicketAssessor } from '../assessment/ticket-assessor.service';
import { runJobOptions } from '../worker/background-runs';
import { derivedRunId } from './sweep-decision';

export interface RecheckOutcome {
  /** Tickets whose figures moved beyond the thresholds: enriched again, notes and labels follow. */
  enqueued: number;
  /** Tickets re-assessed in place whose notes stand; their reports now refer to the new snapshot. */
  unchanged: number;
}

/**
 * A new snapshot of a repository was committed. Every ticket whose report was matched against an
 * older snapshot of it is re-assessed here from the text its report stored, without asking the
 * tracker. Only a ticket whose level, noted areas or the figures behind its reasons moved beyond
 * the material thresholds (see note-revision.ts) is enriched again through the ordinary flow,
 * which reads the ticket afresh, rewrites the note with what changed and moves the label either
 * way. Run ids derive from snapshot and ticket, so a retried recheck queues nothing twice.
 */
@Injectable()
export class SnapshotRecheckService {
  private readonly logger = new Logger(SnapshotRecheckService.name);

  constructor(
    private readonly reports: TicketReportRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly producer: QueueProducer,
    private readonly assessor: TicketAssessor,
  ) {}

  async recheck(repositoryId: string, snapshotId: string): Promise<RecheckOutcome> {
    const dependents = await this.reports.dependingOn(repositoryId, snapshotId);
    const connections = new Map<string, TrackerConnectionRecord | null>();
    const outcome: RecheckOutcome = { enqueued: 0, unchanged: 0 };
    for (const { connectionId, ticketKey } of dependents) {
      if (!connections.has(connectionId)) {
        connections.set(connectionId, await this.connections.findById(connectionId));
      }
      const connection = connections.get(connectionId);
      if (!connection) continue;
      const report = await this.reports.find(connectionId, ticketKey);
      if (report && (await this.standsUnchanged(report))) {
        outcome.unchanged += 1;
        continue;
      }
      await this.enqueue(connection, snapshotId, ticketKey);
      outcome.enqueued += 1;
    }
    this.logger.log({ repositoryId, snapshotId, ...outcome }, 'tickets re-checked against a new snapshot');
    return outcome;
  }

  /** Re-assesses the stored ticket; when its note stands, records the new snapshots and says so. */
  private async standsUnchanged(report: TicketReportRecord): Promise<boolean> {
    const mapping = report.mappingId ? await this.mappings.findById(report.mappingId) : null;
    if (!mapping) return false;
    const ticket = ticketOfReport(report);
    const assessed = await this.assessor.assess(ticket, mapping);
    if (assessed.kind === 'skipped') return false;
    // The text is the stored one by construction; its hash must not differ just because a
    // description beyond what the matcher reads was not stored.
    const next = { ...reportRecordOf(ticket, mapping, assessed), inputHash: report.inputHash };
    const revised = reviseReport(report, next, { forced: false });
    if (!revised.kept) return false;
    return (await this.reports.upsertIfNewer(revised.report)) !== null;
  }

  private async enqueue(connection: TrackerConnectionRecord, snapshotId: string, ticketKey: string) {
    const runId = derivedRunId(`recheck:${snapshotId}:${connection.id}`, ticketKey);
    if (!(await this.runs.find(runId))) {
      await this.runs.create({
        id: runId,
        connectionId: connection.id,
        tracker: connection.kind,
        ticketKey,
        trigger: 'recheck',
      });
    }
    await this.producer.enqueue(
      'ticket-enrichment',
      'enrich-ticket',
      { connectionId: connection.id, ticketKey, runId },
      { jobId: `enrich-${runId}`, ...runJobOptions('recheck') },
    );
  }
}
