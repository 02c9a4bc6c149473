import { z } from 'zod';

/**
 * What a ticket note says, already decided (by matching and risk assessment) and only waiting to
 * be rendered. Every figure arrives as text the analysis produced, so the renderers never invent
 * or round numbers and the same report always renders the same bytes.
 */
export const riskLevelSchema = z.enum(['low', 'medium', 'high']);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const noteFigureSchema = z.object({
  /** e.g. "complexity", "changes (90 days)", "bug-fix share", "bus factor". */
  label: z.string().min(1),
  /** e.g. "top 5% (max CC 41)", "37", "41%", "1 (86% by one person)". */
  value: z.string().min(1),
});

export const noteAreaSchema = z.object({
  /** Repository path of the area (directory or file), shown as code. */
  path: z.string().min(1),
  /** Match score in [0, 1]. */
  score: z.number().min(0).max(1),
  figures: z.array(noteFigureSchema),
  /** Why the area is risky, in plain words ("changes together with libs/payments/ in 62% of commits"). */
  reasons: z.array(z.string().min(1)),
});

export const dependencyWarningSchema = z.object({
  /** The area the ticket does not mention but will likely need ("also plan for X"). */
  area: z.string().min(1),
  message: z.string().min(1),
});

export const similarTicketSchema = z.object({
  key: z.string().min(1),
  title: z.string().optional(),
  url: z.url().optional(),
  /** e.g. "9 days", only when the tracker knows. */
  duration: z.string().optional(),
  /** Why it is listed when its text is not like the ticket's: "also changed src/tax.ts". */
  relation: z.string().min(1).optional(),
});

export const riskNoteReportSchema = z.object({
  ticketKey: z.string().min(1),
  riskLevel: riskLevelSchema,
  /** Confidence in [0, 1]. */
  confidence: z.number().min(0).max(1),
  /** The area-risk claim in one sentence. */
  summary: z.string().optional(),
  areas: z.array(noteAreaSchema),
  /** Reasons for the level as a whole (hotspot rank, fix rate relative to the repository…). */
  riskReasons: z.array(z.string().min(1)),
  dependencyWarnings: z.array(dependencyWarningSchema),
  similarTickets: z.array(similarTicketSchema),
  /**
   * Durations of the past tickets in these areas, as one sentence of evidence ("Similar past
   * tickets in these areas took 3–9 days …"); absent when the tracker knows too few of them.
   */
  estimation: z.string().min(1).optional(),
  /** Why these areas matched ("title terms checkout, retry match file names"). */
  matchReasons: z.array(z.string().min(1)),
  reportUrl: z.url(),
  /** The match is uncertain: the note says so up front. */
  lowConfidence: z.boolean(),
  /** What moved since the previous version of the note ("Now a hotspot: …"); absent on the first. */
  changes: z.array(z.string().min(1)).optional(),
});

export type NoteFigure = z.infer<typeof noteFigureSchema>;
export type NoteArea = z.infer<typeof noteAreaSchema>;
export type DependencyWarning = z.infer<typeof dependencyWarningSchema>;
export type SimilarTicket = z.infer<typeof similarTicketSchema>;
export type RiskNoteReport = z.infer<typeof riskNoteReportSchema>;

export const NOTE_TITLE = 'Sightline: code context';
export const CHANGES_TITLE = 'Since the last version of this note';
/**
 * The one way a reader can say so is the feedback label of their tracker (docs/enrichment.md),
 * so the note names it.
 */
export function lowConfidenceText(feedbackLabel: string): string {
  return `Low confidence: the areas below are a best guess from the ticket text. If they are off, add the label "${feedbackLabel}" to the issue.`;
}

export function riskLevelText(level: RiskLevel): string {
  return `${level.toUpperCase()} RISK`;
}

/**
 * Whether the report carries a risk level at all. A ticket that matched no code, or only files
 * the analysis has no figures for, is assessed "low" with confidence 0 and no areas; its one reason
 * says why, and its note must not read "LOW RISK" above "the areas below" that are not there.
 */
export function hasRiskLevel(report: RiskNoteReport): boolean {
  return report.areas.length > 0 || report.confidence > 0;
}

export const NO_RISK_LEVEL_TEXT = 'NO RISK LEVEL';

/** The note's headline: the level, or that there is none. */
export function headlineText(report: RiskNoteReport): string {
  return hasRiskLevel(report) ? riskLevelText(report.riskLevel) : NO_RISK_LEVEL_TEXT;
}

/** What follows a similar ticket's key, in brackets: "Fix rounding, took 9 days, also changed src/tax.ts". */
export function similarTicketDetails(ticket: SimilarTicket): string {
  return [ticket.title, ticket.duration ? `took ${ticket.duration}` : undefined, ticket.relation]
    .filter(Boolean)
    .join(', ');
}

/** Fixed two decimals, so 0.1 + 0.2 style noise never changes the rendered bytes. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}
