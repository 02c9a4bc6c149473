import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { AnalysisRunRecord } from '@sightline/persistence';

export const analysisRunSchema = z.object({
  id: z.uuid(),
  repositoryId: z.uuid(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  trigger: z.string(),
  progress: z.number().int().describe('percent, 0–100'),
  phase: z.string().nullable(),
  reason: z.string().nullable().describe('why a failed run failed, in words'),
  commitRange: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    incremental: z.boolean().nullable(),
  }),
  counts: z.record(z.string(), z.number()).nullable(),
  snapshotId: z.uuid().nullable(),
  attempts: z.number().int(),
  queuedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  durationMs: z.number().int().nullable(),
});
export class AnalysisRunDto extends createZodDto(analysisRunSchema) {}

export function toAnalysisRunDto(run: AnalysisRunRecord): z.output<typeof analysisRunSchema> {
  return {
    id: run.id,
    repositoryId: run.repositoryId,
    status: run.status,
    trigger: run.trigger,
    progress: run.progress,
    phase: run.phase,
    reason: run.reason,
    commitRange: { from: run.fromCommit, to: run.toCommit, incremental: run.incremental },
    counts: run.counts,
    snapshotId: run.snapshotId,
    attempts: run.attempts,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}
