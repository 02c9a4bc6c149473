import type { NewTicketReport, TicketReportRecord } from '@sightline/persistence';
import { describeRiskChanges, type RiskSummary } from '@sightline/risk';
import { renderNote, riskNoteReportSchema } from '@sightline/trackers';

export interface RevisedReport {
  report: NewTicketReport;
  /** True when the stored note stands: nothing behind it moved beyond the material thresholds. */
  kept: boolean;
  /** What moved since the stored version, as the note now says it. */
  changes: string[];
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const LEVELS = new Set(['low', 'medium', 'high']);
/** What a kept report keeps from the stored one: the note and the assessment it was written from. */
const NOTED_FIELDS = [
  'matches',
  'risk',
  'noteReport',
  'noteMarkdown',
  'noteAdf',
  'contentHash',
  'riskLevel',
  'confidence',
  'lowConfidence',
] as const satisfies readonly (keyof NewTicketReport)[];

/** The stored risk JSON (see report-record.ts) as the change comparison reads it; null if unreadable. */
function summaryOf(risk: Record<string, unknown>): RiskSummary | null {
  if (typeof risk.level !== 'string' || !LEVELS.has(risk.level)) return null;
  return {
    level: risk.level as RiskSummary['level'],
    repositories: list(risk.repositories).map((value) => {
      const repository = record(value);
      return {
        repositoryId: String(repository.repositoryId),
        repositoryName: String(repository.repositoryName),
        reasons: list(repository.reasons) as RiskSummary['repositories'][number]['reasons'],
        dependencyWarnings: list(
          repository.dependencyWarnings,
        ) as RiskSummary['repositories'][number]['dependencyWarnings'],
      };
    }),
  };
}

/** The areas the note lists, in order: a different list is a different note, whatever the figures. */
function notedAreas(noteReport: Record<string, unknown>): string {
  return list(noteReport.areas)
    .map((area) => String(record(area).path))
    .join('\u0000');
}

/**
 * Decides how a new assessment relates to the ticket's stored report. When the ticket text, the
 * noted areas and every figure behind the reasons are as before (within MATERIAL_CHANGE), the
 * stored report and note stand and only the snapshots it was checked against move on: no
 * rewrite, no notification, and later drifts still add up against the figures the note shows.
 * Otherwise the new report is used, and its note lists what changed since the stored one.
 */
export function reviseReport(
  previous: TicketReportRecord | null,
  next: NewTicketReport,
  options: { forced: boolean },
): RevisedReport {
  if (!previous) return { report: next, kept: false, changes: [] };
  const before = summaryOf(previous.risk);
  const after = summaryOf(next.risk);
  const changes = before && after ? describeRiskChanges(before, after) : [];
  const sameInputs =
    before !== null &&
    previous.inputHash === next.inputHash &&
    previous.mappingId === next.mappingId &&
    notedAreas(previous.noteReport) === notedAreas(next.noteReport) &&
    // A renewed report link (or one from before the report page) must reach the ticket: the old
    // one no longer opens.
    previous.noteReport.reportUrl === next.noteReport.reportUrl;
  if (sameInputs && changes.length === 0 && !options.forced) {
    const stored = Object.fromEntries(NOTED_FIELDS.map((field) => [field, previous[field]]));
    return { report: { ...next, ...stored }, kept: true, changes: [] };
  }
  if (changes.length === 0) return { report: next, kept: false, changes };
  const noteReport = riskNoteReportSchema.parse({ ...next.noteReport, changes });
  const note = renderNote(noteReport);
  return {
    report: {
      ...next,
      noteReport: noteReport as unknown as Record<string, unknown>,
      noteMarkdown: note.markdown,
      noteAdf: note.adf as unknown as Record<string, unknown>,
      contentHash: note.contentHash,
    },
    kept: false,
    changes,
  };
}
