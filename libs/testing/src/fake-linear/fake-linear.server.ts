import { randomUUID } from 'node:crypto';
import {
  FakeHttpServer,
  type FakeResponse,
  type ParsedRequest,
  type RecordedRequest,
} from '../fake-http/fake-http';
import { FaultQueue, type Fault, type RequestMatcher } from '../fake-http/fault-queue';
import { faultResponse } from './fake-linear.faults';
import type { WebhookDelivery } from '../fake-http/webhook-sender';
import { issueUrl, issueWebhookData } from './fake-linear.json';
import { applyIssueUpdate, MUTATIONS, webhookEnvelope } from './fake-linear.mutations';
import { GraphQLFailure, QUERIES, type OperationContext } from './fake-linear.queries';
import {
  FakeLinearState,
  type LinearAttachmentRecord,
  type LinearEvent,
  type LinearIssueRecord,
  type LinearTeamRecord,
  type LinearUserRecord,
} from './fake-linear.state';
import { sendLinearWebhook, type LinearWebhookSendOptions } from './fake-linear.webhooks';

export interface FakeLinearOptions {
  now?: () => Date;
}

export interface LinearIssueSeed {
  teamKey: string;
  title: string;
  description?: string;
  /** Label names; team labels are created as needed. */
  labels?: string[];
  /** State name or type (`Backlog`, `started`…); default `Todo`. */
  state?: string;
  createdAt?: Date;
  /** When it reached its completed (or canceled) state; defaults to `createdAt` for such states. */
  completedAt?: Date;
  estimate?: number | null;
  /** Archived (Linear auto-archives closed issues after a while). */
  archivedAt?: Date;
}

export interface LinearHumanEdit {
  title?: string;
  description?: string;
  labels?: string[];
  state?: string;
}

const OPERATION = /^\s*(query|mutation)\s+(\w+)/;
const RATE_HEADERS = {
  'x-ratelimit-requests-limit': '5000',
  'x-complexity': '10',
  'x-ratelimit-complexity-limit': '3000000',
};

/**
 * A stateful Linear GraphQL endpoint for tests (trackers.md §4, §8): one POST route dispatching on
 * the operation name @linear/sdk prints, responses in the shapes the SDK's models parse, fault
 * injection, a request log, and webhooks signed like Linear's.
 */
export class FakeLinear {
  readonly state: FakeLinearState;
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  readonly bot: LinearUserRecord;
  readonly human: LinearUserRecord;
  readonly botApiKey = 'lin_api_fake_bot_key';
  readonly botAccessToken = 'fake-linear-oauth-token';
  private readonly faults = new FaultQueue();
  private readonly tokens = new Map<string, LinearUserRecord>();
  private readonly server: FakeHttpServer;
  private readonly pending = new Set<Promise<unknown>>();
  private requestCount = 0;

  private constructor(options: FakeLinearOptions) {
    this.state = new FakeLinearState(options.now ?? (() => new Date()));
    this.bot = this.state.addUser({
      id: 'bot-' + randomUUID(),
      name: 'Sightline',
      displayName: 'sightline',
      email: 'sightline@example.com',
    });
    this.human = this.state.addUser({
      id: randomUUID(),
      name: 'Ada Lovelace',
      displayName: 'ada',
      email: 'ada@example.com',
    });
    this.tokens.set(this.botApiKey, this.bot);
    this.tokens.set(`Bearer ${this.botAccessToken}`, this.bot);
    this.server = new FakeHttpServer((request) => this.handle(request));
  }

  static async start(options: FakeLinearOptions = {}): Promise<FakeLinear> {
    const fake = new FakeLinear(options);
    await fake.server.start();
    return fake;
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.server.stop();
  }

  /** The GraphQL endpoint: pass as `apiUrl`. */
  get url(): string {
    return `${this.server.url}/graphql`;
  }

