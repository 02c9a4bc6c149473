/** Jira issue keys and Linear identifiers are both `<project or team key>-<number>`. */
export function projectKeyOf(ticketKey: string): string {
  const dash = ticketKey.lastIndexOf('-');
  return dash > 0 ? ticketKey.slice(0, dash) : ticketKey;
}
