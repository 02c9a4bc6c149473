import { Injectable, Logger } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import {
  TicketFeedbackRepository,
  TicketReportRepository,
  WebhookDeliveryRepository,
  type EnrichmentRunRecord,
  type NewTicketFeedback,
  type ProjectMappingRecord,
  type TicketReportRecord,
} from '@sightline/persistence';
import type { Ticket, TrackerClient } from '@sightline/trackers';
import {
  describeLabelFeedback,
  feedbackLabelOf,
  planLabelFeedback,
  withoutFeedbackLabel,
} from '../assessment/feedback-label';
import { feedbackTextOf } from '../assessment/ticket-assessor.service';
import { TicketWriteLease } from '../core/ticket-write-lease';
import type { TrackerJobContext } from './tracker-job-guard';

/** Another worker holds the ticket: come back in about this long. */
const BUSY_RETRY_MS = 500;

export interface LabelFeedbackResult {
  /** The ticket as matching should see it (without the feedback label). */
  ticket: Ticket;
  /** True when a verdict was stored now, so the ranking changes and the note must follow. */
  recorded: boolean;
  /** What the label did, in words; null when the ticket carried no label. */
  summary: string | null;
}

/**
 * The feedback label, decided from the ticket as read (the tracker is the truth: a lost webhook is
 * made up for by the next sweep or edit) and the report the person was looking at. Under the
 * ticket's lease the ticket is read again, the application is recorded at most once (a marker row
 * in the same transaction as the verdict), the label is taken off (by the bot account, so its
 * webhook is an echo) and the marker cleared, so applying the label again is new feedback. A crash
 * anywhere in between repeats only what is missing.
 */
@Injectable()
export class LabelFeedbackService {
  private readonly logger = new Logger(LabelFeedbackService.name);

  constructor(
    private readonly feedback: TicketFeedbackRepository,
    private readonly reports: TicketReportRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly lease: TicketWriteLease,
  ) {}

  async apply(input: {
    client: TrackerClient;
    ticket: Ticket;
    mapping: ProjectMappingRecord;
    run: EnrichmentRunRecord;
    context: TrackerJobContext;
    /** Whether a marker row was there when the job read the ticket's state (false: nothing to clear). */
    applicationRecorded: boolean;
  }): Promise<LabelFeedbackResult> {
    const { client, ticket, mapping, run, context } = input;
    const label = feedbackLabelOf(ticket.tracker);
    if (!ticket.labels.includes(label)) {
      if (input.applicationRecorded)
        await this.feedback.releaseLabelApplication(context.connectionId, ticket.key);
      return { ticket, recorded: false, summary: null };
    }
    const held = await this.lease.tryWith(context.connectionId, ticket.key, async () => {
      // Read again under the lease: a worker that read the ticket before another took the label
      // off must not count the same application twice.
      const fresh = await client.getTicket(ticket.key);
      const report = await this.reports.find(context.connectionId, fresh.key);
      const plan = planLabelFeedback({ ticket: fresh, report, mode: mapping.writebackMode });
      if (plan.action === 'release') {
        await this.feedback.releaseLabelApplication(context.connectionId, fresh.key);
        return { ticket: fresh, recorded: false, summary: null };
      }
      const entry = plan.target ? await this.entryOf(fresh, report, mapping, run, plan.target) : null;
      const outcome = await this.feedback.recordLabelApplication(context.connectionId, fresh.key, entry);
      if (plan.removeLabel) {
        await client.removeLabel(fresh.key, label);
        await this.feedback.releaseLabelApplication(context.connectionId, fresh.key);
      }
      const summary = describeLabelFeedback(plan, outcome.recorded);
      this.logger.log({ runId: run.id, ticketKey: fresh.key, summary }, 'feedback label handled');
      return {
        ticket: withoutFeedbackLabel(fresh),
        recorded: outcome.feedback !== null,
        summary,
      };
    });
    if (held.acquired) return held.value;
    await context.job.moveToDelayed(
      Date.now() + BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS),
      context.token,
    );
    throw new DelayedError('another worker holds this ticket');
  }

  private async entryOf(
    ticket: Ticket,
    report: TicketReportRecord | null,
    mapping: ProjectMappingRecord,
    run: EnrichmentRunRecord,
    target: { repositoryId: string; path: string },
  ): Promise<NewTicketFeedback> {
    const text = (report?.ticket ?? {}) as { title?: string; description?: string };
    return {
      connectionId: mapping.connectionId,
      projectKey: mapping.projectKey,
      ticketKey: ticket.key,
      repositoryId: target.repositoryId,
      path: target.path,
      target: 'area',
      verdict: 'wrong',
      // The text the person judged: the report's, as the API records it.
      ticketText: feedbackTextOf({ title: text.title ?? ticket.title, description: text.description ?? '' }),
      actor: run.deliveryId ? await this.deliveries.labelActorOf(mapping.connectionId, run.deliveryId) : null,
      source: 'tracker-label',
    };
  }
}
