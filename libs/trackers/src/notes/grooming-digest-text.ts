import type { DigestTicket, GroomingDigest } from './grooming-digest';
import { formatScore } from './risk-note-report';

/** What a printed digest is about: the tracker project (Jira) or team (Linear) and the day. */
export interface DigestHeading {
  projectKey: string;
  date: Date;
}

/** One titled group of tickets; the newly flagged come first, as the meeting should read them. */
export interface DigestSection {
  title: string;
  tickets: DigestTicket[];
}

export const SHARED_AREAS_TITLE = 'Areas several flagged tickets share';

export function digestTitle(heading: DigestHeading): string {
  return `Grooming digest: ${heading.projectKey}, ${heading.date.toISOString().slice(0, 10)}`;
}

/** The one-line summary under the title; says so explicitly when nothing is flagged. */
export function digestSummary(digest: GroomingDigest, projectKey: string): string {
  const total = digest.tickets.length;
  if (total === 0) return `No ticket of ${projectKey} is flagged high risk.`;
  const fresh = digest.tickets.filter((ticket) => ticket.newlyFlagged).length;
  const tickets = total === 1 ? '1 high-risk ticket' : `${total} high-risk tickets`;
  return `${tickets}, ${fresh} newly flagged.`;
}

export function noSharedAreasText(): string {
  return 'No area is shared by two or more flagged tickets.';
}

/** The non-empty groups in reading order: newly flagged, then flagged before. */
export function digestSections(digest: GroomingDigest): DigestSection[] {
  return [
    { title: 'Newly flagged', tickets: digest.tickets.filter((ticket) => ticket.newlyFlagged) },
    { title: 'Flagged before', tickets: digest.tickets.filter((ticket) => !ticket.newlyFlagged) },
  ].filter((section) => section.tickets.length > 0);
}

/** "high risk, score 0.82": level and score as the note states them (two decimals). */
export function levelText(ticket: DigestTicket): string {
  return `${ticket.riskLevel} risk, score ${formatScore(ticket.score)}`;
}

/** Only web links become links: a tracker URL of any other scheme is shown as text, never followed. */
export function safeTicketUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
