import { loadConfig, type Config } from '@sightline/config';

/**
 * The configuration the test tiers run with: the per-run database and queue prefix that the
 * global setup exported, plus any overrides a test needs.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({ ...process.env, ...overrides });
}
