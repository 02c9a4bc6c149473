import { listParam, type FakeResponse, type ParsedRequest } from '../fake-http/fake-http';
import { handleComments, handleProperties, handleRemoteLinks } from './fake-jira.entities';
import { fieldsJson, issueJson, jiraError, userJson } from './fake-jira.json';
import {
  decodePageToken,
  encodePageToken,
  JqlError,
  matches,
  parseJql,
  sortIssues,
} from './fake-jira.search';
import {
  fieldChange,
  labelChange,
  type FakeJiraState,
  type FakeJiraUser,
  type JiraChangeItem,
} from './fake-jira.state';

export interface JiraRouteContext {
  state: FakeJiraState;
  base: string;
  user: FakeJiraUser;
}

const REMOVED_SEARCH =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

export const notFound = (): FakeResponse => ({
  status: 404,
  body: jiraError(['Issue does not exist or you do not have permission to see it.']),
});

/** Builds the jira:issue_updated webhook for a change, as Jira raises it. */
export function emitIssueUpdated(ctx: JiraRouteContext, key: string, items: JiraChangeItem[]): void {
  const issue = ctx.state.find(key);
  if (!issue || items.length === 0) return;
  ctx.state.emit({
    timestamp: ctx.state.now().getTime(),
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    user: userJson(ctx.base, ctx.user),
    issue: issueJson(ctx.base, issue, undefined),
    changelog: { id: ctx.state.newCommentId(), items },
  });
}

function labelError(labels: unknown[]): FakeResponse | null {
  const bad = labels.find((label) => typeof label !== 'string' || /\s/.test(label) || label === '');
  if (bad === undefined) return null;
  return {
    status: 400,
    body: jiraError([], { labels: `The label '${String(bad)}' contains spaces which is invalid.` }),
  };
}

type Op = { add?: unknown; remove?: unknown; set?: unknown };

function editIssue(ctx: JiraRouteContext, key: string, body: unknown): FakeResponse {
  const issue = ctx.state.find(key);
  if (!issue) return notFound();
  const { update = {}, fields = {} } = (body ?? {}) as {
    update?: Record<string, Op[]>;
    fields?: Record<string, unknown>;
  };
  for (const name of Object.keys(update)) {
    if (name in fields)
      return {
        status: 400,
        body: jiraError([], { [name]: `Field '${name}' cannot be set in both update and fields.` }),
      };
  }
  const before = { labels: [...issue.labels], summary: issue.summary };
  let labels = [...issue.labels];
  for (const op of update.labels ?? []) {
    const values = [op.add, op.remove, ...(Array.isArray(op.set) ? op.set : [])].filter(
      (v) => v !== undefined,
    );
    const invalid = labelError(values);
    if (invalid) return invalid;
    if (typeof op.add === 'string' && !labels.includes(op.add)) labels.push(op.add);
    if (typeof op.remove === 'string') labels = labels.filter((label) => label !== op.remove);
    if (Array.isArray(op.set)) labels = [...new Set(op.set as string[])];
  }
  if (fields.labels !== undefined) {
    if (!Array.isArray(fields.labels))
      return { status: 400, body: jiraError([], { labels: 'Labels must be an array.' }) };
    const invalid = labelError(fields.labels);
    if (invalid) return invalid;
    labels = [...new Set(fields.labels as string[])];
  }
  for (const op of update.summary ?? []) if (typeof op.set === 'string') issue.summary = op.set;
  if (typeof fields.summary === 'string') issue.summary = fields.summary;
  if (fields.description !== undefined) issue.description = fields.description;
  issue.labels = labels;
  const items: JiraChangeItem[] = [];
  if (before.labels.join(' ') !== labels.join(' ')) items.push(labelChange(before.labels, labels));
  if (before.summary !== issue.summary)
    items.push(fieldChange('summary', 'summary', before.summary, issue.summary));
  if (fields.description !== undefined) items.push(fieldChange('description', 'description', null, null));
  if (items.length > 0) {
    issue.updated = ctx.state.now();
    emitIssueUpdated(ctx, issue.key, items);
  }
  return { status: 204 };
}

