import { isRootAreaName } from './area-name';
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

/** An area: a path in code, the root in words. */
const areaHtml = (name: string): string =>
  isRootAreaName(name) ? escapeHtml(name) : `<code>${escapeHtml(name)}</code>`;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every piece of tracker or repository text goes through here: nothing in it becomes markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

function list(items: string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function keyCell(ticket: DigestTicket): string {
  const url = safeTicketUrl(ticket.url);
  const key = escapeHtml(ticket.ticketKey);
  return url ? `<a href="${escapeHtml(url)}">${key}</a>` : key;
}

function ticketRow(ticket: DigestTicket): string {
  const cells = [
    keyCell(ticket),
    escapeHtml(ticket.title),
    escapeHtml(levelText(ticket)),
    list(ticket.reasons.map(escapeHtml)),
    list(ticket.areas.map(areaHtml)),
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
        : list(
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
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(digestTitle(heading))}</title>`,
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}' +
      'th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}' +
      'td ul{margin:0;padding-left:1.2em}</style>',
    '</head>',
    '<body>',
    renderDigestHtml(digest, heading).trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
