import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/** The one way to reach PostgreSQL. `synchronize` stays off: the schema comes from migrations only. */
export function createDataSource(databaseUrl: string, applicationName = 'sightline'): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
  });
}

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
}