function search(ctx: JiraRouteContext, request: ParsedRequest): FakeResponse {
  const body = (request.method === 'POST' ? request.body : {}) as Record<string, unknown>;
  const jql = String(body.jql ?? request.query.jql?.[0] ?? '');
  const fields = Array.isArray(body.fields)
    ? body.fields.map(String)
    : (listParam(request.query, 'fields') ?? ['id']);
  const maxResults = Number(body.maxResults ?? request.query.maxResults?.[0] ?? 50);
  const token = (body.nextPageToken ?? request.query.nextPageToken?.[0]) as string | undefined;
  try {
    const query = parseJql(jql);
    // Jira validates issue keys named in JQL: one unknown key fails the whole query.
    const unknown = query.clauses
      .filter((clause) => clause.field === 'key')
      .flatMap((clause) => clause.values)
      .filter((value) => !ctx.state.find(value));
    if (unknown.length > 0) {
      return {
        status: 400,
        body: jiraError(unknown.map((key) => `An issue with key '${key}' does not exist for field 'key'.`)),
      };
    }
    const offset = token ? decodePageToken(token, jql) : 0;
    const idOnly = fields.every((f) => f === 'id' || f === 'key');
    const limit = Math.max(1, Math.min(maxResults, idOnly ? 5000 : 100));
    const all = sortIssues(
      [...ctx.state.issues.values()].filter((issue) => matches(issue, query)),
      query,
    );
    const pageIssues = all.slice(offset, offset + limit).map((issue) => {
      // The default field set of search/jql is `id` only (trackers.md §1.7).
      if (fields.length === 1 && fields[0] === 'id') return { id: issue.id };
      return issueJson(
        ctx.base,
        issue,
        fields.filter((f) => f !== 'id' && f !== 'key'),
        [],
        ctx.state.storyPointsField,
      );
    });
    const isLast = offset + limit >= all.length;
    return {
      status: 200,
      body: {
        issues: pageIssues,
        isLast,
        ...(isLast ? {} : { nextPageToken: encodePageToken(offset + limit, jql) }),
      },
    };
  } catch (error) {
    if (error instanceof JqlError) return { status: 400, body: jiraError([error.message]) };
    throw error;
  }
}

/** Jira's limit for a bulk fetch that returns fields other than plain single-valued ones. */
const BULK_FETCH_LIMIT = 100;

/**
 * `POST /rest/api/3/issue/bulkfetch`: issues in ascending id order; keys that match no issue are
 * left out (not an error), matched case-insensitively as Jira does.
 */
function bulkFetch(ctx: JiraRouteContext, request: ParsedRequest): FakeResponse {
  const body = (request.body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown; properties?: unknown };
  const wanted = body.issueIdsOrKeys;
  if (!Array.isArray(wanted) || wanted.length === 0 || wanted.some((k) => typeof k !== 'string')) {
    return { status: 400, body: jiraError([], { issueIdsOrKeys: 'Provide at least one issue id or key.' }) };
  }
  if (wanted.length > BULK_FETCH_LIMIT) {
    return {
      status: 400,
      body: jiraError([`The number of issues requested must not exceed ${BULK_FETCH_LIMIT}.`]),
    };
  }
  const fields = Array.isArray(body.fields) ? body.fields.map(String) : ['*navigable'];
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : [];
  const found = new Map<string, NonNullable<ReturnType<typeof ctx.state.find>>>();
  for (const idOrKey of wanted as string[]) {
    const issue = ctx.state.find(idOrKey);
    if (issue) found.set(issue.id, issue);
  }
  const issues = [...found.values()]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((issue) => issueJson(ctx.base, issue, fields, properties, ctx.state.storyPointsField));
  return { status: 200, body: { expand: 'schema,names', issues, issueErrors: [] } };
}

/** Dispatches one authenticated REST v3 request. Unknown routes answer 404 like Jira. */
export function routeJira(ctx: JiraRouteContext, request: ParsedRequest): FakeResponse {
  const { method, path } = request;
  if (/^\/rest\/api\/[23]\/search\/?$/.test(path)) return { status: 410, body: jiraError([REMOVED_SEARCH]) };
  if (path === '/rest/api/3/search/jql' && (method === 'GET' || method === 'POST'))
    return search(ctx, request);
  if (path === '/rest/api/3/field' && method === 'GET')
    return { status: 200, body: fieldsJson(ctx.state.storyPointsField) };
  if (path === '/rest/api/3/issue/bulkfetch' && method === 'POST') return bulkFetch(ctx, request);
  if (path === '/rest/api/3/myself' && method === 'GET')
    return { status: 200, body: userJson(ctx.base, ctx.user) };
  const match =
    /^\/rest\/api\/3\/issue\/([^/]+)(?:\/(comment|properties|remotelink)(?:\/([^/]+))?)?\/?$/.exec(path);
  if (!match) return { status: 404, body: jiraError([`No route for ${method} ${path}`]) };
  const [, key, sub, id] = match;
  const issue = ctx.state.find(decodeURIComponent(key));
  if (!issue) return notFound();
  if (sub === 'comment') return handleComments(ctx, issue, request, id);
  if (sub === 'properties') return handleProperties(ctx, issue, request, id && decodeURIComponent(id));
  if (sub === 'remotelink') return handleRemoteLinks(ctx, issue, request, id);
  if (method === 'GET') {
    return {
      status: 200,
      body: issueJson(
        ctx.base,
        issue,
        listParam(request.query, 'fields'),
        listParam(request.query, 'properties'),
        ctx.state.storyPointsField,
      ),
    };
  }
  if (method === 'PUT') return editIssue(ctx, issue.key, request.body);
  return { status: 405, body: jiraError([`${method} is not allowed here`]) };
}
