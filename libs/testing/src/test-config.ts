import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@sightline/config';

/**
 * Jest loads this module once per test file, so each file gets its own BullMQ prefix: workers
 * booted by one file never take jobs enqueued by another running alongside it.
 */
const fileQueuePrefix = `${process.env.QUEUE_PREFIX ?? 'sltest'}-${randomBytes(3).toString('hex')}`;

/**
 * The configuration the test tiers run with: the per-run database and queue prefix that the
 * global setup exported, plus any overrides a test needs.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({ ...process.env, QUEUE_PREFIX: fileQueuePrefix, ...overrides });
}
