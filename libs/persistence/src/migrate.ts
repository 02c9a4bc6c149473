import { loadConfigSubset } from '@sightline/config';
import { createDataSource, revertLastMigration, runMigrations } from './data-source';

/** `npm run migration:run` / `migration:revert`: the schema changes only through here. */
async function migrate(command: string | undefined): Promise<void> {
  if (command !== 'run' && command !== 'revert') {
    process.stderr.write('usage: migrate run|revert\n');
    process.exitCode = 2;
    return;
  }
  const { DATABASE_URL } = loadConfigSubset(['DATABASE_URL']);
  const dataSource = createDataSource(DATABASE_URL, 'sightline-migrate');
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } else {
      await revertLastMigration(dataSource);
      process.stdout.write('reverted the last migration\n');
    }
  } finally {
    await dataSource.destroy();
  }
}

migrate(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`migration failed: ${error.message}\n`);
  process.exitCode = 1;
});