  /** The next `count` matching requests fail with `fault` (match on `request.operation` to target one). */
  failNext(count: number, fault: Fault, match?: RequestMatcher): void {
    this.faults.add(count, fault, match);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  seedTeam(key: string, name?: string): LinearTeamRecord {
    return this.state.addTeam(key, name);
  }

  /** Adds an issue silently (no webhook), as if it existed before the test. */
  seedIssue(seed: LinearIssueSeed, creator: LinearUserRecord = this.human): LinearIssueRecord {
    const team = this.state.teamByKey(seed.teamKey) ?? this.state.addTeam(seed.teamKey);
    const createdAt = seed.createdAt ?? this.state.now();
    const number = team.nextNumber++;
    const issue: LinearIssueRecord = {
      id: randomUUID(),
      identifier: `${team.key}-${number}`,
      number,
      teamId: team.id,
      title: seed.title,
      description: seed.description ?? null,
      stateId: this.state.stateOf(team.id, seed.state ?? 'Todo').id,
      labelIds: (seed.labels ?? []).map((name) => this.state.labelNamed(team.id, name).id),
      creatorId: creator.id,
      createdAt,
      updatedAt: createdAt,
      completedAt: null,
      canceledAt: null,
      estimate: seed.estimate ?? null,
      archivedAt: seed.archivedAt ?? null,
    };
    this.state.stampStateTimes(issue, seed.completedAt ?? createdAt);
    this.state.issues.set(issue.id, issue);
    return issue;
  }

  /** Creates an issue as a person did in Linear: raises an `Issue` `create` webhook. */
  createIssue(seed: LinearIssueSeed, user: LinearUserRecord = this.human): LinearEvent {
    const issue = this.seedIssue(seed, user);
    const data = issueWebhookData(this.state, issue);
    return this.state.emit(
      webhookEnvelope({ state: this.state, viewer: user }, 'create', 'Issue', data, { url: issueUrl(issue) }),
    );
  }

  /** Edits an issue as a person did in Linear: raises an `Issue` `update` webhook with `updatedFrom`. */
  editIssue(
    identifier: string,
    edit: LinearHumanEdit,
    user: LinearUserRecord = this.human,
  ): LinearEvent | null {
    const issue = this.issue(identifier);
    const before = this.state.events.length;
    applyIssueUpdate({ state: this.state, viewer: user }, issue, {
      ...(edit.title !== undefined ? { title: edit.title } : {}),
      ...(edit.description !== undefined ? { description: edit.description } : {}),
      ...(edit.labels !== undefined
        ? { labelIds: edit.labels.map((name) => this.state.labelNamed(issue.teamId, name).id) }
        : {}),
      ...(edit.state !== undefined ? { stateId: this.state.stateOf(issue.teamId, edit.state).id } : {}),
    });
    return this.state.events.length > before ? this.state.events[this.state.events.length - 1] : null;
  }

  /**
   * Moves an issue to another team as a person did in Linear: a new number and identifier in that
   * team, the state of the same type there, the other team's labels dropped; raises an `Issue`
   * `update` webhook under the new identifier. Whether Linear still answers the old identifier is
   * not documented; this fake does not.
   */
  moveIssue(identifier: string, teamKey: string, user: LinearUserRecord = this.human): LinearEvent {
    const issue = this.issue(identifier);
    const team = this.state.teamByKey(teamKey) ?? this.state.addTeam(teamKey);
    const before = {
      teamId: issue.teamId,
      number: issue.number,
      stateId: issue.stateId,
      labelIds: issue.labelIds,
    };
    const stateType = this.state.states.get(issue.stateId)?.type ?? 'unstarted';
    const number = team.nextNumber++;
    Object.assign(issue, {
      teamId: team.id,
      number,
      identifier: `${team.key}-${number}`,
      stateId: this.state.stateOf(team.id, stateType).id,
      labelIds: issue.labelIds.filter((id) => {
        const owner = this.state.labels.get(id)?.teamId;
        return owner === null || owner === team.id;
      }),
    });
    const updatedFrom: Record<string, unknown> = {
      teamId: before.teamId,
      number: before.number,
      stateId: before.stateId,
      updatedAt: issue.updatedAt.toISOString(),
    };
    if (before.labelIds.join() !== issue.labelIds.join()) updatedFrom.labelIds = before.labelIds;
    issue.updatedAt = this.state.now();
    const data = issueWebhookData(this.state, issue);
    return this.state.emit(
      webhookEnvelope({ state: this.state, viewer: user }, 'update', 'Issue', data, {
        url: issueUrl(issue),
        updatedFrom,
      }),
    );
  }

  /** Deletes an issue as a person did in Linear: raises an `Issue` `remove` webhook; reads then find nothing. */
  deleteIssue(identifier: string, user: LinearUserRecord = this.human): LinearEvent {
    const issue = this.issue(identifier);
    const data = issueWebhookData(this.state, issue);
    const event = this.state.emit(
      webhookEnvelope({ state: this.state, viewer: user }, 'remove', 'Issue', data, { url: issueUrl(issue) }),
    );
    this.state.issues.delete(issue.id);
    return event;
  }

  issue(identifier: string): LinearIssueRecord {
    const issue = this.state.findIssue(identifier);
    if (!issue) throw new Error(`fake Linear has no issue ${identifier}`);
    return issue;
  }

  labelNames(identifier: string): string[] {
    return this.issue(identifier).labelIds.map((id) => this.state.labels.get(id)?.name ?? id);
  }

  commentsOn(identifier: string) {
    const issue = this.issue(identifier);
    return [...this.state.comments.values()].filter((comment) => comment.issueId === issue.id);
  }

  attachmentsOn(identifier: string) {
    const issue = this.issue(identifier);
    return [...this.state.attachments.values()].filter((attachment) => attachment.issueId === issue.id);
  }

  /** Adds an attachment silently (no webhook), as if `creator` had linked it before the test. */
  seedAttachment(
    identifier: string,
    attachment: { url: string; title: string; subtitle?: string },
    creator: LinearUserRecord = this.human,
  ): LinearAttachmentRecord {
    const issue = this.issue(identifier);
    const now = this.state.now();
    const record: LinearAttachmentRecord = {
      id: randomUUID(),
      issueId: issue.id,
      url: attachment.url,
      title: attachment.title,
      subtitle: attachment.subtitle ?? null,
      metadata: {},
      creatorId: creator.id,
      createdAt: now,
      updatedAt: now,
    };
    this.state.attachments.set(record.id, record);
    return record;
  }

  get events(): readonly LinearEvent[] {
    return this.state.events;
  }

  /** Delivers `event` to `url`, signed; the same event keeps its `Linear-Delivery` id on redelivery. */
  async deliver(
    url: string,
    event: LinearEvent,
    options: Omit<LinearWebhookSendOptions, 'deliveryId'>,
  ): Promise<WebhookDelivery> {
    const delivery = await sendLinearWebhook(url, event.payload, {
      ...options,
      deliveryId: event.deliveryId,
    });
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Registers a webhook: every later event is delivered to `url` (await `settled()` to wait). */
  subscribe(url: string, options: Omit<LinearWebhookSendOptions, 'deliveryId'>): void {
    this.state.onEvent((event) => {
      const sending = this.deliver(url, event, options).catch(() => undefined);
      this.pending.add(sending);
      void sending.finally(() => this.pending.delete(sending));
    });
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async handle(request: ParsedRequest): Promise<FakeResponse | 'drop'> {
    this.requestCount += 1;
    const body = (request.body ?? {}) as { query?: unknown; variables?: unknown };
    const operation = typeof body.query === 'string' ? OPERATION.exec(body.query)?.[2] : undefined;
    const response = this.respond(request, operation, body);
    this.requests.push({
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      operation,
      status: response === 'drop' ? 0 : response.status,
    });
    return response;
  }

  private respond(
    request: ParsedRequest,
    operation: string | undefined,
    body: { variables?: unknown },
  ): FakeResponse | 'drop' {
    const headers = {
      ...RATE_HEADERS,
      'x-ratelimit-requests-remaining': String(Math.max(0, 5000 - this.requestCount)),
      'x-ratelimit-requests-reset': String(this.state.now().getTime() + 3_600_000),
    };
    const fault = this.faults.take({ ...request, operation });
    if (fault) return faultResponse(fault, this.state.now(), headers);
    const fail = (status: number, message: string, extensions: Record<string, unknown>): FakeResponse => ({
      status,
      headers,
      body: { errors: [{ message, extensions }], data: null },
    });
    if (request.method !== 'POST' || request.path !== '/graphql')
      return fail(404, 'Not found', { type: 'other' });
    const viewer = this.tokens.get(request.headers.authorization ?? '');
    if (!viewer) {
      return fail(401, 'Authentication required, not authenticated', {
        type: 'authentication error',
        code: 'AUTHENTICATION_ERROR',
        userError: true,
        userPresentableMessage: 'You need to authenticate to access this operation.',
      });
    }
    const resolver = operation ? (QUERIES[operation] ?? MUTATIONS[operation]) : undefined;
    if (!resolver) {
      return fail(400, `Unknown operation ${operation ?? '(none)'}`, {
        type: 'graphql error',
        code: 'GRAPHQL_VALIDATION_FAILED',
      });
    }
    const context: OperationContext = { state: this.state, viewer };
    try {
      return {
        status: 200,
        headers,
        body: { data: resolver(context, (body.variables ?? {}) as Record<string, unknown>) },
      };
    } catch (error) {
      if (error instanceof GraphQLFailure) return fail(error.status, error.message, error.extensions);
      if (error instanceof Error) {
        return fail(400, error.message, { type: 'graphql error', code: 'GRAPHQL_VALIDATION_FAILED' });
      }
      throw error;
    }
  }
}
