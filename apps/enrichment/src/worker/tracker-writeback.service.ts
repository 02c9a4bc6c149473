import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import { QueueProducer } from '@sightline/queues';
import {
  EnrichmentRunRepository,
  ProjectMappingRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  WritebackStateRepository,
  type TicketReportRecord,
  type TrackerConnectionRecord,
  type WritebackStateRecord,
  type WrittenParts,
} from '@sightline/persistence';
import {
  JIRA_RISK_LABEL,
  LINEAR_RISK_LABEL,
  NOTE_MARKER,
  NotFoundError,
  riskNoteReportSchema,
  type AdfDocument,
  type NoteContent,
  type TrackerClient,
} from '@sightline/trackers';
import { feedbackLabelOf } from '../assessment/feedback-label';
import { planWrite, type WritebackMode } from '../assessment/write-plan';
import { TicketWriteLease } from '../core/ticket-write-lease';
import { TrackerClients } from '../core/tracker-clients.service';
import { derivedRunId } from '../grooming/sweep-decision';
import { ReportLinks } from '../reports/report-links';
import { runJobOptions } from './background-runs';
import { TrackerJobGuard, type TrackerJobContext } from './tracker-job-guard';

export interface WritePayload {
  connectionId: string;
  ticketKey: string;
  runId: string;
  forced?: boolean;
}

/** Another worker is writing this ticket: come back in about this long. */
const LOCKED_RETRY_MS = 500;

function noteContentOf(report: TicketReportRecord): NoteContent {
  return {
    adf: report.noteAdf as unknown as AdfDocument,
    markdown: report.noteMarkdown,
    contentHash: report.contentHash,
    marker: NOTE_MARKER,
  };
}

/**
 * Makes the ticket show its current report, idempotently: our one comment (updated in place,
 * found again by its stored id or, after a crash, by the note marker), the risk label added or
 * removed on its own, and the machine-readable data. Every part is recorded as soon as the
 * tracker confirmed it; one write-back per ticket runs at a time across all workers.
 */
