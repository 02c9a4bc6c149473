import { categoryName } from './fake-jira.json';
import type { JiraIssueRecord } from './fake-jira.state';

/*
 * The JQL the fake understands: clauses joined by AND, each `field (=|!=|in|not in) value(s)`,
 * optionally grouped in parentheses, and an optional `ORDER BY field [ASC|DESC], …`. Fields: project, key, status, statusCategory, labels,
 * issuetype. Anything else is a 400 like Jira's "Error in the JQL Query", so an adapter cannot
 * silently depend on syntax the fake ignores.
 */

export class JqlError extends Error {}

interface Clause {
  field: string;
  negate: boolean;
  values: string[];
}

export interface JqlQuery {
  clauses: Clause[];
  order: { field: string; descending: boolean }[];
}

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|!=|=|\(|\)|,|[^\s=!(),]+)/y;

function tokenize(jql: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < jql.length) {
    if (/^\s*$/.test(jql.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(jql);
    if (!match) throw new JqlError(`Error in the JQL Query: unexpected text at ${TOKEN.lastIndex}`);
    tokens.push(match[1]);
  }
  return tokens;
}

function unquote(token: string): string {
  return /^["']/.test(token) ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
}

const FIELDS = new Set(['project', 'key', 'status', 'statuscategory', 'labels', 'issuetype', 'type']);
const ORDER_FIELDS = new Set(['created', 'updated', 'key']);

export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  const clauses: Clause[] = [];
  const order: JqlQuery['order'] = [];
  let i = 0;
  const next = (): string => {
    const token = tokens[i++];
    if (token === undefined) throw new JqlError('Error in the JQL Query: the query ended unexpectedly');
    return token;
  };
  // AND is associative, so a parenthesised group of AND clauses is the same as the clauses.
  let depth = 0;
  const closeGroups = () => {
    while (tokens[i] === ')' && depth > 0) {
      depth -= 1;
      i += 1;
    }
  };
  while (i < tokens.length && !/^order$/i.test(tokens[i])) {
    if (clauses.length > 0 && !/^and$/i.test(next()))
      throw new JqlError('Error in the JQL Query: only AND is supported');
    while (tokens[i] === '(') {
      depth += 1;
      i += 1;
    }
    const field = next().toLowerCase();
    if (!FIELDS.has(field))
      throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
    let op = next().toLowerCase();
    const negate = op === '!=' || op === 'not';
    if (op === 'not') op = `not ${next().toLowerCase()}`;
    if (op === '=' || op === '!=') {
      clauses.push({ field, negate, values: [unquote(next())] });
      closeGroups();
      continue;
    }
    if (op !== 'in' && op !== 'not in')
      throw new JqlError(`Error in the JQL Query: operator '${op}' is not supported`);
    if (next() !== '(') throw new JqlError("Error in the JQL Query: expecting '(' after IN");
    const values: string[] = [];
    for (let token = next(); token !== ')'; token = next()) if (token !== ',') values.push(unquote(token));
    clauses.push({ field, negate, values });
    closeGroups();
  }
  if (depth !== 0) throw new JqlError("Error in the JQL Query: expecting ')' before the end of the query");
  if (i < tokens.length) {
    next();
    if (!/^by$/i.test(next())) throw new JqlError("Error in the JQL Query: expecting 'BY' after ORDER");
    while (i < tokens.length) {
      const field = next().toLowerCase();
      if (!ORDER_FIELDS.has(field)) throw new JqlError(`Not able to sort using field '${field}'.`);
      let descending = false;
      if (i < tokens.length && /^(asc|desc)$/i.test(tokens[i])) descending = next().toLowerCase() === 'desc';
      order.push({ field, descending });
      if (i < tokens.length && next() !== ',')
        throw new JqlError('Error in the JQL Query: expecting , between sort fields');
    }
  }
  return { clauses, order };
}

function valuesOf(issue: JiraIssueRecord, field: string): string[] {
  switch (field) {
    case 'project':
      return [issue.projectKey];
    case 'key':
      return [issue.key, issue.id];
    case 'status':
      return [issue.status];
    case 'statuscategory':
      return [issue.statusCategory, categoryName(issue.statusCategory)];
    case 'labels':
      return issue.labels;
    default:
      return [issue.issueType];
  }
}

export function matches(issue: JiraIssueRecord, query: JqlQuery): boolean {
  return query.clauses.every((clause) => {
    const have = valuesOf(issue, clause.field).map((v) => v.toLowerCase());
    const hit = clause.values.some((value) => have.includes(value.toLowerCase()));
    return clause.negate ? !hit : hit;
  });
}

export function sortIssues(issues: JiraIssueRecord[], query: JqlQuery): JiraIssueRecord[] {
  const order = query.order.length > 0 ? query.order : [{ field: 'key', descending: true }];
  const keyNumber = (issue: JiraIssueRecord): number =>
    Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
  return [...issues].sort((a, b) => {
    for (const { field, descending } of order) {
      const diff =
        field === 'key'
          ? a.projectKey.localeCompare(b.projectKey) || keyNumber(a) - keyNumber(b)
          : field === 'created'
            ? a.created.getTime() - b.created.getTime()
            : a.updated.getTime() - b.updated.getTime();
      if (diff !== 0) return descending ? -diff : diff;
    }
    return Number(a.id) - Number(b.id);
  });
}

/** Opaque cursor: the offset plus the query it belongs to, so a token cannot be used for another JQL. */
export function encodePageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, jql })).toString('base64url');
}

export function decodePageToken(token: string, jql: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
      jql?: unknown;
    };
    if (typeof parsed.offset === 'number' && parsed.jql === jql) return parsed.offset;
  } catch {
    // fall through to the error below
  }
  throw new JqlError('The provided next page token is invalid or expired.');
}
