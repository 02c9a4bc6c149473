import type {
  FakeLinearState,
  LinearAttachmentRecord,
  LinearCommentRecord,
  LinearIssueRecord,
  LinearLabelRecord,
  LinearWorkflowStateRecord,
} from './fake-linear.state';

/*
 * Linear filter objects (`{ team: { key: { eq: 'ENG' } }, state: { type: { in: [...] } } }`)
 * evaluated against a plain view of each entity. Comparators and `and`/`or` as in Linear's schema;
 * an unknown comparator or field is an error, so the fake never silently matches everything.
 */
export class FilterError extends Error {}

type View = { [key: string]: unknown };

const COMPARATORS = new Set([
  'eq',
  'neq',
  'in',
  'nin',
  'null',
  'eqIgnoreCase',
  'neqIgnoreCase',
  'contains',
  'containsIgnoreCase',
  'notContains',
  'startsWith',
  'endsWith',
  'gt',
  'gte',
  'lt',
  'lte',
]);

function compare(value: unknown, comparator: string, expected: unknown): boolean {
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : value;
  const lower = (v: unknown): string => String(v).toLowerCase();
  switch (comparator) {
    case 'eq':
      return text === expected;
    case 'neq':
      return text !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(text);
    case 'nin':
      return Array.isArray(expected) && !expected.includes(text);
    case 'null':
      return (value === null || value === undefined) === expected;
    case 'eqIgnoreCase':
      return lower(text) === lower(expected);
    case 'neqIgnoreCase':
      return lower(text) !== lower(expected);
    case 'contains':
      return String(text).includes(String(expected));
    case 'containsIgnoreCase':
      return lower(text).includes(lower(expected));
    case 'notContains':
      return !String(text).includes(String(expected));
    case 'startsWith':
      return String(text).startsWith(String(expected));
    case 'endsWith':
      return String(text).endsWith(String(expected));
    default: {
      const a = String(text);
      const b = String(expected);
      return comparator === 'gt'
        ? a > b
        : comparator === 'gte'
          ? a >= b
          : comparator === 'lt'
            ? a < b
            : a <= b;
    }
  }
}

function isComparatorObject(filter: Record<string, unknown>): boolean {
  const keys = Object.keys(filter);
  return keys.length > 0 && keys.every((key) => COMPARATORS.has(key));
}

export function matchesFilter(view: View | null, filter: unknown): boolean {
  if (filter === undefined || filter === null) return true;
  if (typeof filter !== 'object') throw new FilterError('filter must be an object');
  const f = filter as Record<string, unknown>;
  if (view === null) return f.null === true;
  return Object.entries(f).every(([key, condition]) => {
    if (key === 'and') return (condition as unknown[]).every((sub) => matchesFilter(view, sub));
    if (key === 'or') return (condition as unknown[]).some((sub) => matchesFilter(view, sub));
    if (!(key in view)) throw new FilterError(`unknown filter field: ${key}`);
    const value = view[key];
    const c = (condition ?? {}) as Record<string, unknown>;
    if (Array.isArray(value)) {
      if (c.some !== undefined) return value.some((item) => matchesFilter(item as View, c.some));
      if (c.every !== undefined) return value.every((item) => matchesFilter(item as View, c.every));
      throw new FilterError(`collection filter on ${key} needs some/every`);
    }
    if (isComparatorObject(c))
      return Object.entries(c).every(([op, expected]) => compare(value, op, expected));
    if (value !== null && typeof value === 'object' && !(value instanceof Date))
      return matchesFilter(value as View, c);
    if (value === null) return c.null === true;
    throw new FilterError(`unknown comparator on ${key}: ${Object.keys(c).join(', ')}`);
  });
}

export function teamView(state: FakeLinearState, teamId: string | null): View | null {
  const team = teamId ? state.teams.get(teamId) : undefined;
  return team ? { id: team.id, key: team.key, name: team.name } : null;
}

export function workflowStateView(state: FakeLinearState, record: LinearWorkflowStateRecord): View {
  return { id: record.id, name: record.name, type: record.type, team: teamView(state, record.teamId) };
}

export function labelView(state: FakeLinearState, label: LinearLabelRecord): View {
  return { id: label.id, name: label.name, team: teamView(state, label.teamId), createdAt: label.createdAt };
}

export function issueView(state: FakeLinearState, issue: LinearIssueRecord): View {
  const workflow = state.states.get(issue.stateId);
  return {
    id: issue.id,
    identifier: issue.identifier,
    number: issue.number,
    title: issue.title,
    description: issue.description,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    completedAt: issue.completedAt,
    estimate: issue.estimate,
    team: teamView(state, issue.teamId),
    state: workflow ? workflowStateView(state, workflow) : null,
    labels: issue.labelIds
      .map((id) => state.labels.get(id))
      .filter((l): l is LinearLabelRecord => !!l)
      .map((l) => labelView(state, l)),
    creator: { id: issue.creatorId },
  };
}

export function commentView(state: FakeLinearState, comment: LinearCommentRecord): View {
  const issue = state.issues.get(comment.issueId);
  return {
    id: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    user: { id: comment.userId },
    issue: issue ? issueView(state, issue) : null,
  };
}

export function attachmentView(state: FakeLinearState, attachment: LinearAttachmentRecord): View {
  const issue = state.issues.get(attachment.issueId);
  return {
    id: attachment.id,
    url: attachment.url,
    title: attachment.title,
    subtitle: attachment.subtitle,
    createdAt: attachment.createdAt,
    creator: { id: attachment.creatorId },
    issue: issue ? issueView(state, issue) : null,
  };
}
