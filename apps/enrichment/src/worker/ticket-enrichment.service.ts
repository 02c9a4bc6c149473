import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import {
  EnrichmentRunRepository,
  ProjectMappingRepository,
  TicketReportRepository,
  TrackerConnectionRepository,
  type FinalEnrichmentStatus,
} from '@sightline/persistence';
import { QueueProducer, type JobPayload } from '@sightline/queues';
import { NotFoundError, riskNoteReportSchema, type Ticket, type TrackerClient } from '@sightline/trackers';
import { reviseReport } from '../assessment/note-revision';
import { reportRecordOf } from '../assessment/report-record';
import { TicketAssessor } from '../assessment/ticket-assessor.service';
import { planWrite } from '../assessment/write-plan';
import { TrackerClients } from '../core/tracker-clients.service';
import { projectKeyOf } from '../core/ticket-keys';
import { LabelFeedbackService, type LabelFeedbackResult } from './label-feedback.service';
import { isBackgroundRun, runJobOptions } from './background-runs';
import { TrackerJobGuard, type TrackerJobContext } from './tracker-job-guard';
import { TrackerLifecycleSource } from './tracker-lifecycle-source';

export type EnrichPayload = JobPayload<'ticket-enrichment', 'enrich-ticket'>;

export interface EnrichOutcome {
  status: FinalEnrichmentStatus | 'writing' | 'already-done';
  outcome: string;
}

/**
 * One ticket event: find the mapping, read the ticket from the tracker (the webhook was only a
 * hint), match and assess it, store the report, and queue the write-back unless the ticket
 * already shows exactly this report.
 */
