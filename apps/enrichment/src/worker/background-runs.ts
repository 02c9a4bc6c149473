import type { EnrichmentTrigger } from '@sightline/persistence';
import { BACKGROUND_PRIORITY } from '@sightline/queues';

const BACKGROUND_TRIGGERS: ReadonlySet<EnrichmentTrigger> = new Set(['sweep', 'recheck', 'relink']);

/**
 * Runs nobody is waiting on: a sweep's, a re-check's after a new snapshot, a link renewal's. They
 * queue behind the runs a person caused and leave done tickets alone.
 */
export function isBackgroundRun(trigger: EnrichmentTrigger): boolean {
  return BACKGROUND_TRIGGERS.has(trigger);
}

/**
 * Queue options for a run's enrichment and write-back jobs: background runs queue behind the runs
 * a person caused (a webhook, an API call, feedback), which carry no priority and so go first.
 */
export function runJobOptions(trigger: EnrichmentTrigger): { priority?: number } {
  return isBackgroundRun(trigger) ? { priority: BACKGROUND_PRIORITY } : {};
}
