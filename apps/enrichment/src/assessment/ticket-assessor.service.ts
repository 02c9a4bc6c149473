import { Injectable } from '@nestjs/common';
import { rankTicket, type FeedbackEntry } from '@sightline/matching';
import {
  SnapshotRepository,
  TicketFeedbackRepository,
  type ProjectMappingRecord,
} from '@sightline/persistence';
import {
  assessRisk,
  DEFAULT_RISK_THRESHOLDS,
  describeEstimationEvidence,
  estimationEvidence,
  MAX_PAST_TICKET_CANDIDATES,
  pastTicketCandidates,
  riskThresholdsSchema,
  type EstimationEvidence,
  type PastTicketCandidate,
  type RiskThresholds,
} from '@sightline/risk';
import {
  renderNote,
  type NoteContent,
  type RiskNoteReport,
  type Ticket,
  combineAssessments,
  noteReportOf,
  type CombinedAssessment,
  type RepositoryAssessment,
} from '@sightline/trackers';
import { ReportLinks } from '../reports/report-links';
import { PastTicketLifecycles, type LifecycleSource, type PastTicketRecords } from './past-ticket-lifecycles';
import { SnapshotIndexCache } from './snapshot-index.cache';

/**
 * The estimation evidence of one assessment, as stored in the report: how many past tickets of
 * the ticket's areas were looked up, how many the tracker knew, and the figures when enough of
 * them were done (`evidence` null otherwise, and the note says nothing).
 */
export interface EstimationRecord {
  candidates: number;
  known: number;
  evidence: EstimationEvidence | null;
  /** Why there is no evidence: no past ticket in these areas, or fewer than three of them done. */
  withheld?: 'no-candidates' | 'too-few-done';
}

export type TicketAssessment =
  | { kind: 'skipped'; reason: string }
  | {
      kind: 'assessed';
      combined: CombinedAssessment;
      repositories: RepositoryAssessment[];
      /** Mapped repositories left out, and why (no snapshot yet, …). */
      missing: string[];
      noteReport: RiskNoteReport;
      note: NoteContent;
      estimation: EstimationRecord;
    };

const FEEDBACK_TEXT_CHARS = 2_000;

/** Stored thresholds are read leniently: anything unusable falls back to the defaults. */
export function thresholdsOf(mapping: ProjectMappingRecord): RiskThresholds {
  const parsed = riskThresholdsSchema.safeParse(mapping.riskThresholds);
  return parsed.success ? parsed.data : DEFAULT_RISK_THRESHOLDS;
}

/** The text a verdict is remembered with, so it can inform similar tickets too. */
export function feedbackTextOf(ticket: { title: string; description: string }): string {
  return `${ticket.title}\n${ticket.description}`.slice(0, FEEDBACK_TEXT_CHARS);
}

/**
 * Matches a ticket (as read from the tracker) against the latest snapshot of every mapped
 * repository, with the mapping's path rules and the project's feedback, assesses the risk with
 * the mapping's thresholds, and renders the note. Pure computation over stored data: nothing
 * here talks to a tracker.
 */
@Injectable()
export class TicketAssessor {
  constructor(
    private readonly snapshots: SnapshotRepository,
    private readonly feedback: TicketFeedbackRepository,
    private readonly indexes: SnapshotIndexCache,
    private readonly lifecycles: PastTicketLifecycles,
    private readonly links: ReportLinks,
  ) {}

