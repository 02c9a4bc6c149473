import { areaHtml, escapeHtml, htmlList, htmlPage, linkHtml, sentenceHtml } from './html';
import {
  CHANGES_TITLE,
  formatScore,
  headlineText,
  hasRiskLevel,
  lowConfidenceText,
  similarTicketDetails,
  type NoteArea,
  type RiskNoteReport,
  type SimilarTicket,
} from './risk-note-report';

/** A repository's best files as the enrichment ranked them, each with its one-sentence reason. */
export interface ReportPageRepository {
  name: string;
  /** The analysed commit. */
  head: string;
  files: ReadonlyArray<{ path: string; score: number; why: string }>;
}

/** What the "Full report" link of a note shows: the note, and the ranking behind it. */
export interface ReportPage {
  report: RiskNoteReport;
  ticketTitle: string;
  ticketUrl: string | null;
  /** The tracker's feedback label, named where the page says the match is uncertain. */
  feedbackLabel: string;
  repositories: readonly ReportPageRepository[];
  updatedAt: Date;
}

function section(title: string, body: string): string {
  return body ? `<h2>${escapeHtml(title)}</h2>\n${body}` : '';
}

const texts = (items: readonly string[]): string => htmlList(items.map(sentenceHtml));

function areaItem(area: NoteArea): string {
  const details = [...area.figures.map((f) => `${f.label}: ${f.value}`), ...area.reasons];
  return `${areaHtml(area.path)} (match ${formatScore(area.score)})${texts(details)}`;
}

function similarItem(ticket: SimilarTicket): string {
  const rest = similarTicketDetails(ticket);
  return `${linkHtml(ticket.key, ticket.url)}${rest ? ` (${escapeHtml(rest)})` : ''}`;
}

function filesTable(repository: ReportPageRepository): string {
  const rows = repository.files.map(
    (file, i) =>
      `<tr><td>${i + 1}</td><td><code>${escapeHtml(file.path)}</code></td>` +
      `<td>${formatScore(file.score)}</td><td>${sentenceHtml(file.why)}</td></tr>`,
  );
  return [
    `<h3>${escapeHtml(repository.name)} at <code>${escapeHtml(repository.head.slice(0, 12))}</code></h3>`,
    rows.length === 0
      ? '<p>No file matched.</p>'
      : `<table><thead><tr><th>#</th><th>File</th><th>Match</th><th>Why</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`,
  ].join('\n');
}

/**
 * The report page: everything the note says, in the same order, then every repository's best
 * files with their reasons — the ranking a reader checks when an area looks wrong. All tracker
 * and repository text is escaped; only http(s) addresses become links.
 */
export function renderReportPage(page: ReportPage): string {
  const { report } = page;
  const title = `${report.ticketKey}: Sightline report`;
  const parts = [
    `<h1>${linkHtml(report.ticketKey, page.ticketUrl)}: ${escapeHtml(page.ticketTitle)}</h1>`,
    `<p><strong>${escapeHtml(headlineText(report))}</strong> · confidence ${formatScore(report.confidence)}</p>`,
    report.lowConfidence && hasRiskLevel(report)
      ? `<p><em>${escapeHtml(lowConfidenceText(page.feedbackLabel))}</em></p>`
      : '',
    report.summary ? `<p>${escapeHtml(report.summary)}</p>` : '',
    section(CHANGES_TITLE, texts(report.changes ?? [])),
    section('Likely areas', htmlList(report.areas.map(areaItem))),
    section('Why this risk level', texts(report.riskReasons)),
    section(
      'Also plan for',
      htmlList(report.dependencyWarnings.map((w) => `${areaHtml(w.area)}: ${sentenceHtml(w.message)}`)),
    ),
    section(
      'Similar past tickets',
      (report.estimation ? `<p>${escapeHtml(report.estimation)}</p>` : '') +
        htmlList(report.similarTickets.map(similarItem)),
    ),
    section('Why these areas', texts(report.matchReasons)),
    section('Best matching files', page.repositories.map(filesTable).join('\n')),
    `<p><small>Updated ${escapeHtml(page.updatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC</small></p>`,
  ];
  return htmlPage(title, parts.filter((part) => part.length > 0).join('\n'));
}
