import type { DigestTicket, GroomingDigest } from './grooming-digest';
import {
  digestSections,
  digestSummary,
  digestTitle,
  levelText,
  noSharedAreasText,
  safeTicketUrl,
  SHARED_AREAS_TITLE,
  type DigestHeading,
} from './grooming-digest-text';
import { areaMarkdown, escapeMarkdown, sentenceMarkdown } from './linear-note.renderer';

function keyLink(ticket: DigestTicket): string {
  const url = safeTicketUrl(ticket.url);
  if (!url) return `**${escapeMarkdown(ticket.ticketKey)}**`;
  // Parentheses and spaces would end the link target early.
  const target = url.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `**[${escapeMarkdown(ticket.ticketKey)}](${target})**`;
}

/** The ticket's line, then one nested line per reason, the duration evidence, and one naming its areas. */
function ticketLines(ticket: DigestTicket): string[] {
  const title = ticket.title ? ` ${escapeMarkdown(ticket.title)}` : '';
  return [
    `- ${keyLink(ticket)}${title} (${levelText(ticket)})`,
    ...ticket.reasons.map((reason) => `  - ${sentenceMarkdown(reason)}`),
    ...(ticket.estimation ? [`  - ${escapeMarkdown(ticket.estimation)}`] : []),
    ...(ticket.areas.length > 0 ? [`  - Areas: ${ticket.areas.map(areaMarkdown).join(', ')}`] : []),
  ];
}

/**
 * The digest as Markdown for a meeting page (Confluence and Notion paste it as headings and
 * nested lists): newly flagged tickets first, then the areas several of them share. Tracker
 * text is escaped, so a title cannot inject formatting or links.
 */
export function renderDigestMarkdown(digest: GroomingDigest, heading: DigestHeading): string {
  const lines = [
    `## ${escapeMarkdown(digestTitle(heading))}`,
    '',
    escapeMarkdown(digestSummary(digest, heading.projectKey)),
    '',
  ];
  for (const section of digestSections(digest)) {
    lines.push(`### ${section.title}`, '', ...section.tickets.flatMap(ticketLines), '');
  }
  if (digest.tickets.length > 0) {
    lines.push(`### ${SHARED_AREAS_TITLE}`, '');
    if (digest.sharedAreas.length === 0) lines.push(noSharedAreasText());
    for (const shared of digest.sharedAreas) {
      lines.push(`- ${areaMarkdown(shared.area)}: ${shared.tickets.map(escapeMarkdown).join(', ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
