import { z } from 'zod';
import { linearPhaseOf } from '../ticket-phase';
import { dateOrNull, type TicketEvent, type TicketEventEntity, type TicketEventKind } from './ticket-event';

/* Linear webhook envelope and the parts of Issue/Comment data the decision needs (trackers.md §5). */
const labelRefSchema = z.looseObject({ id: z.string(), name: z.string() });

const issueDataSchema = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  labelIds: z.array(z.string()).optional(),
  labels: z.array(labelRefSchema).optional(),
  team: z.looseObject({ key: z.string() }).nullish(),
  state: z.looseObject({ type: z.string() }).nullish(),
  updatedAt: z.string().nullish(),
});

const commentDataSchema = z.looseObject({
  id: z.string(),
  issueId: z.string().nullish(),
  userId: z.string().nullish(),
  issue: z.looseObject({ id: z.string(), identifier: z.string().optional() }).nullish(),
});

export const linearWebhookBodySchema = z.looseObject({
  action: z.string().min(1),
  type: z.string().min(1),
  data: z.looseObject({ id: z.string() }),
  updatedFrom: z.record(z.string(), z.unknown()).optional(),
  actor: z.looseObject({ id: z.string() }).nullish(),
  createdAt: z.string().optional(),
  webhookId: z.string().optional(),
  webhookTimestamp: z.number(),
});
export type LinearWebhookBody = z.infer<typeof linearWebhookBodySchema>;

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  description: 'description',
  descriptionData: 'description',
  labelIds: 'labels',
  stateId: 'status',
  // A move to another team: a new identifier in another team.
  teamId: 'project',
};

function kindOf(action: string): TicketEventKind {
  if (action === 'create') return 'created';
  if (action === 'update') return 'updated';
  if (action === 'remove') return 'deleted';
  return 'other';
}

function entityOf(type: string): TicketEventEntity {
  const entities: Record<string, TicketEventEntity> = {
    Issue: 'issue',
    Comment: 'comment',
    Attachment: 'attachment',
    IssueLabel: 'label',
  };
  return entities[type] ?? 'other';
}

function teamKeyOf(identifier: string | undefined, teamKey: string | undefined): string | null {
  if (teamKey) return teamKey;
  const dash = identifier ? identifier.lastIndexOf('-') : -1;
  return identifier && dash > 0 ? identifier.slice(0, dash) : null;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Validates a parsed Linear webhook body and reduces it to a `TicketEvent`; throws `ZodError` when malformed. */
export function parseLinearWebhook(body: unknown): TicketEvent {
  const parsed = linearWebhookBodySchema.parse(body);
  const entity = entityOf(parsed.type);
  const base: TicketEvent = {
    tracker: 'linear',
    kind: kindOf(parsed.action),
    entity,
    eventName: `${parsed.type}.${parsed.action}`,
    ticketKey: null,
    ticketId: null,
    projectKey: null,
    changedFields: [],
    labelsAdded: [],
    labelsRemoved: [],
    phase: null,
    actorId: parsed.actor?.id ?? null,
    commentAuthorId: null,
    ticketUpdatedAt: null,
  };
  if (entity === 'issue') {
    const data = issueDataSchema.parse(parsed.data);
    const from = parsed.updatedFrom ?? {};
    const names = new Map((data.labels ?? []).map((label) => [label.id, label.name]));
    const nameOf = (id: string): string => names.get(id) ?? `id:${id}`;
    const before = new Set(stringArray(from.labelIds));
    const after = new Set(data.labelIds ?? []);
    const labelsChanged = 'labelIds' in from;
    return {
      ...base,
      ticketKey: data.identifier,
      ticketId: data.id,
      projectKey: teamKeyOf(data.identifier, data.team?.key),
      phase: data.state ? linearPhaseOf(data.state.type) : null,
      // Not webhookTimestamp: a redelivery is stamped anew, the issue's own time is not.
      ticketUpdatedAt: dateOrNull(data.updatedAt),
      changedFields: [...new Set(Object.keys(from).map((key) => FIELD_NAMES[key] ?? key))],
      labelsAdded: labelsChanged
        ? [...after]
            .filter((id) => !before.has(id))
            .map(nameOf)
            .sort()
        : [],
      labelsRemoved: labelsChanged
        ? [...before]
            .filter((id) => !after.has(id))
            .map(nameOf)
            .sort()
        : [],
    };
  }
  if (entity === 'comment') {
    const data = commentDataSchema.parse(parsed.data);
    const identifier = data.issue?.identifier;
    return {
      ...base,
      ticketKey: identifier ?? null,
      ticketId: data.issueId ?? data.issue?.id ?? null,
      projectKey: teamKeyOf(identifier, undefined),
      changedFields: ['comment'],
      actorId: base.actorId ?? data.userId ?? null,
      commentAuthorId: data.userId ?? null,
    };
  }
  return base;
}
