import type { TicketPhase, TrackerKind } from '../tracker-client.port';

export type TicketEventKind = 'created' | 'updated' | 'deleted' | 'other';
export type TicketEventEntity = 'issue' | 'comment' | 'property' | 'attachment' | 'label' | 'other';

/**
 * A webhook delivery reduced to what the enrichment service decides on. It is a hint only: the
 * worker re-reads the ticket from the tracker before doing anything.
 */
export interface TicketEvent {
  tracker: TrackerKind;
  kind: TicketEventKind;
  entity: TicketEventEntity;
  /** Tracker's own event name (`jira:issue_updated`, `Issue.update`), for logs. */
  eventName: string;
  /** Ticket key / identifier, or null when the event is not about a ticket we can name. */
  ticketKey: string | null;
  ticketId: string | null;
  /** Jira project key / Linear team key. */
  projectKey: string | null;
  /**
   * Canonical names of what changed: `title`, `description`, `labels`, `components`, `type`,
   * `status`, `comment`, `property:<key>`, otherwise the tracker's field name.
   */
  changedFields: string[];
  /** Label names added/removed by this event (`id:<uuid>` when Linear did not send the name). */
  labelsAdded: string[];
  labelsRemoved: string[];
  /**
   * The ticket's workflow phase after the event, when the payload carries its status (Jira's
   * status category, Linear's state type); null for comments and payloads without it.
   */
  phase: TicketPhase | null;
  /** Who caused the event: Jira account id, Linear user/app id. */
  actorId: string | null;
  /** Author of the comment for comment events. */
  commentAuthorId: string | null;
  /**
   * When the tracker last changed the ticket, as the payload shows it (Jira's `fields.updated`,
   * Linear's `data.updatedAt`): the same clock as a ticket read, so a close or reopen that arrives
   * after a newer read of the ticket can be recognised as stale.
   */
  ticketUpdatedAt: Date | null;
}

/** A payload's time (ISO text or epoch ms) as a date; null when absent or unreadable, never a throw. */
export function dateOrNull(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What identifies Sightline's own writes on one connection. */
export interface OwnWriteSignature {
  botAccountId: string | null;
  /** Our risk label name(s), e.g. `sightline-risk-high` / `Sightline: high risk`. */
  riskLabels: readonly string[];
  /** Linear label ids of our label, when known (removals arrive as ids only). */
  riskLabelIds?: readonly string[];
  /** Jira issue property key we write (`sightline`). */
  propertyKey?: string;
  /**
   * The feedback label people apply (`sightline-wrong-area` / `Sightline: wrong area`). Adding it
   * starts work; taking it off never does (Sightline takes it off itself once it recorded it).
   */
  feedbackLabels?: readonly string[];
}

/**
 * The fields whose change can change the note; anything else (status, assignee…) cannot. The
 * project decides the mapping, so the repositories a ticket is matched against.
 */
export const NOTE_INPUT_FIELDS: readonly string[] = [
  'title',
  'description',
  'labels',
  'components',
  'type',
  'project',
];

function isOwnLabel(label: string, own: OwnWriteSignature): boolean {
  if (own.riskLabels.includes(label)) return true;
  return label.startsWith('id:') && (own.riskLabelIds ?? []).includes(label.slice(3));
}

/** True when the event's label changes exist and touch only our own label. */
function onlyOwnLabelsChanged(event: TicketEvent, own: OwnWriteSignature): boolean {
  const touched = [...event.labelsAdded, ...event.labelsRemoved];
  return touched.length > 0 && touched.every((label) => isOwnLabel(label, own));
}

/**
 * True when the event's label changes exist and none can change the note: our own label added or
 * removed, or the feedback label taken off (its removal asks nothing; Linear may name a removed
 * label by id only, which the bot-account check covers for our own removal).
 */
function onlyInertLabelsChanged(event: TicketEvent, own: OwnWriteSignature): boolean {
  const feedback = own.feedbackLabels ?? [];
  const touched = [
    ...event.labelsAdded.filter((label) => !isOwnLabel(label, own)),
    ...event.labelsRemoved.filter((label) => !isOwnLabel(label, own) && !feedback.includes(label)),
  ];
  return event.labelsAdded.length + event.labelsRemoved.length > 0 && touched.length === 0;
}

/** Fields of the event that feed the note, ignoring a label change that cannot change it. */
export function noteRelevantChanges(event: TicketEvent, own?: OwnWriteSignature): string[] {
  return event.changedFields.filter((field) => {
    if (!NOTE_INPUT_FIELDS.includes(field)) return false;
    return !(field === 'labels' && own && onlyInertLabelsChanged(event, own));
  });
}

/** Issue created, or title/description/labels/components/type changed. */
export function canChangeNote(event: TicketEvent, own?: OwnWriteSignature): boolean {
  if (event.entity !== 'issue' || event.ticketKey === null) return false;
  if (event.kind === 'created') return true;
  return event.kind === 'updated' && noteRelevantChanges(event, own).length > 0;
}

/**
 * True when the event was caused by Sightline itself: made by the bot account, or touching only our
 * comment, label or property. Acting on these would loop (write → webhook → write …).
 */
export function isOwnEcho(event: TicketEvent, own: OwnWriteSignature): boolean {
  const bot = own.botAccountId;
  if (bot !== null && (event.actorId === bot || event.commentAuthorId === bot)) return true;
  if (event.entity === 'property' && own.propertyKey !== undefined) {
    return (
      event.changedFields.length > 0 && event.changedFields.every((f) => f === `property:${own.propertyKey}`)
    );
  }
  if (event.entity === 'issue' && event.kind === 'updated') {
    const fields = event.changedFields.filter((field) => field !== 'updatedAt');
    return (
      fields.length > 0 && fields.every((field) => field === 'labels') && onlyOwnLabelsChanged(event, own)
    );
  }
  return false;
}

export type WebhookDecision =
  | { action: 'enrich'; ticketKey: string }
  | { action: 'ignore'; reason: 'own-write' | 'not-note-relevant' | 'deleted' | 'not-a-ticket' };

/**
 * What the event says about the ticket's place in the workflow, apart from its note: `closed`
 * when it was deleted or moved to a done status, `open` when it moved to any other status, null
 * when it says nothing (no status change, or a payload without the status).
 */
export function lifecycleChangeOf(event: TicketEvent): 'closed' | 'open' | null {
  if (event.entity !== 'issue' || event.ticketKey === null) return null;
  if (event.kind === 'deleted') return 'closed';
  if (event.kind !== 'updated' || event.phase === null || !event.changedFields.includes('status'))
    return null;
  return event.phase === 'done' ? 'closed' : 'open';
}

/** The one question the webhook endpoint asks: enqueue enrichment for this delivery or not. */
export function decideWebhook(event: TicketEvent, own: OwnWriteSignature): WebhookDecision {
  if (event.ticketKey === null) return { action: 'ignore', reason: 'not-a-ticket' };
  if (isOwnEcho(event, own)) return { action: 'ignore', reason: 'own-write' };
  if (event.entity === 'issue' && event.kind === 'deleted') return { action: 'ignore', reason: 'deleted' };
  if (!canChangeNote(event, own)) return { action: 'ignore', reason: 'not-note-relevant' };
  return { action: 'enrich', ticketKey: event.ticketKey };
}
