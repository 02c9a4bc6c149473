import { createHash } from 'node:crypto';
import { JIRA_RISK_LABEL, LINEAR_RISK_LABEL, type Ticket } from '@sightline/trackers';

/** Labels Sightline itself writes: adding or removing the flag is not an edit of the ticket. */
const OWN_LABELS = new Set<string>([JIRA_RISK_LABEL, LINEAR_RISK_LABEL]);

/**
 * Hash of the ticket text matching reads: title, description, labels and components. Labels and
 * components are sorted because trackers promise no order, so only a real edit changes it.
 */
export function ticketInputHash(
  ticket: Pick<Ticket, 'title' | 'description' | 'labels' | 'components'>,
): string {
  const parts = [
    ticket.title,
    ticket.description,
    ticket.labels
      .filter((label) => !OWN_LABELS.has(label))
      .sort()
      .join('\u0001'),
    [...ticket.components].sort().join('\u0001'),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
