import {
  bulletList,
  code,
  doc,
  heading,
  link,
  listItem,
  panel,
  paragraph,
  status,
  strong,
  text,
} from '@atlaskit/adf-utils/builders';
import type { AdfDocument } from '../tracker-client.port';
import { JIRA_FEEDBACK_LABEL } from '../tracker-constants';
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
  type RiskLevel,
  type RiskNoteReport,
  type SimilarTicket,
} from './risk-note-report';

type Block = Parameters<typeof doc>[number];
type Inline = Exclude<Parameters<typeof paragraph>[number], string>;
type ListItem = ReturnType<typeof listItem>;
/** adf-schema types panel kinds as a runtime enum; its values are these strings on the wire. */
type PanelKind = Parameters<typeof panel>[0]['panelType'];
const INFO_PANEL = 'info' as string as PanelKind;
const WARNING_PANEL = 'warning' as string as PanelKind;

const LOZENGE_COLOR: Record<RiskLevel, 'red' | 'yellow' | 'green'> = {
  high: 'red',
  medium: 'yellow',
  low: 'green',
};

/*
 * The builders return loose mark types; every helper below narrows them back to Inline. `code` is
 * never combined with another mark (Jira strips or rejects code+link, see trackers.md §1.8).
 */
const plain = (value: string): Inline => text(value);
const codeText = (value: string): Inline => code(value) as Inline;
/** An area: a path in code, the root in words. */
const areaText = (name: string): Inline => (isRootAreaName(name) ? plain(name) : codeText(name));
const boldText = (value: string): Inline => strong(value) as Inline;
const linkText = (value: string, href: string): Inline => link({ href })(value) as Inline;
/** A sentence with its backtick-quoted names in code marks. */
const sentence = (value: string): Inline[] =>
  sentenceParts(value).map((part) => (part.code ? codeText(part.text) : plain(part.text)));

function item(...inlines: Inline[]): ListItem {
  return listItem([paragraph(...inlines)]);
}

function areaItem(area: NoteArea): ListItem {
  const head = paragraph(areaText(area.path), plain(` (match ${formatScore(area.score)})`));
  const details = [
    ...area.figures.map((figure) => item(plain(`${figure.label}: ${figure.value}`))),
    ...area.reasons.map((reason) => item(...sentence(reason))),
  ];
  return details.length === 0 ? listItem([head]) : listItem([head, bulletList(...details)]);
}

function similarItem(ticket: SimilarTicket): ListItem {
  const inlines: Inline[] = [ticket.url ? linkText(ticket.key, ticket.url) : plain(ticket.key)];
  const rest = similarTicketDetails(ticket);
  if (rest) inlines.push(plain(` (${rest})`));
  return item(...inlines);
}

function section(title: string, items: ListItem[]): Block[] {
  return items.length === 0 ? [] : [paragraph(boldText(title)), bulletList(...items)];
}

/** Renders the note as an ADF document with the official builders; same report → same document. */
export function renderJiraNote(report: RiskNoteReport, marker: string): AdfDocument {
  const blocks: Block[] = [heading({ level: 3 })(plain(NOTE_TITLE))];
  blocks.push(
    paragraph(
      status({
        text: headlineText(report),
        color: hasRiskLevel(report) ? LOZENGE_COLOR[report.riskLevel] : 'neutral',
      }),
      plain(` confidence ${formatScore(report.confidence)}`),
    ),
  );
  if (report.lowConfidence && hasRiskLevel(report))
    blocks.push(panel({ panelType: INFO_PANEL })(paragraph(plain(lowConfidenceText(JIRA_FEEDBACK_LABEL)))));
  if (report.summary) blocks.push(paragraph(plain(report.summary)));
  blocks.push(
    ...section(
      CHANGES_TITLE,
      (report.changes ?? []).map((change) => item(...sentence(change))),
    ),
  );
  blocks.push(...section('Likely areas', report.areas.map(areaItem)));
  blocks.push(
    ...section(
      'Why this risk level',
      report.riskReasons.map((reason) => item(...sentence(reason))),
    ),
  );
  if (report.dependencyWarnings.length > 0) {
    blocks.push(
      panel({ panelType: WARNING_PANEL })(
        paragraph(boldText('Also plan for')),
        ...report.dependencyWarnings.map((warning) =>
          paragraph(areaText(warning.area), plain(': '), ...sentence(warning.message)),
        ),
      ),
    );
  }
  if (report.estimation) {
    blocks.push(paragraph(boldText('Similar past tickets')), paragraph(plain(report.estimation)));
    if (report.similarTickets.length > 0) blocks.push(bulletList(...report.similarTickets.map(similarItem)));
  } else {
    blocks.push(...section('Similar past tickets', report.similarTickets.map(similarItem)));
  }
  blocks.push(
    ...section(
      'Why these areas',
      report.matchReasons.map((reason) => item(...sentence(reason))),
    ),
  );
  blocks.push(paragraph(linkText('Full report', report.reportUrl), plain(` · ${marker}`)));
  return doc(...blocks);
}
