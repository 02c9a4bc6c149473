import {
  attachmentView,
  commentView,
  issueView,
  labelView,
  matchesFilter,
  workflowStateView,
} from './fake-linear.filter';
import {
  attachmentJson,
  commentJson,
  issueJson,
  labelJson,
  paginate,
  stateJson,
  teamJson,
  userJson,
} from './fake-linear.json';
import type {
  FakeLinearState,
  LinearIssueRecord,
  LinearTeamRecord,
  LinearUserRecord,
} from './fake-linear.state';

/** A GraphQL error the fake answers with: `errors[0]` plus the HTTP status to use. */
export class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (entity: string): GraphQLFailure =>
  new GraphQLFailure(`Entity not found: ${entity}`, 200, {
    type: 'invalid input',
    code: 'INPUT_ERROR',
    userError: true,
    userPresentableMessage: `Could not find referenced ${entity}.`,
  });

export const invalidInput = (message: string): GraphQLFailure =>
  new GraphQLFailure(message, 400, {
    type: 'invalid input',
    code: 'INPUT_ERROR',
    userError: true,
    userPresentableMessage: message,
  });

export interface OperationContext {
  state: FakeLinearState;
  viewer: LinearUserRecord;
}

export type Variables = Record<string, unknown>;
export type Resolver = (ctx: OperationContext, variables: Variables) => Record<string, unknown>;

const byCreation = <T extends { createdAt: Date; id: string }>(items: Iterable<T>): T[] =>
  [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));

export function requireIssue(ctx: OperationContext, id: unknown): LinearIssueRecord {
  const issue = typeof id === 'string' ? ctx.state.findIssue(id) : undefined;
  if (!issue) throw notFound('Issue');
  return issue;
}

function requireTeam(ctx: OperationContext, id: unknown): LinearTeamRecord {
  const team = typeof id === 'string' ? (ctx.state.teams.get(id) ?? ctx.state.teamByKey(id)) : undefined;
  if (!team) throw notFound('Team');
  return team;
}

function connection<T extends { id: string }>(
  items: T[],
  variables: Variables,
  toJson: (item: T) => Record<string, unknown>,
) {
  const page = paginate(items, variables);
  return { nodes: page.nodes.map(toJson), pageInfo: page.pageInfo };
}

function labels(ctx: OperationContext, variables: Variables, scope: (teamId: string | null) => boolean) {
  const items = byCreation(ctx.state.labels.values()).filter(
    (label) => scope(label.teamId) && matchesFilter(labelView(ctx.state, label), variables.filter),
  );
  return connection(items, variables, labelJson);
}

function issues(ctx: OperationContext, variables: Variables, scope: (issue: LinearIssueRecord) => boolean) {
  const withArchived = variables.includeArchived === true;
  const items = byCreation(ctx.state.issues.values()).filter(
    (issue) =>
      (withArchived || issue.archivedAt === null) &&
      scope(issue) &&
      matchesFilter(issueView(ctx.state, issue), variables.filter),
  );
  return connection(items, variables, issueJson);
}

const NO_ISSUE = '';

/**
 * The issue a comment filter pins by id or by team key and number, or undefined when it pins none;
 * its comments are the only candidates, as Linear's index would have it (a filter evaluated on
 * every comment of a large fake workspace makes the fake, not the client, the bottleneck).
 */
function pinnedIssueId(ctx: OperationContext, filter: unknown): string | undefined {
  const issue = (filter as { issue?: Record<string, unknown> } | undefined)?.issue;
  if (!issue) return undefined;
  const eq = (value: unknown) => (value as { eq?: unknown } | undefined)?.eq;
  const id = eq(issue.id);
  const team = eq((issue.team as { key?: unknown } | undefined)?.key);
  const number = eq(issue.number);
  const wanted =
    typeof id === 'string'
      ? id
      : typeof team === 'string' && typeof number === 'number'
        ? `${team}-${number}`
        : undefined;
  // An issue that does not exist pins no comment at all.
  return wanted === undefined ? undefined : (ctx.state.findIssue(wanted)?.id ?? NO_ISSUE);
}

