import { createHash } from 'node:crypto';
import type { Ticket } from '@sightline/trackers';
import { feedbackLabelOf } from '../assessment/feedback-label';
import { ticketInputHash } from '../core/ticket-input-hash';

/** What a sweep knows about a ticket's stored report (null: never reported). */
export interface ReportFreshness {
  inputHash: string | null;
  snapshotIds: readonly string[];
  /** A feedback-label application is recorded and not yet released (the label was still on). */
  labelApplicationRecorded: boolean;
  /** The tracker showed the ticket done when it was last read. */
  done: boolean;
}

/** The ticket as the sweep read it. */
export interface SweptTicket {
  inputHash: string;
  /** It carries the feedback label (`sightline-wrong-area` / `Sightline: wrong area`). */
  feedbackLabel: boolean;
}

export function sweptTicket(
  ticket: Pick<Ticket, 'tracker' | 'title' | 'description' | 'labels' | 'components'>,
): SweptTicket {
  return {
    inputHash: ticketInputHash(ticket),
    feedbackLabel: ticket.labels.includes(feedbackLabelOf(ticket.tracker)),
  };
}

export type SweepVerdict =
  'no-report' | 'reopened' | 'text-changed' | 'feedback-label' | 'code-changed' | 'up-to-date';

/**
 * Whether a backlog ticket needs enriching: it has no report; it was done when last read (back in
 * the backlog now, and out of background work until read again); its text hash differs from the one
 * the report was made from (a report without one counts as changed); the feedback label is on and
 * not yet recorded, or off while an application is still recorded (a lost webhook, either way);
 * or the report was matched against other snapshots than the mapped repositories' latest (the
 * code moved underneath it, or the mapping's repositories changed). A recorded label that is
 * still on is a removal left unfinished, except on a dry-run mapping, which leaves the label on
 * by design: there it is no reason to enrich again.
 */
export function sweepVerdict(
  report: ReportFreshness | undefined,
  ticket: SweptTicket,
  latestSnapshotIds: ReadonlySet<string>,
  options: { dryRun: boolean },
): SweepVerdict {
  if (!report) return 'no-report';
  if (report.done) return 'reopened';
  if (report.inputHash !== ticket.inputHash) return 'text-changed';
  if (report.labelApplicationRecorded !== ticket.feedbackLabel) return 'feedback-label';
  if (ticket.feedbackLabel && !options.dryRun) return 'feedback-label';
  const reported = new Set(report.snapshotIds);
  if (reported.size !== latestSnapshotIds.size) return 'code-changed';
  for (const id of latestSnapshotIds) if (!reported.has(id)) return 'code-changed';
  return 'up-to-date';
}

/**
 * The enrichment run id of a ticket in a sweep: derived from both (a name-based UUID, version 5
 * layout), so a sweep re-reading a page after a crash arrives at the same run and the same job id
 * and BullMQ refuses the duplicate.
 */
export function sweepRunId(sweepId: string, ticketKey: string): string {
  return derivedRunId(`sweep:${sweepId}`, ticketKey);
}

/** A run id derived from what caused the run (`scope`) and the ticket: the same inputs, the same id. */
export function derivedRunId(scope: string, ticketKey: string): string {
  const bytes = createHash('sha1').update(`sightline-${scope}:${ticketKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
