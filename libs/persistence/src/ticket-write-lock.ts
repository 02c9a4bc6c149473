import type { DataSource } from 'typeorm';

/**
 * One write-back per ticket at a time, across every worker process: two workers writing the same
 * ticket at once could both find no comment and both post one. A PostgreSQL session advisory
 * lock, held on a dedicated connection for the duration of the work; a killed worker's
 * connection closes and releases it at once, so the retried job is not kept waiting.
 */
export class TicketWriteLock {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` under the lock, or returns `{ acquired: false }` at once when another holds it. */
  async tryWith<T>(
    connectionId: string,
    ticketKey: string,
    work: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const key = `${connectionId}:${ticketKey}`;
    try {
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('writeback'), hashtext($1)) AS locked`,
        [key],
      );
      if (!locked) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('writeback'), hashtext($1))`, [key]);
      }
    } finally {
      await runner.release();
    }
  }
}
