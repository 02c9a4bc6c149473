import type { DigestTicket, GroomingDigest } from './grooming-digest';
import { areaHtml, escapeHtml, htmlList, htmlPage, linkHtml, sentenceHtml } from './html';
import {
  digestSections,
  digestSummary,
  digestTitle,
  levelText,
  noSharedAreasText,
  SHARED_AREAS_TITLE,
  type DigestHeading,
} from './grooming-digest-text';

function keyCell(ticket: DigestTicket): string {
  return linkHtml(ticket.ticketKey, ticket.url);
}

function ticketRow(ticket: DigestTicket): string {
  const cells = [
    keyCell(ticket),
    escapeHtml(ticket.title),
    escapeHtml(levelText(ticket)),
    htmlList(ticket.reasons.map(sentenceHtml)),
    htmlList(ticket.areas.map(areaHtml)),
    ticket.estimation ? escapeHtml(ticket.estimation) : '',
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

const HEADER = ['Ticket', 'Title', 'Risk', 'Why', 'Areas', 'Similar past tickets'];

/**
 * The digest as an HTML fragment (one `<section>`) for a meeting page: a table per group, newly
 * flagged first, then the areas several tickets share. All text is escaped and only http(s)
 * ticket URLs become links.
 */
export function renderDigestHtml(digest: GroomingDigest, heading: DigestHeading): string {
  const parts = [
    `<h2>${escapeHtml(digestTitle(heading))}</h2>`,
    `<p>${escapeHtml(digestSummary(digest, heading.projectKey))}</p>`,
  ];
  for (const section of digestSections(digest)) {
    parts.push(
      `<h3>${escapeHtml(section.title)}</h3>`,
      '<table>',
      `<thead><tr>${HEADER.map((name) => `<th>${name}</th>`).join('')}</tr></thead>`,
      `<tbody>\n${section.tickets.map(ticketRow).join('\n')}\n</tbody>`,
      '</table>',
    );
  }
  if (digest.tickets.length > 0) {
    parts.push(`<h3>${escapeHtml(SHARED_AREAS_TITLE)}</h3>`);
    parts.push(
      digest.sharedAreas.length === 0
        ? `<p>${escapeHtml(noSharedAreasText())}</p>`
        : htmlList(
            digest.sharedAreas.map(
              (shared) => `${areaHtml(shared.area)}: ${shared.tickets.map(escapeHtml).join(', ')}`,
            ),
          ),
    );
  }
  return `<section class="sightline-digest">\n${parts.join('\n')}\n</section>\n`;
}

/** The fragment in a complete page, to open in a browser and copy from, or to attach. */
export function renderDigestHtmlPage(digest: GroomingDigest, heading: DigestHeading): string {
  return htmlPage(digestTitle(heading), renderDigestHtml(digest, heading));
}
