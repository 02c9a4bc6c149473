// The only file that imports jira.js: upgrading the client (6.x is ESM-only) is a change here alone.
import { Version3Client, type Version3Models } from 'jira.js';
import { adfToText } from '../text/adf-text';
import { backlogJql } from './jira-backlog-jql';
import type {
  AdfDocument,
  BacklogPage,
  BacklogQuery,
  BotIdentity,
  LifecycleRead,
  MachineData,
  NoteContent,
  OwnNote,
  Ticket,
  TrackerClient,
  UpsertNoteResult,
} from '../tracker-client.port';
import { JIRA_PROPERTY_KEY, JIRA_PROPERTY_MAX_CHARS, JIRA_RISK_LABEL } from '../tracker-constants';
import { InvalidRequestError, NotFoundError } from '../tracker-errors';
import type { JiraTrackerOptions } from '../tracker-options';
import { jiraErrorToTrackerError } from './jira-error.mapper';
import { JIRA_TICKET_FIELDS, jiraIssueToTicket } from './jira-issue.mapper';
import { JIRA_LIFECYCLE_FIELDS, jiraIssueToLifecycle, storyPointFieldIds } from './jira-lifecycle.mapper';

const COMMENT_PAGE_SIZE = 100;
/** Jira's bulk fetch takes at most 100 issues per request when it returns non-navigable fields. */
const BULK_FETCH_SIZE = 100;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
const DEFAULT_BACKLOG_PAGE_SIZE = 50;
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/** jira.js types comment bodies as its own loose `Document`; an adf-utils document is one on the wire. */
function asJiraDocument(adf: AdfDocument): Version3Models.Document {
  return adf as Version3Models.Document;
}

/** Jira Cloud REST v3 through jira.js `Version3Client` (basic API-token or bearer auth). */
export class JiraTrackerClient implements TrackerClient {
  readonly kind = 'jira' as const;
  private readonly client: Version3Client;
  private readonly siteUrl: string;
  private readonly riskLabel: string;
  private readonly propertyKey: string;
  private readonly now: () => number;
  private bot: BotIdentity | null = null;
  private botAccountId: string | null;
  /** The instance's story-point field ids, read once per client (they differ between sites). */
  private pointFields: Promise<string[]> | null = null;

