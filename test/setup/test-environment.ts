import { randomBytes } from 'node:crypto';

/**
 * Where the test tiers find PostgreSQL and Redis. Override with SIGHTLINE_TEST_POSTGRES_URL /
 * SIGHTLINE_TEST_REDIS_URL; the defaults are the services `.ci/run` starts.
 */
export const adminPostgresUrl =
  process.env.SIGHTLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = process.env.SIGHTLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrlFor(name: string): string {
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}
