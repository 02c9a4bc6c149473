import type { DataSource } from 'typeorm';

/** Readiness probe for PostgreSQL, so health checks need not know the ORM. */
export class DatabasePing {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
