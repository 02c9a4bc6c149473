import { z } from 'zod';

/**
 * A mapping's `grooming` JSON as the mappings API validates it. Read leniently here: a value the
 * API would refuse (older rows, manual edits) means "no schedule", never a crashed worker.
 */
const groomingSchema = z.object({
  enabled: z.boolean().optional(),
  schedule: z.string().min(1).nullable().optional(),
  jql: z.string().min(1).nullable().optional(),
});

export interface GroomingSettings {
  enabled: boolean;
  schedule: string | null;
  /** Jira only: narrows the backlog a sweep pages through. */
  jql: string | null;
}

export function groomingSettingsOf(grooming: Record<string, unknown>): GroomingSettings {
  const parsed = groomingSchema.safeParse(grooming);
  if (!parsed.success) return { enabled: false, schedule: null, jql: null };
  return {
    enabled: parsed.data.enabled === true,
    schedule: parsed.data.schedule ?? null,
    jql: parsed.data.jql ?? null,
  };
}

/** The cron a mapping's sweeps run on, or null: only an enabled mapping with a schedule has one. */
export function sweepScheduleOf(grooming: Record<string, unknown>): string | null {
  const settings = groomingSettingsOf(grooming);
  return settings.enabled ? settings.schedule : null;
}
