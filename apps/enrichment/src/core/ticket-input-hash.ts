import { createHash } from 'node:crypto';
import {
  JIRA_FEEDBACK_LABEL,
  JIRA_RISK_LABEL,
  LINEAR_FEEDBACK_LABEL,
  LINEAR_RISK_LABEL,
  type Ticket,
} from '@sightline/trackers';

/**
 * Labels that are not ticket text: the flag Sightline writes (adding or removing it is not an
 * edit), and the feedback label, an instruction that matching never sees (the sweep follows it
 * on its own).
 */
const NOT_TICKET_TEXT = new Set<string>([
  JIRA_RISK_LABEL,
  LINEAR_RISK_LABEL,
  JIRA_FEEDBACK_LABEL,
  LINEAR_FEEDBACK_LABEL,
]);

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
      .filter((label) => !NOT_TICKET_TEXT.has(label))
      .sort()
      .join('\u0001'),
    [...ticket.components].sort().join('\u0001'),
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
