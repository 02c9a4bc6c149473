import type { DataSource } from 'typeorm';

/**
 * One analysis per repository at a time, across every worker process: a PostgreSQL session
 * advisory lock, held on a dedicated connection for the duration of the work. A crashed worker's
 * connection closes and releases the lock by itself.
 */
export class RepositoryLock {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` under the lock, or returns `{ acquired: false }` at once when another holds it. */
  async tryWith<T>(
    repositoryId: string,
    work: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('analysis:' || $1)) AS locked`,
        [repositoryId],
      );
      if (!locked) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('analysis:' || $1))`, [repositoryId]);
      }
    } finally {
      await runner.release();
    }
  }
}