  /**
   * `lifecycles` is where past tickets' durations come from: the enrichment worker reads them
   * through the tracker (and the cache); without it (re-checks, previews) only the cache answers.
   */
  async assess(
    ticket: Ticket,
    mapping: ProjectMappingRecord,
    lifecycles?: LifecycleSource,
  ): Promise<TicketAssessment> {
    const thresholds = thresholdsOf(mapping);
    // Every lookup at once: the stored feedback, and each repository's latest snapshot and name.
    const [verdicts, latest] = await Promise.all([
      this.feedback.listForProject(mapping.connectionId, mapping.projectKey),
      this.snapshots.latestOfRepositories(mapping.repositoryIds),
    ]);
    const sources = mapping.repositoryIds.map((repositoryId) => {
      const found = latest.get(repositoryId);
      return { repositoryId, header: found?.snapshot ?? null, name: found?.name ?? repositoryId };
    });
    const input = {
      key: ticket.key,
      title: ticket.title,
      description: ticket.description,
      components: ticket.components,
      labels: ticket.labels,
      issueType: ticket.type ?? undefined,
    };
    const repositories: RepositoryAssessment[] = [];
    const candidates: PastTicketCandidate[] = [];
    const missing: string[] = [];
    for (const { repositoryId, header, name } of sources) {
      if (!header) {
        missing.push(`${name}: no snapshot yet (its first analysis has not finished)`);
        continue;
      }
      const indexed = await this.indexes.get(header.id);
      const feedback: FeedbackEntry[] = verdicts
        .filter((v) => v.repositoryId === null || v.repositoryId === repositoryId)
        .map((v) => ({
          ticketKey: v.ticketKey,
          path: v.path,
          target: v.target,
          verdict: v.verdict,
          ...(v.ticketText ? { ticketText: v.ticketText } : {}),
          at: new Date(v.createdAt).toISOString(),
        }));
      const match = rankTicket(indexed.index, input, { pathRules: mapping.pathRules, feedback });
      const assessment = assessRisk({
        match,
        snapshot: indexed.snapshot,
        calibration: indexed.calibration,
        thresholds,
        ticketKey: ticket.key,
      });
      repositories.push({
        repositoryId,
        repositoryName: name,
        snapshotId: header.id,
        head: header.head,
        match,
        assessment,
      });
      candidates.push(
        ...pastTicketCandidates({
          ticketKey: ticket.key,
          match,
          assessment,
          snapshot: indexed.snapshot,
          calibration: indexed.calibration,
        }),
      );
    }
    if (repositories.length === 0) {
      return { kind: 'skipped', reason: `no mapped repository has a snapshot yet (${missing.join('; ')})` };
    }
    const combined = combineAssessments(repositories);
    const { estimation, pastTickets } = await this.estimate(
      candidates,
      repositories.flatMap((repository) => repository.assessment.similarTickets.map((t) => t.key)),
      lifecycles ?? ((keys) => this.lifecycles.cached(mapping.connectionId, keys)),
    );
    const noteReport = noteReportOf(combined, {
      ...(estimation.evidence ? { estimation: describeEstimationEvidence(estimation.evidence) } : {}),
      pastTickets: pastTickets.durations,
      unknownTickets: pastTickets.unknown,
      ticketKey: ticket.key,
      reportUrl: await this.links.urlFor({
        tracker: ticket.tracker,
        connectionId: mapping.connectionId,
        ticketKey: ticket.key,
      }),
    });
    return {
      kind: 'assessed',
      combined,
      repositories,
      missing,
      noteReport,
      note: renderNote(noteReport),
      estimation,
    };
  }

  /**
   * Durations of the past tickets of the ticket's areas, across repositories, as evidence; the
   * similar tickets the note lists are looked up in the same read, so it can show how long each
   * really took and leave out those the tracker does not know.
   */
  private async estimate(
    candidates: readonly PastTicketCandidate[],
    similarKeys: readonly string[],
    source: LifecycleSource,
  ): Promise<{ estimation: EstimationRecord; pastTickets: PastTicketRecords }> {
    const keys = [...new Set(candidates.map((c) => c.key))].slice(0, MAX_PAST_TICKET_CANDIDATES);
    const lookup = [...new Set([...keys, ...similarKeys])];
    const pastTickets: PastTicketRecords =
      lookup.length > 0 ? await source(lookup) : { durations: new Map(), unknown: new Set() };
    if (keys.length === 0) {
      return {
        estimation: { candidates: 0, known: 0, evidence: null, withheld: 'no-candidates' },
        pastTickets,
      };
    }
    const known = keys.flatMap((key) => {
      const duration = pastTickets.durations.get(key);
      return duration ? [duration] : [];
    });
    const evidence = estimationEvidence(known);
    const estimation: EstimationRecord = evidence
      ? { candidates: keys.length, known: known.length, evidence }
      : { candidates: keys.length, known: known.length, evidence: null, withheld: 'too-few-done' };
    return { estimation, pastTickets };
  }
}