  constructor(private readonly options: JiraTrackerOptions) {
    this.siteUrl = options.siteUrl.replace(/\/+$/, '');
    this.riskLabel = options.riskLabel ?? JIRA_RISK_LABEL;
    this.propertyKey = options.propertyKey ?? JIRA_PROPERTY_KEY;
    this.now = options.now ?? Date.now;
    this.botAccountId = options.botAccountId ?? null;
    if (/\s/.test(this.riskLabel))
      throw new InvalidRequestError(`Jira labels cannot contain spaces: ${this.riskLabel}`);
    const credentials = options.credentials;
    const common = { host: this.siteUrl, baseRequestConfig: { timeout: options.timeoutMs ?? 30_000 } };
    this.client =
      credentials.kind === 'basic'
        ? new Version3Client({
            ...common,
            authentication: { basic: { email: credentials.email, apiToken: credentials.apiToken } },
          })
        : // Without refresh token or cloud id, jira.js sends `Bearer <token>` to `host` as given.
          new Version3Client({ ...common, authentication: { oauth2: { accessToken: credentials.token } } });
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw jiraErrorToTrackerError(error, this.now());
    }
  }

  private get notifyUsers(): false | undefined {
    return this.options.suppressNotifications ? false : undefined;
  }

  async whoAmI(): Promise<BotIdentity> {
    if (this.bot) return this.bot;
    const user = await this.call(() => this.client.myself.getCurrentUser());
    if (!user.accountId) throw new InvalidRequestError('Jira /myself returned no accountId');
    this.bot = { accountId: user.accountId, displayName: user.displayName ?? user.accountId };
    this.botAccountId = user.accountId;
    return this.bot;
  }

  private async botId(): Promise<string> {
    return this.botAccountId ?? (await this.whoAmI()).accountId;
  }

  async getTicket(key: string): Promise<Ticket> {
    const issue = await this.call(() =>
      this.client.issues.getIssue({ issueIdOrKey: key, fields: [...JIRA_TICKET_FIELDS] }),
    );
    return this.call(async () => jiraIssueToTicket(issue, this.siteUrl));
  }

  async findOwnNote(key: string, marker: string): Promise<OwnNote | null> {
    const bot = await this.botId();
    for (let startAt = 0; ;) {
      const page = await this.call(() =>
        this.client.issueComments.getComments({
          issueIdOrKey: key,
          startAt,
          maxResults: COMMENT_PAGE_SIZE,
          orderBy: 'created',
        }),
      );
      const comments = page.comments ?? [];
      for (const comment of comments) {
        if (!comment.id || comment.author?.accountId !== bot) continue;
        const text = adfToText(comment.body);
        if (text.includes(marker)) return { id: comment.id, text };
      }
      startAt += comments.length;
      if (comments.length === 0 || startAt >= (page.total ?? 0)) return null;
    }
  }

  async upsertNote(
    key: string,
    note: NoteContent,
    existingNoteId?: string | null,
  ): Promise<UpsertNoteResult> {
    if (existingNoteId) {
      try {
        return await this.updateNote(key, existingNoteId, note);
      } catch (error) {
        // Someone deleted our comment: fall through and find or create it again.
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    const found = await this.findOwnNote(key, note.marker);
    if (found) return this.updateNote(key, found.id, note);
    const created = await this.call(() =>
      this.client.issueComments.addComment({ issueIdOrKey: key, comment: asJiraDocument(note.adf) }),
    );
    if (!created.id) throw new InvalidRequestError(`Jira created a comment on ${key} without an id`);
    return { noteId: created.id, action: 'created' };
  }

  private async updateNote(key: string, id: string, note: NoteContent): Promise<UpsertNoteResult> {
    await this.call(() =>
      this.client.issueComments.updateComment({
        issueIdOrKey: key,
        id,
        body: asJiraDocument(note.adf),
        notifyUsers: this.notifyUsers,
      }),
    );
    return { noteId: id, action: 'updated' };
  }

  async setRiskLabel(
    key: string,
    present: boolean,
    currentLabels?: readonly string[],
  ): Promise<{ changed: boolean }> {
    const labels =
      currentLabels ??
      (await this.call(() => this.client.issues.getIssue({ issueIdOrKey: key, fields: ['labels'] }))).fields
        .labels ??
      [];
    if (labels.includes(this.riskLabel) === present) return { changed: false };
    // `update.labels` add/remove edits only our label; `fields.labels` would replace the user's set.
    await this.call(() =>
      this.client.issues.editIssue({
        issueIdOrKey: key,
        update: { labels: [present ? { add: this.riskLabel } : { remove: this.riskLabel }] },
        notifyUsers: this.notifyUsers,
      }),
    );
    return { changed: true };
  }

  async removeLabel(key: string, label: string): Promise<void> {
    if (/\s/.test(label)) throw new InvalidRequestError(`Jira labels cannot contain spaces: ${label}`);
    // Callers have just read the ticket carrying the label; `remove` edits only that one label.
    await this.call(() =>
      this.client.issues.editIssue({
        issueIdOrKey: key,
        update: { labels: [{ remove: label }] },
        notifyUsers: this.notifyUsers,
      }),
    );
  }

  /** Jira labels are free-form: a person can type any label, so there is nothing to prepare. */
  async ensureLabel(): Promise<void> {}

  async writeMachineData(key: string, data: MachineData): Promise<void> {
    const value = { reportUrl: data.reportUrl, title: data.title, subtitle: data.subtitle, data: data.data };
    const size = JSON.stringify(value).length;
    if (size > JIRA_PROPERTY_MAX_CHARS) {
      throw new InvalidRequestError(
        `machine data for ${key} is ${size} characters; Jira issue properties hold at most ${JIRA_PROPERTY_MAX_CHARS}`,
      );
    }
    await this.call(() =>
      this.client.issueProperties.setIssueProperty({
        issueIdOrKey: key,
        propertyKey: this.propertyKey,
        propertyValue: value,
      }),
    );
  }

  async searchBacklog(query: BacklogQuery, cursor?: string | null): Promise<BacklogPage> {
    if (!PROJECT_KEY.test(query.projectKey)) {
      throw new InvalidRequestError(`not a Jira project key: ${query.projectKey}`);
    }
    const jql = backlogJql(query.projectKey, query.jql);
    const page = await this.call(() =>
      this.client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
        jql,
        nextPageToken: cursor ?? undefined,
        maxResults: query.pageSize ?? DEFAULT_BACKLOG_PAGE_SIZE,
        fields: [...JIRA_TICKET_FIELDS],
      }),
    );
    const tickets = await this.call(async () =>
      (page.issues ?? []).map((issue) => jiraIssueToTicket(issue, this.siteUrl)),
    );
    // The token is absent on the last page (trackers.md §1.7); there is no total to compare against.
    return { tickets, nextCursor: page.nextPageToken ?? null };
  }

  private storyPointFields(): Promise<string[]> {
    this.pointFields ??= this.call(async () => storyPointFieldIds(await this.client.issueFields.getFields()));
    // A failed read is not remembered: the next call asks again.
    this.pointFields.catch(() => (this.pointFields = null));
    return this.pointFields;
  }

  async getLifecycles(keys: readonly string[]): Promise<LifecycleRead> {
    const read: LifecycleRead = { lifecycles: new Map(), unavailable: [] };
    // A malformed key could never be an issue; bulk fetch is asked only about plausible ones.
    const wanted = [...new Set(keys.map((key) => key.toUpperCase()))].filter((key) => ISSUE_KEY.test(key));
    if (wanted.length === 0) return read;
    const pointFields = await this.storyPointFields();
    for (let start = 0; start < wanted.length; start += BULK_FETCH_SIZE) {
      const batch = wanted.slice(start, start + BULK_FETCH_SIZE);
      // Bulk fetch, not `search/jql` with `key in (…)`: JQL fails the whole query on one deleted key.
      const answer = await this.call(() =>
        this.client.issues.bulkFetchIssues({
          issueIdsOrKeys: batch,
          fields: [...JIRA_LIFECYCLE_FIELDS, ...pointFields],
        }),
      );
      let moved = false;
      for (const issue of answer.issues ?? []) {
        const lifecycle = await this.call(async () => jiraIssueToLifecycle(issue, pointFields));
        if (batch.includes(lifecycle.key)) read.lifecycles.set(lifecycle.key, lifecycle);
        else moved = true;
      }
      // Jira answers a moved issue's old key with the issue under its new key, and says nothing of
      // which key it was asked as; history names the old key, so each unanswered key is asked alone.
      if (moved) await this.readMovedLifecycles(batch, pointFields, read);
      // Errors name issue ids, not keys: every key of the batch not returned is asked again later.
      if ((answer.issueErrors ?? []).length > 0) {
        read.unavailable.push(...batch.filter((key) => !read.lifecycles.has(key)));
      }
    }
    return read;
  }

  private async readMovedLifecycles(
    batch: readonly string[],
    pointFields: readonly string[],
    read: LifecycleRead,
  ): Promise<void> {
    for (const key of batch.filter((k) => !read.lifecycles.has(k))) {
      try {
        const issue = await this.call(() =>
          this.client.issues.getIssue({
            issueIdOrKey: key,
            fields: [...JIRA_LIFECYCLE_FIELDS, ...pointFields],
          }),
        );
        const lifecycle = await this.call(async () => jiraIssueToLifecycle(issue, pointFields));
        read.lifecycles.set(key, { ...lifecycle, key });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
  }
}
