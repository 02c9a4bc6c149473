import {
  JIRA_FEEDBACK_LABEL,
  LINEAR_FEEDBACK_LABEL,
  riskNoteReportSchema,
  type Ticket,
  type TrackerKind,
} from '@sightline/trackers';
import type { WritebackMode } from './write-plan';

/** The label a person applies to say "the area this note leads with is wrong". */
export function feedbackLabelOf(tracker: TrackerKind): string {
  return tracker === 'jira' ? JIRA_FEEDBACK_LABEL : LINEAR_FEEDBACK_LABEL;
}

/** The ticket as matching should see it: the feedback label is an instruction, not ticket text. */
export function withoutFeedbackLabel(ticket: Ticket): Ticket {
  const label = feedbackLabelOf(ticket.tracker);
  return ticket.labels.includes(label)
    ? { ...ticket, labels: ticket.labels.filter((candidate) => candidate !== label) }
    : ticket;
}

/** A mapped repository as a stored report names it. */
export interface ReportedRepository {
  repositoryId: string;
  repositoryName: string;
}

function repositoriesOf(snapshots: readonly Record<string, unknown>[]): ReportedRepository[] {
  return snapshots.map((s) => ({
    repositoryId: String(s.repositoryId),
    repositoryName: String(s.repositoryName),
  }));
}

/**
 * The repository and path an area of a report stands for. With one repository the area is the
 * path; with several the note writes `<repository>:<path>` (the longest matching name wins, so a
 * repository named like the prefix of another cannot capture its areas). Null: no such repository.
 */
export function resolveReportedArea(
  snapshots: readonly Record<string, unknown>[],
  area: string,
): { repositoryId: string; path: string } | null {
  const repositories = repositoriesOf(snapshots);
  if (repositories.length === 1) return { repositoryId: repositories[0].repositoryId, path: area };
  const named = repositories
    .filter((r) => area.startsWith(`${r.repositoryName}:`) && area.length > r.repositoryName.length + 1)
    .sort((a, b) => b.repositoryName.length - a.repositoryName.length)[0];
  return named
    ? { repositoryId: named.repositoryId, path: area.slice(named.repositoryName.length + 1) }
    : null;
}

/** What the stored report says: the note's areas, in the order the note shows them, and its repositories. */
export interface StoredReportView {
  noteReport: Record<string, unknown>;
  snapshots: readonly Record<string, unknown>[];
}

export interface WrongAreaTarget {
  /** As the note shows it (`<repository>:<path>` with several repositories). */
  area: string;
  repositoryId: string;
  path: string;
}

export type LabelFeedbackPlan =
  /** No label on the ticket: any application recorded earlier is over. */
  | { action: 'release' }
  | {
      action: 'record';
      /** The area to mark wrong; null when there is none (`nothingBecause` says why). */
      target: WrongAreaTarget | null;
      nothingBecause: string | null;
      /** Take the label off once recorded, so the next application is new feedback. */
      removeLabel: boolean;
    };

/**
 * What the feedback label on a ticket (as read from the tracker) asks for, against the report the
 * person was looking at: the area the note leads with is marked wrong. With several repositories
 * that is the first area of the note (the deciding repository's best area), not every repository's
 * best area: the person judged what they read first, and the other repositories' areas may well
 * be right; applying the label again marks the next one. A dry-run mapping writes nothing to the
 * tracker, so the label stays there.
 */
export function planLabelFeedback(input: {
  ticket: Pick<Ticket, 'tracker' | 'labels'>;
  report: StoredReportView | null;
  mode: WritebackMode;
}): LabelFeedbackPlan {
  if (!input.ticket.labels.includes(feedbackLabelOf(input.ticket.tracker))) return { action: 'release' };
  const removeLabel = input.mode !== 'dry-run';
  const none = (nothingBecause: string): LabelFeedbackPlan => ({
    action: 'record',
    target: null,
    nothingBecause,
    removeLabel,
  });
  if (!input.report) return none('the ticket had no report yet, so no area to mark');
  const parsed = riskNoteReportSchema.safeParse(input.report.noteReport);
  if (!parsed.success) return none('the stored report could not be read');
  const top = parsed.data.areas[0];
  if (!top) return none('the note named no area');
  const resolved = resolveReportedArea(input.report.snapshots, top.path);
  if (!resolved) return none(`the note's area ${top.path} names no repository of the report`);
  return { action: 'record', target: { area: top.path, ...resolved }, nothingBecause: null, removeLabel };
}

/** How the run's outcome says what the label did. */
export function describeLabelFeedback(
  plan: Extract<LabelFeedbackPlan, { action: 'record' }>,
  recorded: boolean,
): string {
  if (!recorded) return 'feedback label already recorded';
  if (plan.target) return `feedback label: ${plan.target.area} marked wrong`;
  return `feedback label: nothing marked (${plan.nothingBecause})`;
}
