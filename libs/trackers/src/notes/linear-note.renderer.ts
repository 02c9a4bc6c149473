import { LINEAR_FEEDBACK_LABEL } from '../tracker-constants';
import { isRootAreaName } from './area-name';
import { sentenceParts } from './code-spans';
import {
  CHANGES_TITLE,
  formatScore,
  lowConfidenceText,
  NOTE_TITLE,
  headlineText,
  hasRiskLevel,
  similarTicketDetails,
  type NoteArea,
  type RiskNoteReport,
  type SimilarTicket,
} from './risk-note-report';

/** Escapes characters Markdown would interpret, so ticket titles and reasons render literally. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1')
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A code span that survives backticks inside the path (longer fence than any run inside). */
function codeSpan(value: string): string {
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A sentence as Markdown: its backtick-quoted names as code, every other character literal. */
export function sentenceMarkdown(sentence: string): string {
  return sentenceParts(sentence)
    .map((part) => (part.code ? codeSpan(part.text) : escapeMarkdown(part.text)))
    .join('');
}

/** An area as Markdown: a path in code, the root in words. */
export function areaMarkdown(name: string): string {
  return isRootAreaName(name) ? escapeMarkdown(name) : codeSpan(name);
}

function linkTo(label: string, url: string): string {
  const safeUrl = url.replace(
    /[()\s]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeMarkdown(label)}](${safeUrl})`;
}

function areaLines(area: NoteArea): string[] {
  return [
    `- ${areaMarkdown(area.path)} (match ${formatScore(area.score)})`,
    ...area.figures.map((figure) => `  - ${escapeMarkdown(`${figure.label}: ${figure.value}`)}`),
    ...area.reasons.map((reason) => `  - ${sentenceMarkdown(reason)}`),
  ];
}

function similarLine(ticket: SimilarTicket): string {
  const head = ticket.url ? linkTo(ticket.key, ticket.url) : escapeMarkdown(ticket.key);
  const rest = similarTicketDetails(ticket);
  return `- ${head}${rest ? ` (${escapeMarkdown(rest)})` : ''}`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`**${title}**`, ...lines, ''];
}

/** Renders the note as Linear Markdown; same report → same bytes. */
export function renderLinearNote(report: RiskNoteReport, marker: string): string {
  const lines: string[] = [
    `### ${NOTE_TITLE}`,
    '',
    `**${headlineText(report)}** · confidence ${formatScore(report.confidence)}`,
    '',
  ];
  if (report.lowConfidence && hasRiskLevel(report))
    lines.push(`> ${escapeMarkdown(lowConfidenceText(LINEAR_FEEDBACK_LABEL))}`, '');
  if (report.summary) lines.push(escapeMarkdown(report.summary), '');
  lines.push(
    ...section(
      CHANGES_TITLE,
      (report.changes ?? []).map((change) => `- ${sentenceMarkdown(change)}`),
    ),
  );
  lines.push(...section('Likely areas', report.areas.flatMap(areaLines)));
  lines.push(
    ...section(
      'Why this risk level',
      report.riskReasons.map((reason) => `- ${sentenceMarkdown(reason)}`),
    ),
  );
  if (report.dependencyWarnings.length > 0) {
    lines.push(
      '> **Also plan for**',
      ...report.dependencyWarnings.map(
        (warning) => `> - ${areaMarkdown(warning.area)}: ${sentenceMarkdown(warning.message)}`,
      ),
      '',
    );
  }
  const similar = report.similarTickets.map(similarLine);
  // The duration evidence leads the section, even when no single ticket is listed.
  if (report.estimation) {
    lines.push('**Similar past tickets**', escapeMarkdown(report.estimation), ...similar, '');
  } else {
    lines.push(...section('Similar past tickets', similar));
  }
  lines.push(
    ...section(
      'Why these areas',
      report.matchReasons.map((reason) => `- ${sentenceMarkdown(reason)}`),
    ),
  );
  lines.push(`${linkTo('Full report', report.reportUrl)} · ${marker}`);
  return `${lines.join('\n')}\n`;
}
