import { Client } from 'pg';
import Redis from 'ioredis';
import { adminPostgresUrl, testRedisUrl } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.SIGHTLINE_TEST_DATABASE;
  const prefix = process.env.QUEUE_PREFIX;
  if (!database || !prefix) return;
  delete process.env.SIGHTLINE_TEST_RUN_ID;
  const admin = new Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(testRedisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
