import {
  FakeHttpServer,
  type FakeResponse,
  type ParsedRequest,
  type RecordedRequest,
} from '../fake-http/fake-http';
import { FaultQueue, type Fault, type RequestMatcher } from '../fake-http/fault-queue';
import type { WebhookDelivery } from '../fake-http/webhook-sender';
import { issueJson, jiraError, userJson } from './fake-jira.json';
import { emitIssueUpdated, routeJira, type JiraRouteContext } from './fake-jira.routes';
import {
  DEFAULT_STORY_POINTS_FIELD,
  FakeJiraState,
  fieldChange,
  labelChange,
  textToAdf,
  type FakeJiraUser,
  type JiraChangeItem,
  type JiraEvent,
  type JiraIssueRecord,
  type JiraIssueSeed,
  type JiraStatusCategory,
  type JiraStoryPointsField,
} from './fake-jira.state';
import { sendJiraWebhook, type JiraWebhookSendOptions } from './fake-jira.webhooks';

export interface FakeJiraOptions {
  /** Clock for created/updated and webhook timestamps. */
  now?: () => Date;
  /** The site's story-point custom field (`Story point estimate`, customfield_10016, unless given); null: none. */
  storyPointsField?: JiraStoryPointsField | null;
}

/** A human edit made in the Jira UI (raises `jira:issue_updated` with a changelog). */
export interface JiraHumanEdit {
  summary?: string;
  description?: string | Record<string, unknown>;
  labels?: string[];
  components?: string[];
}

/**
 * A stateful Jira Cloud REST v3 server for tests (trackers.md §8): the routes the adapter uses, Basic
 * and Bearer auth, fault injection, a request log, and webhooks signed like Jira's.
 */
export class FakeJira {
  readonly state: FakeJiraState;
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  readonly bot: FakeJiraUser = {
    accountId: 'bot-sightline-1',
    displayName: 'Sightline',
    emailAddress: 'sightline@example.com',
  };
  readonly human: FakeJiraUser = {
    accountId: 'user-ada-1',
    displayName: 'Ada Lovelace',
    emailAddress: 'ada@example.com',
  };
  /** Valid API token for `bot.emailAddress` and a valid bearer token, both acting as the bot. */
  readonly botApiToken = 'fake-jira-api-token';
  readonly botBearerToken = 'fake-jira-oauth-token';
  private readonly faults = new FaultQueue();
  private readonly basic = new Map<string, FakeJiraUser>();
  private readonly bearer = new Map<string, FakeJiraUser>();
  private readonly server: FakeHttpServer;
  private readonly pending = new Set<Promise<unknown>>();

  private constructor(options: FakeJiraOptions) {
    this.state = new FakeJiraState(
      options.now ?? (() => new Date()),
      options.storyPointsField === undefined ? DEFAULT_STORY_POINTS_FIELD : options.storyPointsField,
    );
    this.server = new FakeHttpServer((request) => this.handle(request));
    this.addBasicCredential(this.bot.emailAddress ?? '', this.botApiToken, this.bot);
    this.addBearerToken(this.botBearerToken, this.bot);
  }

