import type { FakeResponse, ParsedRequest } from '../fake-http/fake-http';
import { adfSchemaErrors } from './adf-schema.validator';
import { commentJson, issueJson, jiraError, userJson } from './fake-jira.json';
import type { JiraRouteContext } from './fake-jira.routes';
import type { JiraIssueRecord } from './fake-jira.state';

/** Jira's documented limit for an issue property value. */
export const JIRA_PROPERTY_LIMIT = 32_768;

function emitComment(
  ctx: JiraRouteContext,
  issue: JiraIssueRecord,
  event: string,
  comment: Record<string, unknown>,
): void {
  ctx.state.emit({
    timestamp: ctx.state.now().getTime(),
    webhookEvent: event,
    comment,
    issue: issueJson(ctx.base, issue, ['summary', 'project', 'issuetype', 'status']),
  });
}

/** Real Jira rejects a body that is not an ADF document; the fake checks it against the official schema. */
function invalidBody(body: unknown): FakeResponse | null {
  const errors = adfSchemaErrors(body);
  if (errors.length === 0) return null;
  return { status: 400, body: jiraError(['INVALID_INPUT'], { comment: errors.slice(0, 3).join('; ') }) };
}

export function handleComments(
  ctx: JiraRouteContext,
  issue: JiraIssueRecord,
  request: ParsedRequest,
  id: string | undefined,
): FakeResponse {
  const { method } = request;
  if (id === undefined && method === 'GET') {
    const startAt = Number(request.query.startAt?.[0] ?? 0);
    const maxResults = Math.min(Number(request.query.maxResults?.[0] ?? 5000), 5000);
    const newestFirst = request.query.orderBy?.[0] === '-created';
    const ordered = newestFirst ? [...issue.comments].reverse() : issue.comments;
    const page = ordered.slice(startAt, startAt + maxResults);
    return {
      status: 200,
      body: {
        startAt,
        maxResults,
        total: issue.comments.length,
        comments: page.map((c) => commentJson(ctx.base, issue, c)),
      },
    };
  }
  if (id === undefined && method === 'POST') {
    const body = (request.body as { body?: unknown } | undefined)?.body;
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    const now = ctx.state.now();
    const comment = {
      id: ctx.state.newCommentId(),
      author: ctx.user,
      updateAuthor: ctx.user,
      body,
      created: now,
      updated: now,
    };
    issue.comments.push(comment);
    const json = commentJson(ctx.base, issue, comment);
    emitComment(ctx, issue, 'comment_created', json);
    return { status: 201, body: json };
  }
  const comment = issue.comments.find((candidate) => candidate.id === id);
  if (!comment)
    return { status: 404, body: jiraError(['Can not find a comment for the id: ' + String(id) + '.']) };
  if (method === 'GET') return { status: 200, body: commentJson(ctx.base, issue, comment) };
  if (method === 'PUT') {
    const body = (request.body as { body?: unknown } | undefined)?.body;
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    comment.body = body;
    comment.updateAuthor = ctx.user;
    comment.updated = ctx.state.now();
    const json = commentJson(ctx.base, issue, comment);
    emitComment(ctx, issue, 'comment_updated', json);
    return { status: 200, body: json };
  }
  if (method === 'DELETE') {
    issue.comments = issue.comments.filter((candidate) => candidate !== comment);
    emitComment(ctx, issue, 'comment_deleted', commentJson(ctx.base, issue, comment));
    return { status: 204 };
  }
  return { status: 405, body: jiraError([`${method} is not allowed here`]) };
}

