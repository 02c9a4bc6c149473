/**
 * How long a worker may reuse a rarely-changing row it reads on every ticket (its tracker
 * connection, project mapping, repository names) before reading it again. Writes made through the
 * repository in the same process drop the copy at once; a change made by another process (the API
 * deleting a mapping, another worker marking the connection unhealthy) is seen within this time.
 */
export const RECENT_ROW_TTL_MS = 3_000;

/** More entries than any worker has connections or mappings: past it, start over. */
const MAX_ENTRIES = 1_000;

/**
 * A per-process copy of recently read rows, by key. Concurrent readers of a missing key share one
 * query; a failed read is not kept. Held in module scope on purpose: every repository instance in
 * the process (an API and a worker module side by side) clears the same copies when it writes.
 */
export class RecentRows<T> {
  private readonly rows = new Map<string, { readAt: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number = RECENT_ROW_TTL_MS) {}

  get(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const kept = this.rows.get(key);
    if (kept && now - kept.readAt < this.ttlMs) return kept.value;
    if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
    const value = read();
    const entry = { readAt: now, value };
    this.rows.set(key, entry);
    value.catch(() => {
      if (this.rows.get(key) === entry) this.rows.delete(key);
    });
    return value;
  }

  /** After a write: the next read goes to the database. */
  clear(): void {
    this.rows.clear();
  }
}
