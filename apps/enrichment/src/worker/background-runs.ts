import type { EnrichmentTrigger } from '@sightline/persistence';
import { BACKGROUND_PRIORITY } from '@sightline/queues';

/** Runs nobody is waiting on: a sweep's, a re-check's after a new snapshot, a link renewal's. */
const BACKGROUND_TRIGGERS: ReadonlySet<EnrichmentTrigger> = new Set(['sweep', 'recheck', 'relink']);

/**
 * Queue options for a run's enrichment and write-back jobs: background runs queue behind the runs
 * a person caused (a webhook, an API call, feedback), which carry no priority and so go first.
 */
export function runJobOptions(trigger: EnrichmentTrigger): { priority?: number } {
  return BACKGROUND_TRIGGERS.has(trigger) ? { priority: BACKGROUND_PRIORITY } : {};
}
