import { randomUUID } from 'node:crypto';
import { attachmentJson, commentJson, issueUrl, issueWebhookData, labelJson } from './fake-linear.json';
import {
  GraphQLFailure,
  invalidInput,
  notFound,
  requireIssue,
  type OperationContext,
  type Resolver,
  type Variables,
} from './fake-linear.queries';
import type { LinearIssueRecord, LinearUserRecord } from './fake-linear.state';

type Input = Record<string, unknown>;

const inputOf = (variables: Variables): Input => (variables.input ?? {}) as Input;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The envelope every Linear webhook shares (trackers.md §5); webhookId/Timestamp are stamped at delivery. */
export function webhookEnvelope(
  ctx: { state: OperationContext['state']; viewer: LinearUserRecord },
  action: 'create' | 'update' | 'remove',
  type: string,
  data: Record<string, unknown>,
  extra: { url?: string; updatedFrom?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    action,
    type,
    data,
    ...(extra.url ? { url: extra.url } : {}),
    ...(extra.updatedFrom ? { updatedFrom: extra.updatedFrom } : {}),
    actor: { id: ctx.viewer.id, type: 'user', name: ctx.viewer.name },
    createdAt: ctx.state.now().toISOString(),
    organizationId: 'fake-organization',
  };
}

function issuePayload(
  ctx: OperationContext,
  issue: LinearIssueRecord,
  field: string,
): Record<string, unknown> {
  return {
    [field]: {
      __typename: 'IssuePayload',
      success: true,
      lastSyncId: ctx.state.nextSyncId(),
      issue: { id: issue.id },
    },
  };
}

/** Applies a label change with Linear's semantics: `labelIds` replaces, added/removed edit incrementally. */
function updateLabels(ctx: OperationContext, issue: LinearIssueRecord, input: Input): void {
  const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const wanted = [...ids(input.labelIds), ...ids(input.addedLabelIds)];
  for (const id of wanted) {
    const label = ctx.state.labels.get(id);
    if (!label || (label.teamId !== null && label.teamId !== issue.teamId))
      throw invalidInput(`Label ${id} not found in the issue's team`);
  }
  let next = input.labelIds !== undefined ? [...new Set(ids(input.labelIds))] : [...issue.labelIds];
  for (const id of ids(input.addedLabelIds)) if (!next.includes(id)) next.push(id);
  next = next.filter((id) => !ids(input.removedLabelIds).includes(id));
  issue.labelIds = next;
}

export function applyIssueUpdate(ctx: OperationContext, issue: LinearIssueRecord, input: Input): void {
  const before = {
    title: issue.title,
    description: issue.description,
    labelIds: [...issue.labelIds],
    stateId: issue.stateId,
    updatedAt: issue.updatedAt.toISOString(),
  };
  if (input.title !== undefined) issue.title = String(input.title);
  if (input.description !== undefined)
    issue.description = input.description === null ? null : String(input.description);
  if (input.stateId !== undefined) {
    const state = ctx.state.states.get(String(input.stateId));
    if (!state || state.teamId !== issue.teamId) throw invalidInput("State not found in the issue's team");
    issue.stateId = state.id;
    ctx.state.stampStateTimes(issue, ctx.state.now());
  }
  if (
    input.labelIds !== undefined ||
    input.addedLabelIds !== undefined ||
    input.removedLabelIds !== undefined
  ) {
    updateLabels(ctx, issue, input);
  }
  const updatedFrom: Record<string, unknown> = {};
  if (before.title !== issue.title) updatedFrom.title = before.title;
  if (before.description !== issue.description) updatedFrom.description = before.description;
  if (before.labelIds.join() !== issue.labelIds.join()) updatedFrom.labelIds = before.labelIds;
  if (before.stateId !== issue.stateId) updatedFrom.stateId = before.stateId;
  if (Object.keys(updatedFrom).length === 0) return;
  issue.updatedAt = ctx.state.now();
  updatedFrom.updatedAt = before.updatedAt;
  ctx.state.emit(
    webhookEnvelope(ctx, 'update', 'Issue', issueWebhookData(ctx.state, issue), {
      url: issueUrl(issue),
      updatedFrom,
    }),
  );
}

function emitComment(ctx: OperationContext, action: 'create' | 'update' | 'remove', commentId: string): void {
  const comment = ctx.state.comments.get(commentId);
  if (!comment) return;
  const issue = ctx.state.issues.get(comment.issueId);
  const data: Record<string, unknown> = {
    ...commentJson(comment, issue),
    userId: comment.userId,
    issue: issue
      ? { id: issue.id, identifier: issue.identifier, title: issue.title, url: issueUrl(issue) }
      : null,
  };
  ctx.state.emit(webhookEnvelope(ctx, action, 'Comment', data, { url: String(data.url ?? '') }));
}