export function handleProperties(
  ctx: JiraRouteContext,
  issue: JiraIssueRecord,
  request: ParsedRequest,
  key: string | undefined,
): FakeResponse {
  const { method } = request;
  const self = (k: string): string =>
    `${ctx.base}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(k)}`;
  if (key === undefined) {
    if (method !== 'GET') return { status: 405, body: jiraError([`${method} is not allowed here`]) };
    return {
      status: 200,
      body: { keys: [...issue.properties.keys()].map((k) => ({ self: self(k), key: k })) },
    };
  }
  if (method === 'GET') {
    if (!issue.properties.has(key))
      return { status: 404, body: jiraError([`The property with key '${key}' does not exist.`]) };
    return { status: 200, body: { key, value: issue.properties.get(key) } };
  }
  if (method === 'PUT') {
    if (request.rawBody.trim() === '' || typeof request.body === 'string') {
      return { status: 400, body: jiraError(['The property value must be a valid, non-empty JSON.']) };
    }
    if (request.rawBody.length > JIRA_PROPERTY_LIMIT) {
      return {
        status: 400,
        body: jiraError([
          `The property value is too long. The maximum length is ${JIRA_PROPERTY_LIMIT} characters.`,
        ]),
      };
    }
    const existed = issue.properties.has(key);
    issue.properties.set(key, request.body);
    ctx.state.emit({
      timestamp: ctx.state.now().getTime(),
      webhookEvent: 'issue_property_set',
      user: userJson(ctx.base, ctx.user),
      issue: issueJson(ctx.base, issue, ['summary', 'project']),
      property: { key, value: request.body },
    });
    return { status: existed ? 200 : 201 };
  }
  if (method === 'DELETE') {
    if (!issue.properties.delete(key))
      return { status: 404, body: jiraError([`The property with key '${key}' does not exist.`]) };
    return { status: 204 };
  }
  return { status: 405, body: jiraError([`${method} is not allowed here`]) };
}

export function handleRemoteLinks(
  ctx: JiraRouteContext,
  issue: JiraIssueRecord,
  request: ParsedRequest,
  linkId: string | undefined,
): FakeResponse {
  const { method } = request;
  const json = (link: JiraIssueRecord['remoteLinks'][number]): Record<string, unknown> => ({
    id: link.id,
    self: `${ctx.base}/rest/api/3/issue/${issue.key}/remotelink/${link.id}`,
    ...(link.globalId ? { globalId: link.globalId } : {}),
    ...(link.application ? { application: link.application } : {}),
    relationship: link.relationship ?? 'links to',
    object: link.object,
  });
  const globalId = request.query.globalId?.[0];
  if (linkId === undefined && method === 'POST') {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const object = body.object as Record<string, unknown> | undefined;
    if (!object || typeof object.url !== 'string' || typeof object.title !== 'string') {
      return { status: 400, body: jiraError([], { object: 'url and title are required.' }) };
    }
    const fields = {
      globalId: typeof body.globalId === 'string' ? body.globalId : undefined,
      application: body.application,
      relationship: typeof body.relationship === 'string' ? body.relationship : undefined,
      object,
    };
    // With a globalId this is an upsert; fields missing from the request become null (trackers.md §1.5).
    const existing = fields.globalId
      ? issue.remoteLinks.find((link) => link.globalId === fields.globalId)
      : undefined;
    if (existing) {
      Object.assign(existing, fields);
      return { status: 200, body: { id: existing.id, self: json(existing).self } };
    }
    const link = { id: ctx.state.newLinkId(), ...fields };
    issue.remoteLinks.push(link);
    return { status: 201, body: { id: link.id, self: json(link).self } };
  }
  const selected = linkId
    ? issue.remoteLinks.filter((link) => String(link.id) === linkId)
    : globalId
      ? issue.remoteLinks.filter((link) => link.globalId === globalId)
      : issue.remoteLinks;
  if (method === 'GET') {
    if (linkId || globalId) {
      return selected[0]
        ? { status: 200, body: json(selected[0]) }
        : { status: 404, body: jiraError(['Remote link not found.']) };
    }
    return { status: 200, body: selected.map(json) };
  }
  if (method === 'DELETE' && (linkId || globalId)) {
    if (selected.length === 0) return { status: 404, body: jiraError(['Remote link not found.']) };
    issue.remoteLinks = issue.remoteLinks.filter((link) => !selected.includes(link));
    return { status: 204 };
  }
  return { status: 405, body: jiraError([`${method} is not allowed here`]) };
}
