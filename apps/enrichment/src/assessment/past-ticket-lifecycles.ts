import { Injectable } from '@nestjs/common';
import { PastTicketLifecycleRepository, type PastTicketLifecycleRecord } from '@sightline/persistence';
import type { PastTicketDuration } from '@sightline/risk';
import type { LifecycleRead } from '@sightline/trackers';

/** An open ticket's lifecycle is asked for again after this long; a done one never. */
export const OPEN_TICKET_REFRESH_MS = 24 * 3_600_000;
/** A key the tracker did not know (deleted, another site, not visible) is asked about again after this long. */
export const UNKNOWN_TICKET_REFRESH_MS = 7 * 24 * 3_600_000;

/** What the tracker has said of past tickets: how long the known ones took, and which keys it does not know. */
export interface PastTicketRecords {
  durations: ReadonlyMap<string, PastTicketDuration>;
  /**
   * Keys the tracker answered it does not know: deleted, on another site, or never a ticket (a
   * key-shaped token in a commit message). Keys it was never asked about are in neither.
   */
  unknown: ReadonlySet<string>;
}

/** Where the records of past tickets come from for one assessment. */
export type LifecycleSource = (keys: readonly string[]) => Promise<PastTicketRecords>;

/**
 * Which keys the tracker must be asked about: those never asked, open tickets older than
 * `OPEN_TICKET_REFRESH_MS` and unknown keys older than `UNKNOWN_TICKET_REFRESH_MS`. A done ticket
 * never changes its created and done times, so its cached answer is kept for good.
 */
export function keysToRefresh(
  keys: readonly string[],
  cached: readonly PastTicketLifecycleRecord[],
  now: Date,
): string[] {
  const byKey = new Map(cached.map((row) => [row.ticketKey, row]));
  return [...new Set(keys)].filter((key) => {
    const row = byKey.get(key);
    if (!row) return true;
    const age = now.getTime() - row.fetchedAt.getTime();
    if (!row.found) return age >= UNKNOWN_TICKET_REFRESH_MS;
    return row.phase !== 'done' && age >= OPEN_TICKET_REFRESH_MS;
  });
}

function durationOf(row: PastTicketLifecycleRecord): PastTicketDuration | null {
  if (!row.found || row.createdAt === null) return null;
  return {
    key: row.ticketKey,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    estimate: row.estimate,
  };
}

function recordsOf(rows: readonly PastTicketLifecycleRecord[]): PastTicketRecords {
  const durations = new Map<string, PastTicketDuration>();
  const unknown = new Set<string>();
  for (const row of rows) {
    const duration = durationOf(row);
    if (duration) durations.set(row.ticketKey, duration);
    else if (!row.found) unknown.add(row.ticketKey);
  }
  return { durations, unknown };
}

/**
 * The tracker's record of past tickets through the `past_ticket_lifecycles` cache: each key is
 * fetched once, and again only while it is open (or unknown) and its answer has aged.
 */
@Injectable()
export class PastTicketLifecycles {
  constructor(private readonly repository: PastTicketLifecycleRepository) {}

  /** What the cache knows, without asking the tracker (re-checks and previews). */
  async cached(connectionId: string, keys: readonly string[]): Promise<PastTicketRecords> {
    return recordsOf(await this.repository.find(connectionId, keys));
  }

  /**
   * Cached answers, refreshed through `fetch` where needed. A failing `fetch` propagates; what it
   * did answer before failing is not stored.
   */
  async read(
    connectionId: string,
    keys: readonly string[],
    fetch: (keys: string[]) => Promise<LifecycleRead>,
    now: Date = new Date(),
  ): Promise<PastTicketRecords> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return { durations: new Map(), unknown: new Set() };
    const cached = await this.repository.find(connectionId, unique);
    const stale = keysToRefresh(unique, cached, now);
    if (stale.length === 0) return recordsOf(cached);
    const answer = await fetch(stale);
    const unavailable = new Set(answer.unavailable);
    const answered = stale.filter((key) => !unavailable.has(key));
    await this.repository.store(
      connectionId,
      answered.map((ticketKey) => {
        const lifecycle = answer.lifecycles.get(ticketKey);
        return {
          ticketKey,
          lifecycle: lifecycle
            ? {
                createdAt: lifecycle.createdAt,
                completedAt: lifecycle.completedAt,
                phase: lifecycle.phase,
                estimate: lifecycle.estimate,
              }
            : null,
        };
      }),
      now,
    );
    return this.cached(connectionId, unique);
  }
}
