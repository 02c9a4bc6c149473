import {
  BadGatewayException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectConfig, type Config } from '@sightline/config';
import {
  EnrichmentRunRepository,
  TicketFeedbackRepository,
  TicketReportRepository,
  WritebackStateRepository,
  type EnrichmentTrigger,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { QueueProducer } from '@sightline/queues';
import {
  AuthError,
  NotFoundError,
  RateLimitedError,
  type Ticket,
  type TrackerKind,
} from '@sightline/trackers';
import { resolveReportedArea } from '../assessment/feedback-label';
import { feedbackTextOf, TicketAssessor } from '../assessment/ticket-assessor.service';
import { planWrite } from '../assessment/write-plan';
import { TrackerClients } from '../core/tracker-clients.service';
import { TrackerRateLimiter } from '../core/tracker-rate-limiter';
import { ConnectionSetupError } from '@sightline/trackers';
import { TicketConnections } from './ticket-connections';
import { toRunView, type EnrichTicketInput, type FeedbackInput } from './ticket.dto';

/** What `enrich` answers: the preview itself, or the queued run. */
export type EnrichAnswer =
  { status: 200; body: Record<string, unknown> } | { status: 202; body: Record<string, unknown> };

/** Ticket actions: preview or force an enrichment, and say whether an area was right. */
@Injectable()
export class TicketActionsService {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly tickets: TicketConnections,
    private readonly clients: TrackerClients,
    private readonly limiter: TrackerRateLimiter,
    private readonly assessor: TicketAssessor,
    private readonly states: WritebackStateRepository,
    private readonly reports: TicketReportRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly feedback: TicketFeedbackRepository,
    private readonly producer: QueueProducer,
    private readonly audit: AuditService,
  ) {}

  async enrich(
    principal: Principal,
    tracker: TrackerKind,
    key: string,
    input: EnrichTicketInput,
    requestId?: string,
  ): Promise<EnrichAnswer> {
    const { connection, mapping } = await this.tickets.resolve(tracker, key, input.connectionId);
    if (input.mode === 'force') {
      if (principal.role !== 'admin')
        throw new ForbiddenException('forcing a write-back needs an admin API key');
      const run = await this.queue(connection, key, 'force');
      await this.audit.record({
        principal,
        action: 'trigger',
        resourceType: 'ticket-enrichment',
        resourceId: run.id,
        after: run,
        requestId,
      });
      return { status: 202, body: run };
    }
    const ticket = await this.readTicket(connection, key);
    const assessed = await this.assessor.assess(ticket, mapping);
    if (assessed.kind === 'skipped')
      throw new NotFoundException(`nothing to assess ${key} against: ${assessed.reason}`);
    const plan = planWrite({
      tracker,
      noteReport: assessed.noteReport,
      contentHash: assessed.note.contentHash,
      state: await this.states.get(connection.id, ticket.key),
      mode: mapping.writebackMode,
      lowConfidenceMode: this.config.ENRICHMENT_LOW_CONFIDENCE,
      forced: false,
    });
    return {
      status: 200,
      body: {
        connectionId: connection.id,
        ticketKey: ticket.key,
        riskLevel: assessed.combined.level,
        confidence: assessed.combined.confidence,
        lowConfidence: assessed.combined.lowConfidence,
        report: assessed.noteReport,
        note: {
          markdown: assessed.note.markdown,
          adf: assessed.note.adf,
          contentHash: assessed.note.contentHash,
        },
        missingRepositories: assessed.missing,
        wouldWrite: {
          nothingBecause: plan.nothingBecause,
          note: plan.note,
          label: plan.label,
          machineData: plan.writeMachine,
        },
      },
    };
  }

  async recordFeedback(
    principal: Principal,
    tracker: TrackerKind,
    key: string,
    input: FeedbackInput,
    requestId?: string,
  ) {
    const { connection, mapping } = await this.tickets.resolve(tracker, key, input.connectionId);
    const report = await this.reports.find(connection.id, key);
    if (!report)
      throw new NotFoundException(`${key} has no report yet; feedback refers to the areas a report names`);
    const { repositoryId, path } = this.repositoryOf(report.snapshots, input.area);
    const ticket = report.ticket as { title?: string; description?: string };
    const entry = await this.feedback.record({
      connectionId: connection.id,
      projectKey: mapping.projectKey,
      ticketKey: key,
      repositoryId,
      path,
      target: 'area',
      verdict: input.verdict,
      ticketText: feedbackTextOf({ title: ticket.title ?? '', description: ticket.description ?? '' }),
      actor: principal.actor,
      source: 'api',
    });
    const view = {
      id: entry.id,
      connectionId: connection.id,
      ticketKey: key,
      area: input.area,
      verdict: input.verdict,
      createdAt: new Date(entry.createdAt).toISOString(),
    };
    await this.audit.record({
      principal,
      action: 'create',
      resourceType: 'ticket-feedback',
      resourceId: entry.id,
      after: view,
      requestId,
    });
    // The verdict changes this ticket's ranking at once: enrich it again so the note follows.
    const run = await this.queue(connection, key, 'feedback');
    return { feedback: view, runId: run.id };
  }

  private async queue(connection: TrackerConnectionRecord, key: string, trigger: EnrichmentTrigger) {
    const run = await this.runs.create({
      connectionId: connection.id,
      tracker: connection.kind,
      ticketKey: key,
      trigger,
    });
    try {
      await this.producer.enqueue(
        'ticket-enrichment',
        'enrich-ticket',
        { connectionId: connection.id, ticketKey: key, runId: run.id },
        { jobId: `enrich-${run.id}` },
      );
    } catch (error) {
      await this.runs.finish(run.id, 'failed', `could not be queued: ${(error as Error).message}`);
      throw new ServiceUnavailableException('could not queue the enrichment; try again');
    }
    return toRunView(run);
  }

  /** `repo:path` names one of several mapped repositories; a single repository takes the plain path. */
  private repositoryOf(
    snapshots: Record<string, unknown>[],
    area: string,
  ): { repositoryId: string | null; path: string } {
    const resolved = resolveReportedArea(snapshots, area);
    if (!resolved) {
      const names = snapshots.map((s) => String(s.repositoryName));
      throw new HttpException(
        `area: this mapping has several repositories, so name the area as <repository>:<path>, one of ${names.join(', ')}`,
        400,
      );
    }
    return resolved;
  }

  private async readTicket(connection: TrackerConnectionRecord, key: string): Promise<Ticket> {
    if (connection.health === 'unhealthy') {
      throw new BadGatewayException(
        `the tracker connection is unhealthy: ${connection.healthReason ?? 'credentials refused'}`,
      );
    }
    const blocked = await this.limiter.blockedUntil(connection.id);
    if (blocked !== null) {
      throw new ServiceUnavailableException(
        `the tracker asked to wait until ${new Date(blocked).toISOString()}`,
      );
    }
    try {
      const client = await this.clients.clientFor(connection);
      await this.clients.identify(connection, client);
      return await client.getTicket(key);
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new NotFoundException(`${key} was not found in ${connection.kind}`);
      if (error instanceof RateLimitedError) {
        const until = await this.limiter.block(connection.id, error.retryAfterMs);
        throw new ServiceUnavailableException(
          `the tracker asked to wait until ${new Date(until).toISOString()}`,
        );
      }
      if (error instanceof AuthError || error instanceof ConnectionSetupError) {
        await this.clients.markUnhealthy(connection.id, error.message);
        throw new BadGatewayException(`the tracker refused the connection: ${error.message}`);
      }
      throw new BadGatewayException(`the tracker could not be read: ${(error as Error).message}`);
    }
  }
}
