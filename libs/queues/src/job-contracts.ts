import { z } from 'zod';
import type { QueueName } from './queue-names';

const id = z.uuid({ message: 'expected a UUID' });
/** A Jira issue key or Linear identifier (`SHOP-12`): an id, like the others, not ticket content. */
const ticketKey = z
  .string()
  .max(64, 'expected a ticket key such as SHOP-12')
  .regex(/^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/, 'expected a ticket key such as SHOP-12');

/**
 * Every job name and its payload schema, per queue. Payloads carry ids, never data blobs or
 * secrets: a worker loads what it needs. Job names are stable strings, never class names.
 */
export const JOB_CONTRACTS = {
  'repository-analysis': {
    'analyse-repository': z.object({ repositoryId: id, runId: id }).strict(),
    /** Fired by a repository's refresh schedule; it starts an analysis run like any trigger. */
    'refresh-repository': z.object({ repositoryId: id }).strict(),
  },
  'ticket-enrichment': {
    /**
     * Read the ticket, match it, assess its risk and store the report; queues the write-back.
     * `reopened`: a webhook took the ticket, recorded done, back to an open status.
     */
    'enrich-ticket': z
      .object({ connectionId: id, ticketKey, runId: id, reopened: z.literal(true).optional() })
      .strict(),
    /** A new snapshot of the repository was committed: re-assess the tickets whose reports use it. */
    'recheck-repository': z.object({ repositoryId: id, snapshotId: id }).strict(),
    /** Scheduled: forget webhook deliveries and finished runs past the retention period. */
    'prune-enrichment-history': z.object({}).strict(),
  },
  'tracker-writeback': {
    /**
     * Make the ticket show its current report: our one comment, the risk label, the machine data.
     * `forced`: the run was a forced rewrite (a job queued before the field existed reads the run).
     */
    'write-note': z
      .object({ connectionId: id, ticketKey, runId: id, forced: z.boolean().optional() })
      .strict(),
  },
  'grooming-sweep': {
    /** Page through the mapping's backlog from the sweep's stored cursor, enqueuing stale tickets. */
    'sweep-backlog': z.object({ sweepId: id }).strict(),
    /** Fired by a mapping's grooming schedule; it starts a sweep like the API does. */
    'scheduled-sweep': z.object({ mappingId: id }).strict(),
  },
} as const satisfies Record<QueueName, Record<string, z.ZodType>>;

export type JobName<Q extends QueueName> = keyof (typeof JOB_CONTRACTS)[Q] & string;

export type JobPayload<
  Q extends QueueName,
  N extends JobName<Q>,
> = (typeof JOB_CONTRACTS)[Q][N] extends z.ZodType ? z.output<(typeof JOB_CONTRACTS)[Q][N]> : never;

export function jobNamesOf(queue: QueueName): string[] {
  return Object.keys(JOB_CONTRACTS[queue]);
}

/** Validates a payload against its job's schema; throws with the field names on failure. */
export function parseJobPayload<Q extends QueueName, N extends JobName<Q>>(
  queue: Q,
  name: N,
  data: unknown,
): JobPayload<Q, N> {
  const schema = (JOB_CONTRACTS[queue] as Record<string, z.ZodType | undefined>)[name];
  if (!schema) throw new UnknownJobError(queue, name);
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`,
    );
    throw new InvalidJobPayloadError(queue, name, problems);
  }
  return result.data as JobPayload<Q, N>;
}

export class UnknownJobError extends Error {
  constructor(queue: string, name: string) {
    super(`queue ${queue} has no job named "${name}"`);
  }
}

export class InvalidJobPayloadError extends Error {
  constructor(
    queue: string,
    name: string,
    readonly problems: string[],
  ) {
    super(`invalid payload for ${queue}/${name}: ${problems.join('; ')}`);
  }
}
