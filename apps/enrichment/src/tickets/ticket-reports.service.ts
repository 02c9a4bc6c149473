import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  EnrichmentRunRepository,
  ProjectMappingRepository,
  TicketReportRepository,
  WritebackStateRepository,
  type TicketReportRecord,
} from '@sightline/persistence';
import type { TrackerKind } from '@sightline/trackers';
import { toRunView, type EnrichmentRunView, type ListEnrichmentsQuery } from './ticket.dto';

/** The report API's answer: the stored report, its rendered note, and what the tracker shows. */
export interface TicketReportView {
  connectionId: string;
  tracker: TrackerKind;
  ticketKey: string;
  ticketId: string;
  projectKey: string;
  mappingId: string | null;
  ticket: Record<string, unknown>;
  riskLevel: string;
  confidence: number;
  lowConfidence: boolean;
  contentHash: string;
  report: Record<string, unknown>;
  note: { markdown: string; adf: Record<string, unknown> };
  snapshots: Record<string, unknown>[];
  matches: Record<string, unknown>[];
  risk: Record<string, unknown>;
  writeback: {
    mode: string | null;
    noteId: string | null;
    /** The tracker shows this report's note (same content hash). */
    noteCurrent: boolean;
    labelPresent: boolean | null;
    lastWrittenAt: string | null;
  };
  lastRun: EnrichmentRunView | null;
  updatedAt: string;
}

/** Reads for the ticket API: reports and the enrichment history. */
@Injectable()
export class TicketReportsService {
  constructor(
    private readonly reports: TicketReportRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly states: WritebackStateRepository,
    private readonly mappings: ProjectMappingRepository,
  ) {}

  async report(tracker: TrackerKind, key: string, connectionId?: string): Promise<TicketReportView> {
    const found = connectionId
      ? [await this.reports.find(connectionId, key)].filter(
          (r): r is TicketReportRecord => r !== null && r.tracker === tracker,
        )
      : await this.reports.findByKey(tracker, key);
    if (found.length > 1) {
      throw new ConflictException(
        `${key} has reports on ${found.length} ${tracker} connections (${found.map((r) => r.connectionId).join(', ')}); pass connectionId`,
      );
    }
    if (found.length === 0) throw new NotFoundException(await this.whyNoReport(tracker, key, connectionId));
    return this.view(found[0]);
  }

  async listRuns(query: ListEnrichmentsQuery) {
    const page = await this.runs.list(query);
    return { items: page.items.map(toRunView), total: page.total, limit: query.limit, offset: query.offset };
  }

  async run(id: string): Promise<EnrichmentRunView> {
    const run = await this.runs.find(id);
    if (!run) throw new NotFoundException(`no enrichment run ${id}`);
    return toRunView(run);
  }

  /** A 404 that says what did happen to the ticket, when anything did. */
  private async whyNoReport(tracker: TrackerKind, key: string, connectionId?: string): Promise<string> {
    const last = (await this.runs.list({ tracker, ticketKey: key, connectionId, limit: 1, offset: 0 }))
      .items[0];
    if (!last) return `no report for ${tracker} ticket ${key}: it has not been enriched`;
    return `no report for ${tracker} ticket ${key}: its last enrichment (${last.id}) is ${last.status}${last.outcome ? `: ${last.outcome}` : ''}`;
  }

  private async view(report: TicketReportRecord): Promise<TicketReportView> {
    const [state, mapping, lastRuns] = await Promise.all([
      this.states.get(report.connectionId, report.ticketKey),
      report.mappingId ? this.mappings.findById(report.mappingId) : Promise.resolve(null),
      this.runs.list({ connectionId: report.connectionId, ticketKey: report.ticketKey, limit: 1, offset: 0 }),
    ]);
    return {
      connectionId: report.connectionId,
      tracker: report.tracker,
      ticketKey: report.ticketKey,
      ticketId: report.ticketId,
      projectKey: report.projectKey,
      mappingId: report.mappingId,
      ticket: report.ticket,
      riskLevel: report.riskLevel,
      confidence: report.confidence,
      lowConfidence: report.lowConfidence,
      contentHash: report.contentHash,
      report: report.noteReport,
      note: { markdown: report.noteMarkdown, adf: report.noteAdf },
      snapshots: report.snapshots,
      matches: report.matches,
      risk: report.risk,
      writeback: {
        mode: mapping?.writebackMode ?? null,
        noteId: state?.noteId ?? null,
        noteCurrent: state?.noteHash === report.contentHash,
        labelPresent: state?.labelPresent ?? null,
        lastWrittenAt: state?.lastWrittenAt ? new Date(state.lastWrittenAt).toISOString() : null,
      },
      lastRun: lastRuns.items[0] ? toRunView(lastRuns.items[0]) : null,
      updatedAt: new Date(report.updatedAt).toISOString(),
    };
  }
}
