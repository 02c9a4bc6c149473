import type {
  FakeLinearState,
  LinearAttachmentRecord,
  LinearCommentRecord,
  LinearIssueRecord,
  LinearLabelRecord,
  LinearTeamRecord,
  LinearUserRecord,
  LinearWorkflowStateRecord,
} from './fake-linear.state';

/*
 * GraphQL response objects in the shapes @linear/sdk's models parse (trackers.md §4.2). Fields the
 * generated fragments select but the fake does not model are present as null/empty; the nested
 * ones the SDK dereferences without a null check (reactions, sharedAccess) are always there.
 */
type Json = Record<string, unknown>;

export const WORKSPACE_URL = 'https://linear.app/fake-workspace';
const ref = (id: string | null | undefined): Json | null => (id ? { id } : null);
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function userJson(user: LinearUserRecord, now: Date): Json {
  return {
    __typename: 'User',
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    email: user.email,
    active: true,
    admin: false,
    guest: false,
    isMe: false,
    app: user.id.startsWith('bot'),
    url: `${WORKSPACE_URL}/profiles/${user.displayName}`,
    avatarUrl: null,
    createdIssueCount: 0,
    createdAt: iso(now),
    updatedAt: iso(now),
  };
}

export function teamJson(team: LinearTeamRecord, now: Date): Json {
  return {
    __typename: 'Team',
    id: team.id,
    key: team.key,
    name: team.name,
    private: false,
    createdAt: iso(now),
    updatedAt: iso(now),
  };
}

export function stateJson(state: LinearWorkflowStateRecord, now: Date): Json {
  return {
    __typename: 'WorkflowState',
    id: state.id,
    name: state.name,
    type: state.type,
    color: '#95a2b3',
    position: state.position,
    description: null,
    team: ref(state.teamId),
    inheritedFrom: null,
    archivedAt: null,
    createdAt: iso(now),
    updatedAt: iso(now),
  };
}

export function labelJson(label: LinearLabelRecord): Json {
  return {
    __typename: 'IssueLabel',
    id: label.id,
    name: label.name,
    color: label.color,
    description: label.description,
    isGroup: false,
    groupType: null,
    lastAppliedAt: null,
    team: ref(label.teamId),
    parent: null,
    inheritedFrom: null,
    creator: null,
    retiredBy: null,
    archivedAt: null,
    createdAt: iso(label.createdAt),
    updatedAt: iso(label.createdAt),
  };
}

export function issueUrl(issue: LinearIssueRecord): string {
  const slug = issue.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${WORKSPACE_URL}/issue/${issue.identifier.toLowerCase()}/${slug}`;
}

export function issueJson(issue: LinearIssueRecord): Json {
  return {
    __typename: 'Issue',
    id: issue.id,
    identifier: issue.identifier,
    number: issue.number,
    title: issue.title,
    description: issue.description,
    url: issueUrl(issue),
    branchName: `${issue.identifier.toLowerCase()}`,
    labelIds: [...issue.labelIds],
    priority: 0,
    priorityLabel: 'No priority',
    prioritySortOrder: 0,
    sortOrder: 0,
    boardOrder: 0,
    estimate: issue.estimate,
    customerTicketCount: 0,
    previousIdentifiers: [],
    reactionData: [],
    reactions: [],
    sharedAccess: {
      __typename: 'IssueSharedAccess',
      isShared: false,
      sharedWithCount: 0,
      viewerHasOnlySharedAccess: false,
      disallowedIssueFields: [],
      sharedWithUsers: [],
    },
    inheritsSharedAccess: false,
    trashed: null,
    team: ref(issue.teamId),
    state: ref(issue.stateId),
    creator: ref(issue.creatorId),
    assignee: null,
    project: null,
    cycle: null,
    parent: null,
    botActor: null,
    syncedWith: null,
    archivedAt: iso(issue.archivedAt),
    completedAt: iso(issue.completedAt),
    canceledAt: iso(issue.canceledAt),
    startedAt: null,
    createdAt: iso(issue.createdAt),
    updatedAt: iso(issue.updatedAt),
  };
}

export function commentJson(comment: LinearCommentRecord, issue: LinearIssueRecord | undefined): Json {
  return {
    __typename: 'Comment',
    id: comment.id,
    body: comment.body,
    url: issue ? `${issueUrl(issue)}#comment-${comment.id.slice(0, 8)}` : null,
    issueId: comment.issueId,
    issue: ref(comment.issueId),
    user: ref(comment.userId),
    parent: null,
    parentId: null,
    botActor: null,
    documentContent: null,
    externalThread: null,
    syncedWith: null,
    reactionData: [],
    reactions: [],
    quotedText: null,
    resolvedAt: null,
    archivedAt: null,
    editedAt: iso(comment.editedAt),
    createdAt: iso(comment.createdAt),
    updatedAt: iso(comment.updatedAt),
  };
}

export function attachmentJson(attachment: LinearAttachmentRecord): Json {
  return {
    __typename: 'Attachment',
    id: attachment.id,
    url: attachment.url,
    title: attachment.title,
    subtitle: attachment.subtitle,
    metadata: attachment.metadata,
    source: null,
    sourceType: null,
    groupBySource: false,
    bodyData: null,
    issue: ref(attachment.issueId),
    originalIssue: null,
    creator: ref(attachment.creatorId),
    externalUserCreator: null,
    archivedAt: null,
    createdAt: iso(attachment.createdAt),
    updatedAt: iso(attachment.updatedAt),
  };
}

/** Issue data as Linear webhooks carry it (with label names and team key, unlike the API's Issue). */
export function issueWebhookData(state: FakeLinearState, issue: LinearIssueRecord): Json {
  const team = state.teams.get(issue.teamId);
  const workflow = state.states.get(issue.stateId);
  return {
    id: issue.id,
    identifier: issue.identifier,
    number: issue.number,
    title: issue.title,
    description: issue.description,
    priority: 0,
    url: issueUrl(issue),
    labelIds: [...issue.labelIds],
    labels: issue.labelIds
      .map((id) => state.labels.get(id))
      .filter(Boolean)
      .map((l) => ({ id: l?.id, name: l?.name, color: l?.color })),
    teamId: issue.teamId,
    team: team ? { id: team.id, key: team.key, name: team.name } : null,
    stateId: issue.stateId,
    state: workflow ? { id: workflow.id, name: workflow.name, type: workflow.type, color: '#95a2b3' } : null,
    creatorId: issue.creatorId,
    createdAt: iso(issue.createdAt),
    updatedAt: iso(issue.updatedAt),
  };
}

export interface Page<T> {
  nodes: T[];
  pageInfo: {
    __typename: 'PageInfo';
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Relay page over items ordered by creation; the cursor is the last item's id. */
export function paginate<T extends { id: string }>(items: T[], variables: Record<string, unknown>): Page<T> {
  const first = typeof variables.first === 'number' ? variables.first : 50;
  if (first < 1 || first > 250) throw new Error('first must be between 1 and 250');
  const after = typeof variables.after === 'string' ? variables.after : undefined;
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  if (after && start === 0) throw new Error(`invalid cursor: ${after}`);
  const nodes = items.slice(start, start + first);
  return {
    nodes,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes[0]?.id ?? null,
      endCursor: nodes[nodes.length - 1]?.id ?? null,
    },
  };
}
