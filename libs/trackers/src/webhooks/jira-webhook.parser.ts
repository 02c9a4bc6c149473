import { z } from 'zod';
import { jiraPhaseOf } from '../ticket-phase';
import { dateOrNull, type TicketEvent, type TicketEventEntity, type TicketEventKind } from './ticket-event';

/*
 * Jira webhook bodies (trackers.md §2). Only what the decision needs is required; everything else
 * passes through untouched, since Jira adds fields over time.
 */
const jiraUserSchema = z.looseObject({ accountId: z.string() });

const jiraChangeItemSchema = z.looseObject({
  field: z.string(),
  fieldId: z.string().optional(),
  fieldtype: z.string().optional(),
  fromString: z.string().nullish(),
  toString: z.string().nullish(),
});

export const jiraWebhookBodySchema = z.looseObject({
  timestamp: z.number().optional(),
  webhookEvent: z.string().min(1),
  issue_event_type_name: z.string().optional(),
  user: jiraUserSchema.optional(),
  issue: z
    .looseObject({
      id: z.string(),
      key: z.string(),
      fields: z
        .looseObject({
          project: z.looseObject({ key: z.string() }).optional(),
          updated: z.string().nullish(),
          status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).nullish() }).nullish(),
        })
        .optional(),
    })
    .optional(),
  changelog: z.looseObject({ items: z.array(jiraChangeItemSchema) }).optional(),
  comment: z
    .looseObject({
      id: z.string(),
      author: jiraUserSchema.optional(),
      updateAuthor: jiraUserSchema.optional(),
    })
    .optional(),
  property: z.looseObject({ key: z.string() }).optional(),
});
export type JiraWebhookBody = z.infer<typeof jiraWebhookBodySchema>;
type JiraChangeItem = z.infer<typeof jiraChangeItemSchema>;

const FIELD_NAMES: Record<string, string> = {
  summary: 'title',
  description: 'description',
  labels: 'labels',
  components: 'components',
  component: 'components',
  issuetype: 'type',
  status: 'status',
  // A move to another project: a new key (`Key`, no field id) in another project.
  key: 'key',
  project: 'project',
};

function canonicalField(item: JiraChangeItem): string {
  const id = (item.fieldId ?? item.field).toLowerCase();
  return FIELD_NAMES[id] ?? FIELD_NAMES[item.field.toLowerCase()] ?? item.fieldId ?? item.field;
}

/** Jira sends the whole label set before and after, space-separated (labels cannot contain spaces). */
function labelDiff(items: JiraChangeItem[]): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const item of items) {
    if (canonicalField(item) !== 'labels') continue;
    const before = new Set((item.fromString ?? '').split(/\s+/).filter(Boolean));
    const after = new Set((item.toString ?? '').split(/\s+/).filter(Boolean));
    for (const label of after) if (!before.has(label)) added.push(label);
    for (const label of before) if (!after.has(label)) removed.push(label);
  }
  return { added: added.sort(), removed: removed.sort() };
}

function classify(body: JiraWebhookBody): { kind: TicketEventKind; entity: TicketEventEntity } {
  const name = body.webhookEvent;
  const kindOf = (suffix: string): TicketEventKind =>
    suffix === 'created' ? 'created' : suffix === 'deleted' ? 'deleted' : 'updated';
  let match = /^jira:issue_(created|updated|deleted)$/.exec(name);
  if (match) {
    // A comment also raises jira:issue_updated carrying the comment and no changelog.
    const commentOnly = match[1] === 'updated' && body.comment !== undefined && !body.changelog?.items.length;
    return { kind: kindOf(match[1]), entity: commentOnly ? 'comment' : 'issue' };
  }
  match = /^comment_(created|updated|deleted)$/.exec(name);
  if (match) return { kind: kindOf(match[1]), entity: 'comment' };
  match = /^issue_property_(set|deleted)$/.exec(name);
  if (match) return { kind: match[1] === 'set' ? 'updated' : 'deleted', entity: 'property' };
  return { kind: 'other', entity: 'other' };
}

function projectKeyOf(body: JiraWebhookBody): string | null {
  const fromFields = body.issue?.fields?.project?.key;
  if (fromFields) return fromFields;
  const key = body.issue?.key;
  const dash = key ? key.lastIndexOf('-') : -1;
  return key && dash > 0 ? key.slice(0, dash) : null;
}

/** Validates a parsed Jira webhook body and reduces it to a `TicketEvent`; throws `ZodError` when malformed. */
export function parseJiraWebhook(body: unknown): TicketEvent {
  const parsed = jiraWebhookBodySchema.parse(body);
  const { kind, entity } = classify(parsed);
  const items = parsed.changelog?.items ?? [];
  const labels = labelDiff(items);
  const category = parsed.issue?.fields?.status?.statusCategory?.key;
  let changedFields = [...new Set(items.map(canonicalField))];
  if (entity === 'comment') changedFields = ['comment'];
  if (entity === 'property')
    changedFields = [parsed.property ? `property:${parsed.property.key}` : 'property'];
  const commentAuthorId = parsed.comment
    ? (parsed.comment.updateAuthor?.accountId ?? parsed.comment.author?.accountId ?? null)
    : null;
  return {
    tracker: 'jira',
    kind,
    entity,
    eventName: parsed.webhookEvent,
    ticketKey: parsed.issue?.key ?? null,
    ticketId: parsed.issue?.id ?? null,
    projectKey: projectKeyOf(parsed),
    changedFields,
    labelsAdded: labels.added,
    labelsRemoved: labels.removed,
    phase: entity === 'issue' && category ? jiraPhaseOf(category) : null,
    actorId: parsed.user?.accountId ?? (entity === 'comment' ? commentAuthorId : null),
    commentAuthorId: entity === 'comment' ? commentAuthorId : null,
    // The webhook's own timestamp is Jira's clock too, a few milliseconds after the change.
    ticketUpdatedAt: dateOrNull(parsed.issue?.fields?.updated) ?? dateOrNull(parsed.timestamp),
  };
}