/** Write operations, keyed by the operation name the SDK prints (`mutation createComment(…)`). */
export const MUTATIONS: Record<string, Resolver> = {
  createComment: (ctx, v) => {
    const input = inputOf(v);
    const issue = requireIssue(ctx, input.issueId);
    const body = str(input.body);
    if (!body) throw invalidInput('Comment body must not be empty');
    const id = str(input.id) ?? randomUUID();
    // Client-chosen ids must be unique; Linear's exact answer to a duplicate is not documented.
    if (ctx.state.comments.has(id)) throw invalidInput('A comment with this id already exists');
    const now = ctx.state.now();
    ctx.state.comments.set(id, {
      id,
      issueId: issue.id,
      body,
      userId: ctx.viewer.id,
      createdAt: now,
      updatedAt: now,
      editedAt: null,
    });
    emitComment(ctx, 'create', id);
    return {
      commentCreate: {
        __typename: 'CommentPayload',
        success: true,
        lastSyncId: ctx.state.nextSyncId(),
        comment: { id },
      },
    };
  },
  updateComment: (ctx, v) => {
    const comment = ctx.state.comments.get(String(v.id));
    if (!comment) throw notFound('Comment');
    if (comment.userId !== ctx.viewer.id) {
      throw new GraphQLFailure('You can only edit your own comments', 400, {
        type: 'forbidden',
        code: 'FORBIDDEN',
        userError: true,
      });
    }
    const body = str(inputOf(v).body);
    if (body !== undefined) comment.body = body;
    comment.updatedAt = ctx.state.now();
    if (v.skipEditedAt !== true) comment.editedAt = comment.updatedAt;
    emitComment(ctx, 'update', comment.id);
    return {
      commentUpdate: {
        __typename: 'CommentPayload',
        success: true,
        lastSyncId: ctx.state.nextSyncId(),
        comment: { id: comment.id },
      },
    };
  },
  deleteComment: (ctx, v) => {
    const id = String(v.id);
    if (!ctx.state.comments.has(id)) throw notFound('Comment');
    emitComment(ctx, 'remove', id);
    ctx.state.comments.delete(id);
    return {
      commentDelete: {
        __typename: 'DeletePayload',
        success: true,
        entityId: id,
        lastSyncId: ctx.state.nextSyncId(),
      },
    };
  },
  createIssueLabel: (ctx, v) => {
    const input = inputOf(v);
    const name = str(input.name);
    if (!name) throw invalidInput('Label name must not be empty');
    const teamId = str(input.teamId) ?? null;
    if (teamId !== null && !ctx.state.teams.has(teamId)) throw notFound('Team');
    const clash = [...ctx.state.labels.values()].some(
      (label) =>
        label.name.toLowerCase() === name.toLowerCase() &&
        (label.teamId === teamId || label.teamId === null || teamId === null),
    );
    if (clash) throw invalidInput('Duplicate label name');
    const label = {
      id: str(input.id) ?? randomUUID(),
      name,
      teamId,
      color: str(input.color) ?? '#bec2c8',
      description: str(input.description) ?? null,
      createdAt: ctx.state.now(),
    };
    ctx.state.labels.set(label.id, label);
    ctx.state.emit(webhookEnvelope(ctx, 'create', 'IssueLabel', labelJson(label)));
    return {
      issueLabelCreate: {
        __typename: 'IssueLabelPayload',
        success: true,
        lastSyncId: ctx.state.nextSyncId(),
        issueLabel: { id: label.id },
      },
    };
  },
  updateIssue: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    applyIssueUpdate(ctx, issue, inputOf(v));
    return issuePayload(ctx, issue, 'issueUpdate');
  },
  issueAddLabel: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    applyIssueUpdate(ctx, issue, { addedLabelIds: [String(v.labelId)] });
    return issuePayload(ctx, issue, 'issueAddLabel');
  },
  issueRemoveLabel: (ctx, v) => {
    const issue = requireIssue(ctx, v.id);
    applyIssueUpdate(ctx, issue, { removedLabelIds: [String(v.labelId)] });
    return issuePayload(ctx, issue, 'issueRemoveLabel');
  },
  createAttachment: (ctx, v) => {
    const input = inputOf(v);
    const issue = requireIssue(ctx, input.issueId);
    const url = str(input.url);
    const title = str(input.title);
    if (!url || !title) throw invalidInput('Attachment url and title are required');
    const now = ctx.state.now();
    // Same issue + same URL updates the existing attachment (SDK docs of attachmentCreate).
    const existing = [...ctx.state.attachments.values()].find((a) => a.issueId === issue.id && a.url === url);
    const metadata = (input.metadata ?? existing?.metadata ?? {}) as Record<string, unknown>;
    const attachment = existing
      ? Object.assign(existing, { title, subtitle: str(input.subtitle) ?? null, metadata, updatedAt: now })
      : {
          id: str(input.id) ?? randomUUID(),
          issueId: issue.id,
          url,
          title,
          subtitle: str(input.subtitle) ?? null,
          metadata,
          creatorId: ctx.viewer.id,
          createdAt: now,
          updatedAt: now,
        };
    ctx.state.attachments.set(attachment.id, attachment);
    ctx.state.emit(
      webhookEnvelope(ctx, existing ? 'update' : 'create', 'Attachment', attachmentJson(attachment)),
    );
    return {
      attachmentCreate: {
        __typename: 'AttachmentPayload',
        success: true,
        lastSyncId: ctx.state.nextSyncId(),
        attachment: { id: attachment.id },
      },
    };
  },
  deleteAttachment: (ctx, v) => {
    const id = String(v.id);
    const attachment = ctx.state.attachments.get(id);
    if (!attachment) throw notFound('Attachment');
    ctx.state.attachments.delete(id);
    ctx.state.emit(webhookEnvelope(ctx, 'remove', 'Attachment', attachmentJson(attachment)));
    return {
      attachmentDelete: {
        __typename: 'DeletePayload',
        success: true,
        entityId: id,
        lastSyncId: ctx.state.nextSyncId(),
      },
    };
  },
};
