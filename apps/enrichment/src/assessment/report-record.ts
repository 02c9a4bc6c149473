import { DEFAULT_INPUT_LIMITS, describeResult, type RankedResult } from '@sightline/matching';
import type { NewTicketReport, ProjectMappingRecord, TicketReportRecord } from '@sightline/persistence';
import { describeDependencyWarning, describeRiskReason } from '@sightline/risk';
import type { Ticket, TicketStatus } from '@sightline/trackers';
import { ticketInputHash } from '../core/ticket-input-hash';
import type { RepositoryAssessment } from '@sightline/trackers';
import type { TicketAssessment } from './ticket-assessor.service';

const STORED_RESULTS = 10;
/**
 * As much of the description as the matcher reads, so that a re-check from the stored text
 * matches exactly what the enrichment matched.
 */
const STORED_DESCRIPTION_CHARS = DEFAULT_INPUT_LIMITS.maxDescriptionChars;

function ranked(results: readonly RankedResult[]) {
  return results.slice(0, STORED_RESULTS).map((result) => ({
    path: result.path,
    kind: result.kind,
    score: result.score,
    why: describeResult(result),
    reasons: result.reasons,
  }));
}

function matchOf(repository: RepositoryAssessment) {
  const { match } = repository;
  return {
    repositoryId: repository.repositoryId,
    repositoryName: repository.repositoryName,
    confidence: match.confidence,
    noMatch: match.noMatch,
    ...(match.noMatchReason ? { noMatchReason: match.noMatchReason } : {}),
    truncated: match.truncated,
    areas: ranked(match.areas),
    files: ranked(match.files),
  };
}

function riskOf(repository: RepositoryAssessment) {
  const { assessment } = repository;
  return {
    repositoryId: repository.repositoryId,
    repositoryName: repository.repositoryName,
    level: assessment.level,
    score: assessment.score,
    confidence: assessment.confidence,
    lowConfidence: assessment.lowConfidence,
    noMatch: assessment.noMatch,
    reasons: assessment.reasons.map((reason) => ({ ...reason, text: describeRiskReason(reason) })),
    areas: assessment.areas,
    dependencyWarnings: assessment.dependencyWarnings.map((w) => ({
      ...w,
      text: describeDependencyWarning(w),
    })),
    similarTickets: assessment.similarTickets,
    evidence: assessment.evidence,
    thresholds: assessment.thresholds,
  };
}

/** The ticket text and facts a report keeps: what the report API shows and a re-check reads. */
export function storedTicketOf(ticket: Ticket): Record<string, unknown> {
  return {
    title: ticket.title,
    description: ticket.description.slice(0, STORED_DESCRIPTION_CHARS),
    type: ticket.type,
    status: ticket.status,
    labels: ticket.labels,
    components: ticket.components,
    url: ticket.url,
    createdAt: ticket.createdAt.toISOString(),
  };
}

/** The row stored for an assessed ticket: everything the report API shows and the write-back writes. */
export function reportRecordOf(
  ticket: Ticket,
  mapping: ProjectMappingRecord,
  assessed: Extract<TicketAssessment, { kind: 'assessed' }>,
): NewTicketReport {
  const { combined, repositories, noteReport, note } = assessed;
  return {
    connectionId: mapping.connectionId,
    tracker: ticket.tracker,
    ticketKey: ticket.key,
    ticketId: ticket.id,
    projectKey: ticket.projectKey,
    mappingId: mapping.id,
    ticket: storedTicketOf(ticket),
    ticketUpdatedAt: ticket.updatedAt,
    snapshots: repositories.map((r) => ({
      repositoryId: r.repositoryId,
      repositoryName: r.repositoryName,
      snapshotId: r.snapshotId,
      head: r.head,
    })),
    matches: repositories.map(matchOf),
    risk: {
      level: combined.level,
      confidence: combined.confidence,
      lowConfidence: combined.lowConfidence,
      noMatch: combined.noMatch,
      decidedBy: combined.primary.repositoryId,
      missingRepositories: assessed.missing,
      repositories: repositories.map(riskOf),
      estimation: assessed.estimation,
    },
    noteReport: noteReport as unknown as Record<string, unknown>,
    noteMarkdown: note.markdown,
    noteAdf: note.adf as unknown as Record<string, unknown>,
    contentHash: note.contentHash,
    inputHash: ticketInputHash(ticket),
    riskLevel: combined.level,
    confidence: combined.confidence,
    lowConfidence: combined.lowConfidence,
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The ticket as its stored report remembers it (description capped at STORED_DESCRIPTION_CHARS):
 * enough to re-assess it against a new snapshot without asking the tracker.
 */
export function ticketOfReport(report: TicketReportRecord): Ticket {
  const stored = report.ticket;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const createdAt = new Date(text(stored.createdAt));
  return {
    tracker: report.tracker,
    key: report.ticketKey,
    id: report.ticketId,
    projectKey: report.projectKey,
    title: text(stored.title),
    description: text(stored.description),
    descriptionSource: null,
    type: typeof stored.type === 'string' ? stored.type : null,
    status: (stored.status ?? { name: '', category: '', phase: 'unstarted' }) as TicketStatus,
    labels: strings(stored.labels),
    components: strings(stored.components),
    createdAt: Number.isNaN(createdAt.getTime()) ? report.createdAt : createdAt,
    updatedAt: report.ticketUpdatedAt,
    url: text(stored.url),
  };
}
