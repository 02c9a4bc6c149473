import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { testConfig } from '@sightline/testing';
import { createEnrichmentApp } from '../../apps/enrichment/src/enrichment.app';
import { createIngestionApp } from '../../apps/ingestion/src/ingestion.app';

const run = promisify(execFile);

describe.each([
  ['ingestion', createIngestionApp],
  ['enrichment', createEnrichmentApp],
])('%s service platform (e2e)', (service, createApp) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    // A service may add informational details (enrichment: tracker connection health).
    expect(ready.body.details).toEqual(
      expect.objectContaining({ database: { status: 'up' }, redis: { status: 'up' } }),
    );
  });

  it('exposes process metrics and queue depth per queue', async () => {
    const response = await request(app.getHttpServer()).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toContain(`process_cpu_user_seconds_total{service="${service}"}`);
    for (const queue of ['repository-analysis', 'ticket-enrichment', 'tracker-writeback', 'grooming-sweep']) {
      expect(response.text).toContain(
        `sightline_queue_jobs{queue="${queue}",state="waiting",service="${service}"} 0`,
      );
    }
  });

  it('serves OpenAPI at /docs', async () => {
    const response = await request(app.getHttpServer()).get('/docs/json');
    expect(response.status).toBe(200);
    expect(response.body.info.title).toBe(`Sightline ${service}`);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready']),
    );
  });
});

describe('readiness with Redis unreachable (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    app = await createIngestionApp(testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('stays live but answers 503 on readiness naming Redis', async () => {
    expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
    const ready = await request(app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.database).toEqual({ status: 'up' });
    expect(ready.body.details.redis.status).toBe('down');
  });
});

describe('roles (e2e)', () => {
  it('a worker-only process serves health but not the admin API', async () => {
    const app = await createIngestionApp(testConfig({ SIGHTLINE_ROLES: 'worker' }));
    await app.init();
    try {
      expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
      expect((await request(app.getHttpServer()).get('/api/keys')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('a service started with a broken environment (e2e)', () => {
  it.each(['ingestion', 'enrichment'])('%s exits 1 naming each bad variable', async (service) => {
    const failure = await run(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        `apps/${service}/src/main.ts`,
      ],
      {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: 'mysql://nope',
          SECRETS_KEYS: 'k1:c2VjcmV0LXZhbHVl',
          PORT: 'eighty',
        },
      },
    ).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure?.stderr.split('\n') ?? [];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}PORT: /),
        expect.stringMatching(/^ {2}DATABASE_URL: expected a URL/),
        expect.stringMatching(/^ {2}REDIS_URL: is required/),
        expect.stringMatching(/^ {2}SECRETS_KEYS: expected id:base64-32-byte-key/),
      ]),
    );
    expect(failure?.stderr).not.toContain('c2VjcmV0LXZhbHVl');
  });
});
