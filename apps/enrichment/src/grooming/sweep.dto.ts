import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { SweepRecord } from '@sightline/persistence';

export class MappingIdParamsDto extends createZodDto(
  z.object({ id: z.uuid({ message: 'expected a project mapping id (UUID)' }) }).strict(),
) {}

export class SweepIdParamsDto extends createZodDto(
  z.object({ id: z.uuid({ message: 'expected a sweep id (UUID)' }) }).strict(),
) {}

export const sweepSchema = z.object({
  id: z.uuid(),
  mappingId: z.uuid(),
  connectionId: z.uuid(),
  trigger: z.enum(['api', 'schedule']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({
    pages: z.number().int().describe('backlog pages read and processed'),
    seen: z.number().int().describe('tickets on those pages'),
    enqueued: z.number().int().describe('tickets queued for enrichment by this sweep'),
    upToDate: z.number().int().describe('tickets whose report matched their text and the latest code'),
    more: z.boolean().describe('whether the tracker has more pages after the last one processed'),
  }),
  outcome: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export class SweepDto extends createZodDto(sweepSchema) {}
export type SweepView = z.output<typeof sweepSchema>;

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

/** The cursor itself stays internal (a tracker token); the view says only whether pages remain. */
export function toSweepView(sweep: SweepRecord): SweepView {
  return {
    id: sweep.id,
    mappingId: sweep.mappingId,
    connectionId: sweep.connectionId,
    trigger: sweep.trigger,
    status: sweep.status,
    progress: {
      pages: sweep.pages,
      seen: sweep.seen,
      enqueued: sweep.enqueued,
      upToDate: sweep.upToDate,
      more: sweep.status !== 'done' && (sweep.pages === 0 || sweep.cursor !== null),
    },
    outcome: sweep.outcome,
    queuedAt: new Date(sweep.queuedAt).toISOString(),
    startedAt: iso(sweep.startedAt),
    finishedAt: iso(sweep.finishedAt),
  };
}
