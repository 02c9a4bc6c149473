import { LinearClient, type Issue } from '@linear/sdk';
import { markdownToText } from '../text/markdown-text';
import { linearPhaseOf } from '../ticket-phase';
import type {
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
import { LINEAR_FEEDBACK_LABEL, LINEAR_RISK_LABEL } from '../tracker-constants';
import { InvalidRequestError, NotFoundError } from '../tracker-errors';
import type { LinearTrackerOptions } from '../tracker-options';
import { linearErrorToTrackerError } from './linear-error.mapper';
import { LinearLabelDirectory, type LabelSpec } from './linear-label.directory';

const PAGE_SIZE = 100;
const DEFAULT_BACKLOG_PAGE_SIZE = 50;
const ISSUE_IDENTIFIER = /^([A-Z][A-Z0-9_]*)-(\d+)$/;
/** Un-started work in Linear's workflow model; `started` and later are past grooming. */
const BACKLOG_STATE_TYPES = ['triage', 'backlog', 'unstarted'];

type LabelLook = Omit<LabelSpec, 'name'>;
const RISK_LOOK: LabelLook = {
  color: '#EB5757',
  description: 'Set by Sightline when the code a ticket touches is high risk.',
};
/** How labels people apply for Sightline look when Sightline has to create them. */
const LOOKS: Record<string, LabelLook> = {
  [LINEAR_FEEDBACK_LABEL]: {
    color: '#95A2B3',
    description:
      'Add it when the area Sightline’s note leads with is wrong: Sightline records that, removes the label and matches the ticket again.',
  },
};
const DEFAULT_LOOK: LabelLook = { color: '#95A2B3', description: 'Used by Sightline.' };

interface StateInfo {
  name: string;
  type: string;
}

/** An issue's label names, sorted (trackers promise no order); ids without a name are left out. */
function labelNamesOf(issue: Issue, names: ReadonlyMap<string, string>): string[] {
  return issue.labelIds
    .map((id) => names.get(id))
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Linear GraphQL through @linear/sdk's `LinearClient` (API key or OAuth token). */
export class LinearTrackerClient implements TrackerClient {
  readonly kind = 'linear' as const;
  private readonly linear: LinearClient;
  private readonly now: () => number;
  private readonly riskLabel: string;
  private readonly labels: LinearLabelDirectory;
  /** Workflow states never change type, so one read per state id is enough for the process. */
  private readonly states = new Map<string, StateInfo>();
  /** Team key + label name pairs known to exist, so `ensureLabel` costs nothing after the first call. */
  private readonly ensuredLabels = new Set<string>();
  private bot: BotIdentity | null = null;
  private botAccountId: string | null;

  constructor(options: LinearTrackerOptions) {
    const credentials = options.credentials;
    this.linear = new LinearClient({
      ...(credentials.kind === 'api-key'
        ? { apiKey: credentials.apiKey }
        : { accessToken: credentials.accessToken }),
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    });
    this.now = options.now ?? Date.now;
    this.riskLabel = options.riskLabel ?? LINEAR_RISK_LABEL;
    this.botAccountId = options.botAccountId ?? null;
    this.labels = new LinearLabelDirectory(this.linear, (request) => this.call(request), this.now);
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw linearErrorToTrackerError(error, this.now());
    }
  }

  async whoAmI(): Promise<BotIdentity> {
    if (this.bot) return this.bot;
    const viewer = await this.call(() => this.linear.viewer);
    this.bot = { accountId: viewer.id, displayName: viewer.displayName || viewer.name };
    this.botAccountId = viewer.id;
    return this.bot;
  }

  private async botId(): Promise<string> {
    return this.botAccountId ?? (await this.whoAmI()).accountId;
  }

  private issue(key: string): Promise<Issue> {
    return this.call(() => this.linear.issue(key));
  }

  private async stateOf(stateId: string | undefined): Promise<StateInfo> {
    if (!stateId) return { name: '', type: 'unstarted' };
    const known = this.states.get(stateId);
    if (known) return known;
    const state = await this.call(() => this.linear.workflowState(stateId));
    const info = { name: state.name, type: state.type };
    this.states.set(stateId, info);
    return info;
  }

  private toTicket(issue: Issue, labelNames: string[], state: StateInfo): Ticket {
    const dash = issue.identifier.lastIndexOf('-');
    return {
      tracker: 'linear',
      key: issue.identifier,
      id: issue.id,
      projectKey: dash > 0 ? issue.identifier.slice(0, dash) : issue.identifier,
      title: issue.title,
      description: issue.description ? markdownToText(issue.description) : '',
      descriptionSource: issue.description ? { format: 'markdown', text: issue.description } : null,
      type: null,
      status: { name: state.name, category: state.type, phase: linearPhaseOf(state.type) },
      labels: labelNames,
      components: [],
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      url: issue.url,
    };
  }

  async getTicket(key: string): Promise<Ticket> {
    const issue = await this.issue(key);
    const names = await this.labels.namesOf(issue.labelIds);
    return this.toTicket(issue, labelNamesOf(issue, names), await this.stateOf(issue.stateId));
  }

  /**
   * Our note among the issue's comments. The comments are asked for by team key and number, so
   * the issue itself needs no read of its own (a request a note saved under rate limits).
   */
  async findOwnNote(key: string, marker: string): Promise<OwnNote | null> {
    const parsed = ISSUE_IDENTIFIER.exec(key.toUpperCase());
    if (!parsed) throw new NotFoundError(`not a Linear issue identifier: ${key}`);
    const filter = { issue: { team: { key: { eq: parsed[1] } }, number: { eq: Number(parsed[2]) } } };
    const bot = await this.botId();
    for (let after: string | undefined; ;) {
      const page = await this.call(() => this.linear.comments({ filter, first: PAGE_SIZE, after }));
      const comments = [...page.nodes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const own = comments.find((comment) => comment.userId === bot && comment.body.includes(marker));
      if (own) return { id: own.id, text: own.body };
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return null;
      after = page.pageInfo.endCursor;
    }
  }

  async upsertNote(
    key: string,
    note: NoteContent,
    existingNoteId?: string | null,
  ): Promise<UpsertNoteResult> {
    if (existingNoteId) {
      try {
        return await this.updateNote(existingNoteId, note);
      } catch (error) {
        // Someone deleted our comment: fall through and find or create it again.
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    const found = await this.findOwnNote(key, note.marker);
    if (found) return this.updateNote(found.id, note);
    // Linear takes the identifier where an issue id is asked for.
    const payload = await this.call(() =>
      this.linear.createComment({ issueId: key, body: note.markdown, doNotSubscribeToIssue: true }),
    );
    if (!payload.success || !payload.commentId)
      throw new InvalidRequestError(`Linear did not create the comment on ${key}`);
    return { noteId: payload.commentId, action: 'created' };
  }

  private async updateNote(id: string, note: NoteContent): Promise<UpsertNoteResult> {
    const payload = await this.call(() => this.linear.updateComment(id, { body: note.markdown }));
    if (!payload.success) throw new InvalidRequestError(`Linear did not update comment ${id}`);
    return { noteId: id, action: 'updated' };
  }

  async setRiskLabel(
    key: string,
    present: boolean,
    currentLabels?: readonly string[],
  ): Promise<{ changed: boolean }> {
    if (currentLabels && currentLabels.includes(this.riskLabel) === present) return { changed: false };
    const issue = await this.issue(key);
    const teamId = issue.teamId;
    if (!teamId) throw new InvalidRequestError(`Linear issue ${key} has no team`);
    // Removing a label that does not exist yet is a no-op; never create it just to remove it.
    const labelId = present
      ? await this.labels.ensure(teamId, { name: this.riskLabel, ...RISK_LOOK })
      : await this.labels.find(teamId, this.riskLabel);
    if (!labelId || issue.labelIds.includes(labelId) === present) return { changed: false };
    const input = present ? { addedLabelIds: [labelId] } : { removedLabelIds: [labelId] };
    const payload = await this.call(() => this.linear.updateIssue(issue.id, input));
    if (!payload.success) throw new InvalidRequestError(`Linear did not update the labels of ${key}`);
    return { changed: true };
  }

  async removeLabel(key: string, label: string): Promise<void> {
    const issue = await this.issue(key);
    // Only the ticket's own labels matter: a same-named label of another team is not on it.
    for (let after: string | undefined; ;) {
      const page = await this.call(() => issue.labels({ first: PAGE_SIZE, after }));
      const found = page.nodes.find((candidate) => candidate.name === label);
      if (found) {
        const payload = await this.call(() =>
          this.linear.updateIssue(issue.id, { removedLabelIds: [found.id] }),
        );
        if (!payload.success) throw new InvalidRequestError(`Linear did not update the labels of ${key}`);
        return;
      }
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  async ensureLabel(key: string, label: string): Promise<void> {
    const dash = key.lastIndexOf('-');
    const known = `${dash > 0 ? key.slice(0, dash).toUpperCase() : key}\u0000${label}`;
    if (this.ensuredLabels.has(known)) return;
    const issue = await this.issue(key);
    if (!issue.teamId) throw new InvalidRequestError(`Linear issue ${key} has no team`);
    await this.labels.ensure(issue.teamId, { name: label, ...(LOOKS[label] ?? DEFAULT_LOOK) });
    this.ensuredLabels.add(known);
  }

  async writeMachineData(
    key: string,
    data: MachineData,
    options: { replacesLink?: boolean } = {},
  ): Promise<void> {
    // Same issue + same URL updates the existing attachment instead of adding one (SDK docs).
    const payload = await this.call(() =>
      this.linear.createAttachment({
        issueId: key,
        url: data.reportUrl,
        title: data.title,
        subtitle: data.subtitle,
        metadata: data.data,
      }),
    );
    if (!payload.success) throw new InvalidRequestError(`Linear did not store the attachment on ${key}`);
    // Removed only after the new one is stored, so the issue always shows one of ours.
    if (options.replacesLink) await this.removeOtherAttachments(key, data);
  }

  /**
   * Our attachments on the issue under another URL: an older report link. Ours means made by the
   * bot account with the same title, so a link a person attached is never touched.
   */
  private async removeOtherAttachments(key: string, data: MachineData): Promise<void> {
    const issue = await this.issue(key);
    const filter = { title: { eq: data.title }, creator: { id: { eq: await this.botId() } } };
    const stale: string[] = [];
    for (let after: string | undefined; ;) {
      const page = await this.call(() => issue.attachments({ filter, first: PAGE_SIZE, after }));
      stale.push(...page.nodes.filter((attachment) => attachment.url !== data.reportUrl).map((a) => a.id));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    for (const id of stale) {
      const deleted = await this.call(() => this.linear.deleteAttachment(id));
      if (!deleted.success) throw new InvalidRequestError(`Linear did not delete attachment ${id} on ${key}`);
    }
  }

  async searchBacklog(query: BacklogQuery, cursor?: string | null): Promise<BacklogPage> {
    const page = await this.call(() =>
      this.linear.issues({
        filter: { team: { key: { eq: query.projectKey } }, state: { type: { in: BACKLOG_STATE_TYPES } } },
        first: query.pageSize ?? DEFAULT_BACKLOG_PAGE_SIZE,
        after: cursor ?? undefined,
      }),
    );
    const labelIds = [...new Set(page.nodes.flatMap((issue) => issue.labelIds))];
    const names = await this.labels.namesOf(labelIds);
    const tickets: Ticket[] = [];
    for (const issue of page.nodes) {
      tickets.push(this.toTicket(issue, labelNamesOf(issue, names), await this.stateOf(issue.stateId)));
    }
    const next = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    return { tickets, nextCursor: next };
  }

  async getLifecycles(keys: readonly string[]): Promise<LifecycleRead> {
    const read: LifecycleRead = { lifecycles: new Map(), unavailable: [] };
    // Identifiers are team key + number: one filtered query per team and 100 numbers.
    const byTeam = new Map<string, number[]>();
    for (const key of new Set(keys.map((k) => k.toUpperCase()))) {
      const parsed = ISSUE_IDENTIFIER.exec(key);
      if (!parsed) continue;
      byTeam.set(parsed[1], [...(byTeam.get(parsed[1]) ?? []), Number(parsed[2])]);
    }
    for (const [team, numbers] of byTeam) {
      for (let start = 0; start < numbers.length; start += PAGE_SIZE) {
        const batch = numbers.slice(start, start + PAGE_SIZE);
        const page = await this.call(() =>
          this.linear.issues({
            filter: { team: { key: { eq: team } }, number: { in: batch } },
            first: PAGE_SIZE,
            // Linear archives closed issues after a while; the past is what this read is for.
            includeArchived: true,
          }),
        );
        for (const issue of page.nodes) {
          const state = await this.stateOf(issue.stateId);
          const phase = linearPhaseOf(state.type);
          read.lifecycles.set(issue.identifier, {
            key: issue.identifier,
            createdAt: issue.createdAt,
            // Set only when moved to a completed state; canceled and duplicate issues have none.
            completedAt: state.type === 'completed' ? (issue.completedAt ?? null) : null,
            phase,
            estimate: typeof issue.estimate === 'number' ? issue.estimate : null,
          });
        }
      }
    }
    return read;
  }
}
