import {
  BadRequestException,
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { ZodError } from 'zod';
import { TicketReportRepository, WebhookDeliveryRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import {
  decideWebhook,
  headerValue,
  jiraDeliveryId,
  lifecycleChangeOf,
  linearDeliveryId,
  parseJiraWebhook,
  parseLinearWebhook,
  verifyJiraSignature,
  verifyLinearSignature,
  type SignatureCheck,
  type TicketEvent,
  type TrackerKind,
  type WebhookDecision,
  type WebhookHeaders,
} from '@sightline/trackers';
import { WebhookConnections, type WebhookConnection } from './webhook-connections';

export interface WebhookAnswer {
  deliveryId: string;
  /** `enqueued`: a ticket enrichment was queued; `ignored`: nothing to do; `duplicate`: seen before. */
  outcome: 'enqueued' | 'ignored' | 'duplicate';
  reason?: string;
  runId?: string;
}

/** The key shape jobs accept; anything else is not a ticket Sightline can name. */
const TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIGNATURE_HEADER: Record<TrackerKind, string> = { jira: 'x-hub-signature', linear: 'linear-signature' };

function unauthorized(
  tracker: TrackerKind,
  check: Exclude<SignatureCheck, { ok: true }>,
): UnauthorizedException {
  const header = SIGNATURE_HEADER[tracker];
  const messages = {
    missing: `unsigned delivery: no ${header} header`,
    malformed: `${header} is not a well-formed signature`,
    mismatch: `${header} does not match the body`,
    stale: 'webhookTimestamp is missing or more than 60 s away from now',
  };
  return new UnauthorizedException(messages[check.reason]);
}

/**
 * A tracker webhook, from raw bytes to "enrichment queued": verify the signature on the raw body
 * (before anything parses it), reduce it to a ticket event, ignore what cannot change the note
 * and what Sightline caused itself, and record the delivery once: a redelivery finds its id
 * taken and does nothing. 202 means the job is in Redis. A ticket closed or deleted is recorded
 * done on the spot; one reopened is enriched again; one moved to another project is enriched
 * under its new key, its old key's report recorded done.
 */
@Injectable()
export class WebhookIntake {
  private readonly logger = new Logger(WebhookIntake.name);

  constructor(
    private readonly directory: WebhookConnections,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly reports: TicketReportRepository,
    private readonly producer: QueueProducer,
  ) {}

  async receive(
    tracker: TrackerKind,
    connectionId: string,
    headers: WebhookHeaders,
    rawBody: Buffer | undefined,
    body: unknown,
  ): Promise<WebhookAnswer> {
    const connection = UUID.test(connectionId) ? await this.directory.find(connectionId) : null;
    if (!connection || connection.kind !== tracker) {
      throw new NotFoundException(`no ${tracker} tracker connection ${connectionId}`);
    }
    if (connection.secret === null) {
      throw new UnauthorizedException(
        'this connection has no webhook secret, so no delivery can be verified; set webhookSecret on the tracker connection',
      );
    }
    if (!rawBody) throw new HttpException('expected a JSON body (Content-Type: application/json)', 415);
    this.verify(tracker, connection.secret, headers, rawBody);
    const event = this.parse(tracker, body);
    const deliveryId =
      tracker === 'jira' ? jiraDeliveryId(headers, rawBody) : linearDeliveryId(headers, body);
    if (!deliveryId)
      throw new BadRequestException('no delivery id: expected a Linear-Delivery header or webhookId');
    return this.record(connection, deliveryId, event);
  }

  private verify(tracker: TrackerKind, secret: string, headers: WebhookHeaders, rawBody: Buffer): void {
    const signature = headerValue(headers, SIGNATURE_HEADER[tracker]);
    const check =
      tracker === 'jira'
        ? verifyJiraSignature(rawBody, signature, secret)
        : verifyLinearSignature(rawBody, signature, secret);
    if (check.ok) return;
    // Linear's SDK parses the body while verifying: a good signature over bytes that are not JSON.
    if (
      tracker === 'linear' &&
      check.reason === 'malformed' &&
      /^[0-9a-fA-F]{64}$/.test(signature?.trim() ?? '')
    ) {
      throw new BadRequestException('the body is not a JSON webhook payload');
    }
    throw unauthorized(tracker, check);
  }

  private parse(tracker: TrackerKind, body: unknown): TicketEvent {
    try {
      return tracker === 'jira' ? parseJiraWebhook(body) : parseLinearWebhook(body);
    } catch (error) {
      if (error instanceof ZodError) {
        const problems = error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
        throw new BadRequestException(`not a ${tracker} webhook payload: ${problems.join('; ')}`);
      }
      throw error;
    }
  }

  /**
   * The delivery's decision, with one fact only the store knows: a ticket recorded done that moves
   * back to an open status is enriched again, since nothing refreshed its note while it was done
   * (unless the done record is newer than the reopen: the two deliveries crossed).
   */
  private async decide(
    connection: WebhookConnection,
    event: TicketEvent,
  ): Promise<WebhookDecision & { reopened?: true }> {
    const decided = decideWebhook(event, connection.own);
    if (decided.action === 'enrich') {
      return TICKET_KEY.test(decided.ticketKey) ? decided : { action: 'ignore', reason: 'not-a-ticket' };
    }
    const key = event.ticketKey;
    const reopened =
      decided.reason === 'not-note-relevant' &&
      key !== null &&
      TICKET_KEY.test(key) &&
      lifecycleChangeOf(event) === 'open' &&
      (await this.reports.isDone(connection.id, key, event.ticketUpdatedAt));
    return reopened ? { action: 'enrich', ticketKey: key, reopened: true } : decided;
  }

  /**
   * What an issue delivery says about the ticket's place, recorded on its reports without asking
   * the tracker. Moved to another Jira project or Linear team, it has a new key: its report under
   * the old one (the same tracker id) is no open work. Closed, deleted or reopened: background
   * work and the digest leave a done ticket alone from now on; a delivery older than what the
   * report knows changes nothing, and a deletion is final whatever its time.
   */
  private async recordTicketState(connection: WebhookConnection, event: TicketEvent): Promise<void> {
    const key = event.ticketKey;
    if (event.entity !== 'issue' || key === null || !TICKET_KEY.test(key)) return;
    if (event.ticketId !== null && event.kind !== 'deleted')
      await this.reports.markOtherKeysDone(connection.id, event.ticketId, key);
    const change = lifecycleChangeOf(event);
    if (change === null) return;
    const phase = change === 'closed' ? 'done' : (event.phase ?? 'started');
    const asOf = event.kind === 'deleted' ? null : event.ticketUpdatedAt;
    await this.reports.recordPhase(connection.id, key, phase, asOf);
  }

  private async record(
    connection: WebhookConnection,
    deliveryId: string,
    event: TicketEvent,
  ): Promise<WebhookAnswer> {
    const decision = await this.decide(connection, event);
    const delivery = {
      connectionId: connection.id,
      deliveryId,
      eventName: event.eventName,
      ticketKey: event.ticketKey,
    };
    if (decision.action === 'ignore') {
      const fresh = await this.deliveries.recordIgnored({ ...delivery, reason: decision.reason });
      if (!fresh) return { deliveryId, outcome: 'duplicate' };
      if (decision.reason === 'deleted' || decision.reason === 'not-note-relevant')
        await this.recordTicketState(connection, event);
      return { deliveryId, outcome: 'ignored', reason: decision.reason };
    }
    // Who applied the feedback label, kept for the verdict: the ticket read later cannot say.
    const feedbackLabels = connection.own.feedbackLabels ?? [];
    const labelActor =
      event.actorId !== null && event.labelsAdded.some((label) => feedbackLabels.includes(label))
        ? `${connection.kind}:${event.actorId}`
        : null;
    const { fresh, run } = await this.deliveries.recordWithRun(
      { ...delivery, reason: null, labelActor },
      {
        connectionId: connection.id,
        tracker: connection.kind,
        ticketKey: decision.ticketKey,
        trigger: 'webhook',
      },
    );
    // A redelivery whose run never started: its first delivery may not have reached the queue.
    if (!run || (!fresh && run.status !== 'queued')) return { deliveryId, outcome: 'duplicate' };
    try {
      await this.producer.enqueue(
        'ticket-enrichment',
        'enrich-ticket',
        {
          connectionId: connection.id,
          ticketKey: run.ticketKey,
          runId: run.id,
          ...(decision.reopened ? { reopened: true as const } : {}),
        },
        { jobId: `enrich-${run.id}` },
      );
    } catch (error) {
      this.logger.error(
        { deliveryId, err: error },
        'could not queue the enrichment; the tracker will redeliver',
      );
      throw new ServiceUnavailableException('could not queue the delivery; retry it');
    }
    if (!fresh) return { deliveryId, outcome: 'duplicate' };
    // Only once the job is queued: a redelivery after a failed enqueue must still see the reopen.
    await this.recordTicketState(connection, event);
    this.logger.debug({ deliveryId, ticketKey: run.ticketKey, runId: run.id }, 'enrichment queued');
    return { deliveryId, outcome: 'enqueued', runId: run.id };
  }
}
