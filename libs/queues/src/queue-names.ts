/**
 * Queue names are stored in Redis keys: renaming one strands every job already waiting under the
 * old name. Add new names; never rename.
 */
export const QUEUE_NAMES = [
  'repository-analysis',
  'ticket-enrichment',
  'tracker-writeback',
  'grooming-sweep',
] as const;

export type QueueName = (typeof QUEUE_NAMES)[number];

/** Which app runs the workers of each queue; that app must handle every job name of the queue. */
export const QUEUE_OWNERS: Record<QueueName, 'ingestion' | 'enrichment'> = {
  'repository-analysis': 'ingestion',
  'ticket-enrichment': 'enrichment',
  'tracker-writeback': 'enrichment',
  'grooming-sweep': 'enrichment',
};