@Injectable()
export class TicketEnrichmentService {
  private readonly logger = new Logger(TicketEnrichmentService.name);

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly runs: EnrichmentRunRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly reports: TicketReportRepository,
    private readonly producer: QueueProducer,
    private readonly clients: TrackerClients,
    private readonly assessor: TicketAssessor,
    private readonly guard: TrackerJobGuard,
    private readonly pastTickets: TrackerLifecycleSource,
    private readonly labelFeedback: LabelFeedbackService,
  ) {}

  async enrich(payload: EnrichPayload, job: Job, token?: string): Promise<EnrichOutcome> {
    const { connectionId, ticketKey, runId } = payload;
    const context: TrackerJobContext = { connectionId, runId, job, token };
    const run = await this.runs.markRunning(runId);
    // Past enrichment already: a job redelivered after its work was done (or its run pruned).
    if (!run) return { status: 'already-done', outcome: 'the run was already past enrichment' };
    const finish = async (status: FinalEnrichmentStatus, outcome: string): Promise<EnrichOutcome> => {
      await this.runs.finish(runId, status, outcome);
      return { status, outcome };
    };

    const projectKey = projectKeyOf(ticketKey);
    // Read for every ticket and rarely changed: a copy at most RECENT_ROW_TTL_MS old will do.
    const [connection, mapped] = await Promise.all([
      this.connections.findByIdRecent(connectionId),
      this.mappings.findForProjectRecent(connectionId, projectKey),
    ]);
    if (!connection) return finish('skipped', 'the tracker connection was deleted');
    if (connection.health === 'unhealthy') {
      return finish(
        'blocked',
        `connection unhealthy: ${connection.healthReason ?? 'credentials refused'}; fix it, then enrich again`,
      );
    }
    let mapping = mapped;
    if (!mapping) return finish('skipped', `no project mapping for ${projectKey} on this connection`);

    let ticket: Ticket;
    let client: TrackerClient;
    try {
      client = await this.clients.clientFor(connection);
      await this.clients.identify(connection, client);
      await this.guard.waitForTurn(context);
      ticket = await client.getTicket(ticketKey);
    } catch (error) {
      if (error instanceof NotFoundError) {
        // Gone for background work too: re-checks and renewals stop asking for it.
        if (isBackgroundRun(run.trigger)) await this.reports.markDone(connectionId, [ticketKey]);
        return finish(
          'skipped',
          'the ticket was not found (deleted, moved, or not visible to the bot account)',
        );
      }
      return this.guard.handle(error, context);
    }
    // Moved to another project or team (asked by its old key, or by its new one after the move's
    // webhook): the report under the old key is left behind, this run reports the new one.
    await this.reports.markOtherKeysDone(connectionId, ticket.id, ticket.key);
    if (ticket.projectKey !== projectKey) {
      mapping = await this.mappings.findForProjectRecent(connectionId, ticket.projectKey);
      if (!mapping)
        return finish('skipped', `no project mapping for ${ticket.projectKey} on this connection`);
    }
    // Nobody plans a done ticket: background work leaves it, and its note, alone from now on. So
    // does a reopen that finds the ticket done again: its close came after the reopen (and its
    // webhook was lost or is still on its way).
    if (ticket.status.phase === 'done' && (isBackgroundRun(run.trigger) || payload.reopened)) {
      // As of this read: a reopen whose webhook came in meanwhile stands.
      await this.reports.recordPhase(connectionId, ticket.key, 'done', ticket.updatedAt);
      return finish(
        'skipped',
        payload.reopened
          ? 'the ticket is done again; the reopen that queued this run was followed by a close'
          : 'the ticket is done; re-checks, sweeps and link renewals leave done tickets alone',
      );
    }
    // The stored report, what the ticket shows and the feedback-label marker, in one read. The
    // state is only written by a write-back (under the ticket's lease), never by this job.
    const previous = await this.reports.findWithWritebackState(connectionId, ticket.key);
    // The feedback label, if a person applied it: recorded on the area the note leads with, then
    // taken off; the ranking below already leaves that area out.
    let labelFeedback: LabelFeedbackResult;
    try {
      labelFeedback = await this.labelFeedback.apply({
        client,
        ticket,
        mapping,
        run,
        context,
        applicationRecorded: previous.labelApplicationRecorded,
      });
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      if (error instanceof NotFoundError) return finish('skipped', 'the ticket was not found');
      return this.guard.handle(error, context);
    }
    ticket = labelFeedback.ticket;

    // Past tickets' durations are read through the same client, cache and rate-limit guard.
    const assessed = await this.assessor.assess(ticket, mapping, this.pastTickets.for(client, context));
    if (assessed.kind === 'skipped') return finish('skipped', assessed.reason);
    // A user's explicit request (force, feedback) always gets a fresh note; otherwise the stored
    // note stands unless something behind it moved beyond the material thresholds.
    const { report } = reviseReport(previous.report, reportRecordOf(ticket, mapping, assessed), {
      forced: run.trigger === 'force' || run.trigger === 'feedback' || labelFeedback.recorded,
    });
    const stored = await this.reports.upsertIfNewer(report);
    if (!stored) return finish('superseded', 'a newer edit of the ticket was already reported');
    const level = { riskLevel: stored.riskLevel, contentHash: stored.contentHash };

    const plan = planWrite({
      tracker: connection.kind,
      noteReport: riskNoteReportSchema.parse(stored.noteReport),
      contentHash: stored.contentHash,
      state: previous.state,
      mode: mapping.writebackMode,
      lowConfidenceMode: this.config.ENRICHMENT_LOW_CONFIDENCE,
      forced: run.trigger === 'force',
    });
    if (plan.nothingBecause !== null) {
      const outcomes = {
        'dry-run': 'report stored; the mapping is in dry-run mode, so nothing was written to the tracker',
        silent:
          'report stored; low-confidence match and ENRICHMENT_LOW_CONFIDENCE=silent, so no note was written',
        unchanged: 'report stored; the ticket already shows this note (same content hash), nothing written',
      } as const;
      await this.runs.finish(runId, plan.nothingBecause, outcomes[plan.nothingBecause], level);
      return { status: plan.nothingBecause, outcome: outcomes[plan.nothingBecause] };
    }
    // Deterministic id: an enrichment retried after this point queues no second write-back.
    await this.producer.enqueue(
      'tracker-writeback',
      'write-note',
      { connectionId, ticketKey: stored.ticketKey, runId, forced: run.trigger === 'force' },
      { jobId: `write-${runId}`, ...runJobOptions(run.trigger) },
    );
    await this.runs.markWriting(runId, level);
    this.logger.log({ runId, ticketKey, riskLevel: stored.riskLevel }, 'ticket enriched; write-back queued');
    return { status: 'writing', outcome: 'report stored; write-back queued' };
  }
}
