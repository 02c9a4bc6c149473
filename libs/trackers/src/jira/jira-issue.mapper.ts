import { z } from 'zod';
import { adfToText } from '../text/adf-text';
import { jiraPhaseOf } from '../ticket-phase';
import type { Ticket } from '../tracker-client.port';

/** Fields every ticket read asks for: `search/jql` returns only `id` unless told (trackers.md §1.7). */
export const JIRA_TICKET_FIELDS = [
  'summary',
  'description',
  'labels',
  'components',
  'issuetype',
  'status',
  'project',
  'created',
  'updated',
] as const;

const jiraIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string().nullish(),
    description: z.unknown().optional(),
    labels: z.array(z.string()).nullish(),
    components: z.array(z.looseObject({ name: z.string() })).nullish(),
    issuetype: z.looseObject({ name: z.string() }).nullish(),
    status: z
      .looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).nullish() })
      .nullish(),
    project: z.looseObject({ key: z.string() }).nullish(),
    created: z.string().nullish(),
    updated: z.string().nullish(),
  }),
});

function date(value: string | null | undefined): Date {
  const parsed = value ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime())) throw new Error(`Jira issue has an unreadable date: ${String(value)}`);
  return parsed;
}

/** Normalises a Jira v3 issue (as read with `JIRA_TICKET_FIELDS`) into a `Ticket`. */
export function jiraIssueToTicket(issue: unknown, siteUrl: string): Ticket {
  const parsed = jiraIssueSchema.parse(issue);
  const f = parsed.fields;
  const category = f.status?.statusCategory?.key ?? 'new';
  const dash = parsed.key.lastIndexOf('-');
  return {
    tracker: 'jira',
    key: parsed.key,
    id: parsed.id,
    projectKey: f.project?.key ?? (dash > 0 ? parsed.key.slice(0, dash) : parsed.key),
    title: f.summary ?? '',
    description: f.description ? adfToText(f.description) : '',
    descriptionSource: f.description ? { format: 'adf', document: f.description } : null,
    type: f.issuetype?.name ?? null,
    status: { name: f.status?.name ?? '', category, phase: jiraPhaseOf(category) },
    labels: f.labels ?? [],
    components: (f.components ?? []).map((component) => component.name),
    createdAt: date(f.created),
    updatedAt: date(f.updated),
    url: `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(parsed.key)}`,
  };
}
