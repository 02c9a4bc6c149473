/** The backlog when a mapping names no JQL: the project's tickets in the "To Do" status category. */
const UN_STARTED = 'statusCategory = "To Do"';
const DEFAULT_ORDER = 'ORDER BY updated DESC';
/** A trailing ORDER BY outside quotes: a filter cannot be wrapped in parentheses with it. */
const TRAILING_ORDER = /(?:^|\s+)ORDER\s+BY\s+(?:[^"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*$/i;

/**
 * The JQL a grooming sweep pages through: always within the mapped project, narrowed by the
 * mapping's own JQL when it has one (its ORDER BY kept), otherwise to un-started tickets.
 */
export function backlogJql(projectKey: string, filter?: string | null): string {
  const project = `project = "${projectKey}"`;
  const trimmed = filter?.trim();
  if (!trimmed) return `${project} AND ${UN_STARTED} ${DEFAULT_ORDER}`;
  const order = TRAILING_ORDER.exec(trimmed);
  const condition = order ? trimmed.slice(0, order.index).trim() : trimmed;
  const orderBy = order ? order[0].trim() : DEFAULT_ORDER;
  return condition ? `${project} AND (${condition}) ${orderBy}` : `${project} ${orderBy}`;
}
