import { z } from 'zod';
import { jiraPhaseOf } from '../ticket-phase';
import type { TicketLifecycle } from '../tracker-client.port';

/** What a lifecycle read asks for: dates and status only, never people. */
export const JIRA_LIFECYCLE_FIELDS = [
  'created',
  'status',
  'resolution',
  'resolutiondate',
  'statuscategorychangedate',
] as const;

/**
 * The story-point field is a custom field with an instance-specific id; these are the names Jira
 * Cloud gives it (company-managed "Story Points", team-managed "Story point estimate"), in the
 * order they are preferred when an instance has both.
 */
const STORY_POINT_FIELD_NAMES = ['story point estimate', 'story points'];

/** Resolutions that close a ticket without the work being done: no duration to learn from. */
const NOT_DONE_RESOLUTIONS = new Set([
  "won't do",
  "won't fix",
  'duplicate',
  'cannot reproduce',
  'declined',
  'rejected',
  'incomplete',
  'invalid',
  'obsolete',
]);

const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  custom: z.boolean().nullish(),
  schema: z.looseObject({ type: z.string().nullish() }).nullish(),
});

/** Ids of the instance's story-point fields (numeric custom fields named as above), preferred first. */
export function storyPointFieldIds(fields: unknown): string[] {
  const parsed = z.array(fieldSchema).parse(fields);
  return STORY_POINT_FIELD_NAMES.flatMap((wanted) =>
    parsed
      .filter(
        (f) =>
          f.custom !== false &&
          (f.schema?.type ?? 'number') === 'number' &&
          (f.name ?? '').trim().toLowerCase() === wanted,
      )
      .map((f) => f.id),
  );
}

const lifecycleIssueSchema = z.looseObject({
  key: z.string(),
  fields: z.looseObject({
    created: z.string(),
    status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).nullish() }).nullish(),
    resolution: z.looseObject({ name: z.string().nullish() }).nullish(),
    resolutiondate: z.string().nullish(),
    statuscategorychangedate: z.string().nullish(),
  }),
});

function date(value: string, what: string, key: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new Error(`Jira issue ${key} has an unreadable ${what}: ${value}`);
  return parsed;
}

/** Normalises an issue read with `JIRA_LIFECYCLE_FIELDS` plus the story-point fields. */
export function jiraIssueToLifecycle(issue: unknown, pointFields: readonly string[]): TicketLifecycle {
  const parsed = lifecycleIssueSchema.parse(issue);
  const f = parsed.fields;
  const phase = jiraPhaseOf(f.status?.statusCategory?.key ?? 'new');
  const resolution = (f.resolution?.name ?? '').trim().toLowerCase().replace(/’/g, "'");
  const doneAt = f.resolutiondate ?? (phase === 'done' ? (f.statuscategorychangedate ?? null) : null);
  const completed = phase === 'done' && doneAt !== null && !NOT_DONE_RESOLUTIONS.has(resolution);
  const points = pointFields
    .map((id) => (parsed.fields as Record<string, unknown>)[id])
    .find((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return {
    key: parsed.key,
    createdAt: date(f.created, 'created date', parsed.key),
    completedAt: completed ? date(doneAt, 'resolution date', parsed.key) : null,
    phase,
    estimate: points ?? null,
  };
}