function comments(ctx: OperationContext, variables: Variables, scope: (issueId: string) => boolean) {
  const pinned = pinnedIssueId(ctx, variables.filter);
  const items = byCreation(ctx.state.comments.values()).filter(
    (comment) =>
      (pinned === undefined || comment.issueId === pinned) &&
      scope(comment.issueId) &&
      matchesFilter(commentView(ctx.state, comment), variables.filter),
  );
  return connection(items, variables, (comment) =>
    commentJson(comment, ctx.state.issues.get(comment.issueId)),
  );
}

function attachments(
  ctx: OperationContext,
  variables: Variables,
  scope: (issueId: string, url: string) => boolean,
) {
  const items = byCreation(ctx.state.attachments.values()).filter(
    (a) => scope(a.issueId, a.url) && matchesFilter(attachmentView(ctx.state, a), variables.filter),
  );
  return connection(items, variables, attachmentJson);
}

function states(ctx: OperationContext, variables: Variables, scope: (teamId: string) => boolean) {
  const items = [...ctx.state.states.values()]
    .filter((s) => scope(s.teamId) && matchesFilter(workflowStateView(ctx.state, s), variables.filter))
    .map((s) => ({ ...s, createdAt: new Date(0) }));
  return connection(items, variables, (s) => stateJson(s, ctx.state.now()));
}

/** Read operations, keyed by the operation name the SDK prints (`query issue_labels(…)`). */
export const QUERIES: Record<string, Resolver> = {
  viewer: (ctx) => ({ viewer: { ...userJson(ctx.viewer, ctx.state.now()), isMe: true } }),
  issue: (ctx, v) => ({ issue: issueJson(requireIssue(ctx, v.id)) }),
  issue_labels: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    const items = issue.labelIds.map((id) => ctx.state.labels.get(id)).filter((l) => l !== undefined);
    const filtered = items.filter((label) => matchesFilter(labelView(ctx.state, label), v.filter));
    return { issue: { id: issue.id, labels: connection(filtered, v, labelJson) } };
  },
  issue_comments: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    return { issue: { id: issue.id, comments: comments(ctx, v, (issueId) => issueId === issue.id) } };
  },
  issue_attachments: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    return { issue: { id: issue.id, attachments: attachments(ctx, v, (issueId) => issueId === issue.id) } };
  },
  workflowState: (ctx, v) => {
    const found = typeof v.id === 'string' ? ctx.state.states.get(v.id) : undefined;
    if (!found) throw notFound('WorkflowState');
    return { workflowState: stateJson(found, ctx.state.now()) };
  },
  workflowStates: (ctx, v) => ({ workflowStates: states(ctx, v, () => true) }),
  team: (ctx, v) => ({ team: teamJson(requireTeam(ctx, v.id), ctx.state.now()) }),
  team_labels: (ctx, v) => {
    const team = requireTeam(ctx, v.id);
    return { team: { id: team.id, labels: labels(ctx, v, (teamId) => teamId === team.id) } };
  },
  team_states: (ctx, v) => {
    const team = requireTeam(ctx, v.id);
    return { team: { id: team.id, states: states(ctx, v, (teamId) => teamId === team.id) } };
  },
  team_issues: (ctx, v) => {
    const team = requireTeam(ctx, v.id);
    return { team: { id: team.id, issues: issues(ctx, v, (issue) => issue.teamId === team.id) } };
  },
  issueLabels: (ctx, v) => ({ issueLabels: labels(ctx, v, () => true) }),
  issues: (ctx, v) => ({ issues: issues(ctx, v, () => true) }),
  comments: (ctx, v) => ({ comments: comments(ctx, v, () => true) }),
  attachments: (ctx, v) => ({ attachments: attachments(ctx, v, () => true) }),
  attachmentsForURL: (ctx, v) => ({
    attachmentsForURL: attachments(ctx, v, (_issueId, url) => url === v.url),
  }),
};