@Injectable()
export class TrackerWritebackService {
  private readonly logger = new Logger(TrackerWritebackService.name);

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly runs: EnrichmentRunRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly reports: TicketReportRepository,
    private readonly states: WritebackStateRepository,
    private readonly lease: TicketWriteLease,
    private readonly clients: TrackerClients,
    private readonly guard: TrackerJobGuard,
    private readonly links: ReportLinks,
    private readonly producer: QueueProducer,
  ) {}

  async write(payload: WritePayload, job: Job, token?: string): Promise<{ outcome: string }> {
    const { connectionId, ticketKey, runId } = payload;
    const context: TrackerJobContext = { connectionId, runId, job, token };
    // Read for every ticket and rarely changed: a copy at most RECENT_ROW_TTL_MS old will do.
    const connection = await this.connections.findByIdRecent(connectionId);
    if (!connection) return this.finish(runId, 'skipped', 'the tracker connection was deleted');
    if (connection.health === 'unhealthy') {
      return this.finish(
        runId,
        'blocked',
        `connection unhealthy: ${connection.healthReason ?? 'credentials refused'}`,
      );
    }
    const forced = payload.forced ?? (await this.runs.find(runId))?.trigger === 'force';

    const locked = await this.lease.tryWith(connectionId, ticketKey, async () => {
      // Under the lease: the current report and what the ticket shows, as one read.
      const { report, state } = await this.reports.findWithWritebackState(connectionId, ticketKey);
      if (!report) return this.finish(runId, 'skipped', 'the ticket has no stored report');
      const mapping = report.mappingId ? await this.mappings.findByIdRecent(report.mappingId) : null;
      if (!mapping) return this.finish(runId, 'skipped', 'the project mapping was deleted');
      return this.writeLocked(connection, report, state, mapping.writebackMode, forced, context);
    });
    if (locked.acquired) return locked.value;
    await job.moveToDelayed(
      Date.now() + LOCKED_RETRY_MS + Math.floor(Math.random() * LOCKED_RETRY_MS),
      token,
    );
    throw new DelayedError('another worker is writing this ticket');
  }

  private async writeLocked(
    connection: TrackerConnectionRecord,
    report: TicketReportRecord,
    state: WritebackStateRecord | null,
    mode: WritebackMode,
    forced: boolean,
    context: TrackerJobContext,
  ): Promise<{ outcome: string }> {
    const { connectionId, runId } = context;
    const key = report.ticketKey;
    const plan = planWrite({
      tracker: connection.kind,
      noteReport: riskNoteReportSchema.parse(report.noteReport),
      contentHash: report.contentHash,
      state,
      mode,
      lowConfidenceMode: this.config.ENRICHMENT_LOW_CONFIDENCE,
      forced,
    });
    if (plan.nothingBecause !== null) {
      return this.finish(
        runId,
        plan.nothingBecause,
        `nothing to write (${plan.nothingBecause}): the ticket already shows this report`,
      );
    }
    // Links renewed while this report was being made: writing it would put a dead link in the
    // ticket, so the ticket is enriched again and that run writes the current one.
    const current = await this.links.urlFor({ tracker: connection.kind, connectionId, ticketKey: key });
    if (plan.machine.reportUrl !== current) {
      await this.relink(connection, key, runId);
      return this.finish(
        runId,
        'superseded',
        'the report links were renewed after this report was made; a relink run writes the current link',
      );
    }
    const done: string[] = [];
    const parts: WrittenParts = {};
    try {
      const client = await this.clients.clientFor(connection);
      await this.clients.identify(connection, client);
      await this.guard.waitForTurn(context);
      if (plan.note) {
        const written = await client.upsertNote(key, noteContentOf(report), state?.noteId ?? null);
        await this.states.recordNote(connectionId, key, written.noteId, report.contentHash);
        done.push(`comment ${written.action}`);
        await this.offerFeedbackLabel(client, key);
      }
      if (plan.label !== null) {
        // What we last wrote is what the ticket has, unless a person changed it; a forced
        // rewrite reads the ticket instead.
        const current = forced ? undefined : state?.labelPresent ? [this.riskLabelOf(connection)] : [];
        const { changed } = await client.setRiskLabel(key, plan.label, current);
        parts.labelPresent = plan.label;
        done.push(
          changed ? (plan.label ? 'risk label added' : 'risk label removed') : 'risk label already as wanted',
        );
      }
      if (plan.writeMachine) {
        await client.writeMachineData(key, plan.machine, { replacesLink: plan.replacesLink });
        parts.machine = { hash: plan.machineHash, url: plan.machine.reportUrl };
        done.push(connection.kind === 'jira' ? 'issue property written' : 'attachment written');
      }
    } catch (error) {
      if (error instanceof NotFoundError)
        return this.finish(runId, 'skipped', `the ticket is gone: ${error.message}`);
      return this.guard.handle(error, context);
    }
    const outcome = done.join(', ');
    // The parts and the run's end in one statement: a crash before it repeats both, idempotently.
    await this.states.recordPartsAndFinishRun(connectionId, key, parts, {
      id: runId,
      outcome,
      report: { riskLevel: report.riskLevel, contentHash: report.contentHash },
    });
    this.logger.log({ runId, ticketKey: key, outcome }, 'ticket written');
    return { outcome };
  }

  /**
   * Where a note is, people may answer it with the feedback label, so it has to exist (Linear
   * labels live in the team; once per team and process). Never worth failing the note for: the
   * next note in the team tries again.
   */
  private async offerFeedbackLabel(client: TrackerClient, key: string): Promise<void> {
    try {
      await client.ensureLabel(key, feedbackLabelOf(client.kind));
    } catch (error) {
      this.logger.warn({ ticketKey: key, err: error }, 'could not provide the feedback label');
    }
  }

  /** One relink run per stale write (its id derives from the run), so a retry queues nothing twice. */
  private async relink(connection: TrackerConnectionRecord, ticketKey: string, staleRunId: string) {
    const id = derivedRunId(`relink-after:${staleRunId}`, ticketKey);
    await this.runs.createQueued([
      { id, connectionId: connection.id, tracker: connection.kind, ticketKey, trigger: 'relink' },
    ]);
    await this.producer.enqueue(
      'ticket-enrichment',
      'enrich-ticket',
      { connectionId: connection.id, ticketKey, runId: id },
      { jobId: `enrich-${id}`, ...runJobOptions('relink') },
    );
  }

  private riskLabelOf(connection: TrackerConnectionRecord): string {
    return connection.kind === 'jira' ? JIRA_RISK_LABEL : LINEAR_RISK_LABEL;
  }

  /** Ends the run without a write (a written run ends with its parts, in writeLocked). */
  private async finish(
    runId: string,
    status: 'skipped' | 'blocked' | 'unchanged' | 'dry-run' | 'silent' | 'superseded',
    outcome: string,
  ): Promise<{ outcome: string }> {
    await this.runs.finish(runId, status, outcome);
    return { outcome };
  }
}