  static async start(options: FakeJiraOptions = {}): Promise<FakeJira> {
    const fake = new FakeJira(options);
    await fake.server.start();
    return fake;
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  addBasicCredential(email: string, apiToken: string, user: FakeJiraUser): void {
    this.basic.set(Buffer.from(`${email}:${apiToken}`).toString('base64'), user);
  }

  addBearerToken(token: string, user: FakeJiraUser): void {
    this.bearer.set(token, user);
  }

  /** The next `count` requests (matching `match`, if given) fail with `fault` instead of doing the work. */
  failNext(count: number, fault: Fault, match?: RequestMatcher): void {
    this.faults.add(count, fault, match);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Adds an issue silently (no webhook), as if it existed before the test. */
  seedIssue(seed: JiraIssueSeed): JiraIssueRecord {
    return this.state.seed(seed);
  }

  /**
   * Moves an issue to another project as `user` did in the UI: a new key (the old one still finds
   * it, as on Jira), and `jira:issue_updated` whose changelog names the old and new key and project.
   */
  moveIssue(key: string, toProjectKey: string, user: FakeJiraUser = this.human): JiraEvent {
    const from = this.issue(key);
    const [oldKey, oldProject] = [from.key, from.projectKey];
    const moved = this.state.move(key, toProjectKey);
    const before = this.state.events.length;
    emitIssueUpdated(this.context(user), moved.key, [
      { field: 'Key', fieldtype: 'jira', from: null, fromString: oldKey, to: null, toString: moved.key },
      fieldChange('project', 'project', oldProject, moved.projectKey),
    ]);
    return this.state.events[before];
  }

  /** Creates an issue as `user` did in the UI: raises `jira:issue_created`. */
  createIssue(seed: JiraIssueSeed, user: FakeJiraUser = this.human): JiraEvent {
    const issue = this.state.seed(seed);
    return this.state.emit({
      timestamp: this.state.now().getTime(),
      webhookEvent: 'jira:issue_created',
      issue_event_type_name: 'issue_created',
      user: userJson(this.url, user),
      issue: issueJson(this.url, issue, undefined),
    });
  }

  /** Edits an issue as `user` did in the UI: raises `jira:issue_updated` with the changelog. */
  editIssue(key: string, edit: JiraHumanEdit, user: FakeJiraUser = this.human): JiraEvent | null {
    const issue = this.issue(key);
    const items: JiraChangeItem[] = [];
    if (edit.summary !== undefined && edit.summary !== issue.summary) {
      items.push(fieldChange('summary', 'summary', issue.summary, edit.summary));
      issue.summary = edit.summary;
    }
    if (edit.description !== undefined) {
      issue.description =
        typeof edit.description === 'string' ? textToAdf(edit.description) : edit.description;
      items.push(fieldChange('description', 'description', null, null));
    }
    if (edit.labels !== undefined) {
      items.push(labelChange(issue.labels, edit.labels));
      issue.labels = [...edit.labels];
    }
    if (edit.components !== undefined) {
      items.push(
        fieldChange('Component', 'components', issue.components.join(', '), edit.components.join(', ')),
      );
      issue.components = [...edit.components];
    }
    if (items.length === 0) return null;
    issue.updated = this.state.now();
    const before = this.state.events.length;
    emitIssueUpdated(this.context(user), issue.key, items);
    return this.state.events.length > before ? this.state.events[this.state.events.length - 1] : null;
  }

  /**
   * Moves the issue to a status of the category, as a person does on the board: status,
   * resolution and their dates change, and `jira:issue_updated` carries a `status` change item
   * (and `resolution` when it changes), as Jira's changelog does.
   */
  transitionIssue(
    key: string,
    category: JiraStatusCategory,
    user: FakeJiraUser = this.human,
  ): JiraEvent | null {
    const issue = this.issue(key);
    if (issue.statusCategory === category) return null;
    const status = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[category];
    const resolution = category === 'done' ? 'Done' : null;
    const items = [fieldChange('status', 'status', issue.status, status)];
    if (resolution !== issue.resolution)
      items.push(fieldChange('resolution', 'resolution', issue.resolution, resolution));
    const now = this.state.now();
    Object.assign(issue, {
      status,
      statusCategory: category,
      statusCategoryChangeDate: now,
      resolution,
      resolutionDate: resolution === null ? null : now,
      updated: now,
    });
    const before = this.state.events.length;
    emitIssueUpdated(this.context(user), issue.key, items);
    return this.state.events.length > before ? this.state.events[this.state.events.length - 1] : null;
  }

  /** Deletes the issue as a person does: reads answer 404 from then on, and `jira:issue_deleted` carries it as it was. */
  deleteIssue(key: string, user: FakeJiraUser = this.human): JiraEvent {
    const issue = this.issue(key);
    const ctx = this.context(user);
    this.state.emit({
      timestamp: this.state.now().getTime(),
      webhookEvent: 'jira:issue_deleted',
      issue_event_type_name: 'issue_deleted',
      user: userJson(ctx.base, user),
      issue: issueJson(ctx.base, issue, undefined),
    });
    this.state.issues.delete(issue.key);
    return this.state.events[this.state.events.length - 1];
  }

  issue(key: string): JiraIssueRecord {
    const issue = this.state.find(key);
    if (!issue) throw new Error(`fake Jira has no issue ${key}`);
    return issue;
  }

  /** Every webhook event raised so far (by test edits and by writes through the API). */
  get events(): readonly JiraEvent[] {
    return this.state.events;
  }

  /** Delivers `event` to `url` signed with `secret`; the same event keeps its identifier on redelivery. */
  async deliver(
    url: string,
    event: JiraEvent,
    options: Omit<JiraWebhookSendOptions, 'identifier'> = {},
  ): Promise<WebhookDelivery> {
    const delivery = await sendJiraWebhook(url, event.payload, { ...options, identifier: event.identifier });
    this.deliveries.push(delivery);
    return delivery;
  }

  /** Registers an admin webhook: every later event is delivered to `url` (await `settled()` to wait). */
  subscribe(url: string, options: Omit<JiraWebhookSendOptions, 'identifier'> = {}): void {
    this.state.onEvent((event) => {
      const sending = this.deliver(url, event, options).catch(() => undefined);
      this.pending.add(sending);
      void sending.finally(() => this.pending.delete(sending));
    });
  }

  /** Resolves when every automatic delivery started so far has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private context(user: FakeJiraUser): JiraRouteContext {
    return { state: this.state, base: this.url, user };
  }

  private authenticate(request: ParsedRequest): FakeJiraUser | null {
    const header = request.headers.authorization ?? '';
    const [scheme, value] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme ?? '')) return this.basic.get(value ?? '') ?? null;
    if (/^bearer$/i.test(scheme ?? '')) return this.bearer.get(value ?? '') ?? null;
    return null;
  }

  private async handle(request: ParsedRequest): Promise<FakeResponse | 'drop'> {
    const record = (status: number): void => {
      this.requests.push({
        method: request.method,
        path: request.path,
        query: request.query,
        headers: request.headers,
        body: request.body,
        status,
      });
    };
    const fault = this.faults.take(request);
    if (fault) {
      const response = faultResponse(fault, this.state.now());
      record(response === 'drop' ? 0 : response.status);
      return response;
    }
    const user = this.authenticate(request);
    const response = user
      ? routeJira(this.context(user), request)
      : {
          status: 401,
          body: jiraError(['You are not authenticated. Authentication required to perform this operation.']),
        };
    record(response.status);
    return response;
  }
}

const HTML_PAGE = (status: number, title: string): string =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>Atlassian</p></body></html>`;

function faultResponse(fault: Fault, now: Date): FakeResponse | 'drop' {
  switch (fault.kind) {
    case 'network':
      return 'drop';
    case 'unauthorized':
      return { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } };
    case 'server-error': {
      const status = fault.status ?? 503;
      return fault.html
        ? {
            status,
            body: HTML_PAGE(status, 'Service Unavailable'),
            headers: { 'content-type': 'text/html;charset=UTF-8' },
          }
        : { status, body: jiraError(['Internal server error']) };
    }
    case 'rate-limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      const reset = new Date(now.getTime() + seconds * 1000).toISOString().slice(0, 16) + 'Z';
      const headers = {
        'retry-after': String(seconds),
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset,
        'ratelimit-reason': 'jira-burst-based',
      };
      return fault.html
        ? {
            status: 429,
            body: HTML_PAGE(429, 'Too Many Requests'),
            headers: { ...headers, 'content-type': 'text/html;charset=UTF-8' },
          }
        : { status: 429, body: jiraError(['Rate limit exceeded.']), headers };
    }
  }
}
