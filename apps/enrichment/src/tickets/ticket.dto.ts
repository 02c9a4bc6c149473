import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ENRICHMENT_STATUSES, ENRICHMENT_TRIGGERS, type EnrichmentRunRecord } from '@sightline/persistence';
import { pageQueryShape } from '@sightline/platform';

export const TRACKERS = ['jira', 'linear'] as const;

const connectionIdSchema = z
  .uuid(
    'expected a tracker connection id (uuid); GET /api/tracker-connections on the ingestion service lists them',
  )
  .describe('which connection, when more than one maps the ticket’s project');

export const ticketParamsSchema = z
  .object({
    tracker: z.enum(TRACKERS, { message: 'expected jira or linear' }),
    key: z
      .string()
      .max(64, 'expected a ticket key such as SHOP-12')
      .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/, 'expected a ticket key such as SHOP-12'),
  })
  .strict();
export class TicketParamsDto extends createZodDto(ticketParamsSchema) {}
export type TicketParams = z.output<typeof ticketParamsSchema>;

export const reportQuerySchema = z.object({ connectionId: connectionIdSchema.optional() }).strict();
export class ReportQueryDto extends createZodDto(reportQuerySchema) {}

export const enrichTicketSchema = z
  .object({
    mode: z
      .enum(['preview', 'force'], { message: 'expected preview or force' })
      .default('preview')
      .describe(
        'preview: read the ticket, match and assess it now and answer with the note, writing nothing; ' +
          'force: queue an enrichment that rewrites the note, label and machine data even if unchanged',
      ),
    connectionId: connectionIdSchema.optional(),
  })
  .strict();
export class EnrichTicketDto extends createZodDto(enrichTicketSchema) {}
export type EnrichTicketInput = z.output<typeof enrichTicketSchema>;

export const feedbackSchema = z
  .object({
    area: z
      .string({ message: 'expected the area path as the report names it' })
      .trim()
      .min(1, 'give the area path as the report names it')
      .max(1_000, 'at most 1000 characters')
      .describe(
        'an area path as the report names it (`<repository>:<path>` when the mapping has several repositories)',
      ),
    verdict: z.enum(['wrong', 'right'], { message: 'expected wrong or right' }),
    connectionId: connectionIdSchema.optional(),
  })
  .strict();
export class FeedbackDto extends createZodDto(feedbackSchema) {}
export type FeedbackInput = z.output<typeof feedbackSchema>;

export const listEnrichmentsQuerySchema = z
  .object({
    connectionId: z.uuid('expected a tracker connection id (uuid)').optional(),
    tracker: z.enum(TRACKERS, { message: 'expected jira or linear' }).optional(),
    ticketKey: z.string().max(64, 'at most 64 characters').optional(),
    status: z
      .enum(ENRICHMENT_STATUSES, { message: `expected one of ${ENRICHMENT_STATUSES.join(', ')}` })
      .optional(),
    ...pageQueryShape,
  })
  .strict();
export class ListEnrichmentsQueryDto extends createZodDto(listEnrichmentsQuerySchema) {}
export type ListEnrichmentsQuery = z.output<typeof listEnrichmentsQuerySchema>;

export const enrichmentRunSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  tracker: z.enum(TRACKERS),
  ticketKey: z.string(),
  trigger: z.enum(ENRICHMENT_TRIGGERS),
  deliveryId: z.string().nullable(),
  status: z.enum(ENRICHMENT_STATUSES),
  outcome: z.string().nullable().describe('what happened, in words: why it was skipped, what was written'),
  riskLevel: z.string().nullable(),
  contentHash: z.string().nullable(),
  attempts: z.number().int(),
  queuedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export class EnrichmentRunDto extends createZodDto(enrichmentRunSchema) {}
export type EnrichmentRunView = z.output<typeof enrichmentRunSchema>;

export class EnrichmentRunPageDto extends createZodDto(
  z.object({
    items: z.array(enrichmentRunSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
) {}

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toRunView(run: EnrichmentRunRecord): EnrichmentRunView {
  return {
    id: run.id,
    connectionId: run.connectionId,
    tracker: run.tracker,
    ticketKey: run.ticketKey,
    trigger: run.trigger,
    deliveryId: run.deliveryId,
    status: run.status,
    outcome: run.outcome,
    riskLevel: run.riskLevel,
    contentHash: run.contentHash,
    attempts: run.attempts,
    queuedAt: new Date(run.queuedAt).toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}
