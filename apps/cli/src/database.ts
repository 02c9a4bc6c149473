import { ConfigError, loadConfigSubset } from '@sightline/config';
import { createDataSource } from '@sightline/persistence';
import { CliError, EXIT_FAILURE } from './cli-error';

export type CliDataSource = ReturnType<typeof createDataSource>;

/**
 * Opens the database named by DATABASE_URL for one command, and always closes it. A missing
 * DATABASE_URL is bad usage (exit 2); an unreachable database is a failure while working (exit 1).
 */
export async function withDatabase<T>(work: (dataSource: CliDataSource) => Promise<T>): Promise<T> {
  let databaseUrl: string;
  try {
    databaseUrl = loadConfigSubset(['DATABASE_URL']).DATABASE_URL;
  } catch (error) {
    if (error instanceof ConfigError)
      throw new CliError(`${error.message}\nset DATABASE_URL to the Sightline database`);
    throw error;
  }
  const dataSource = createDataSource(databaseUrl, 'sightline-cli');
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new CliError(
      `cannot reach the database at DATABASE_URL: ${(error as Error).message}`,
      EXIT_FAILURE,
    );
  }
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
