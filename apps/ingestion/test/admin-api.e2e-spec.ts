import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeyRepository, AuditLogRepository } from '@sightline/persistence';
import { LogCapture, testConfig } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const BOOTSTRAP_KEY = 'bootstrap-key-for-e2e-tests-0123456789abcdef';

describe('ingestion admin API (e2e)', () => {
  let app: INestApplication;
  let logs: LogCapture;
  let adminKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    logs = new LogCapture();
    app = await createIngestionApp(
      testConfig({ ADMIN_BOOTSTRAP_KEY: BOOTSTRAP_KEY, LOG_LEVEL: 'info' }),
      logs,
    );
    await app.init();
    const keys = app.get(ApiKeyRepository);
    adminKey = (await keys.issue({ name: 'e2e-admin', role: 'admin', createdBy: 'test' })).secret;
    viewerKey = (await keys.issue({ name: 'e2e-viewer', role: 'viewer', createdBy: 'test' })).secret;
  });

  afterAll(async () => {
    await app.close();
  });

  const api = () => request(app.getHttpServer());

  it('answers 401 with the stable error body when no key or a wrong key is sent', async () => {
    const missing = await api().get('/api/keys');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      error: { status: 401, code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') },
      requestId: expect.any(String),
    });
    const wrong = await api().get('/api/keys').set('Authorization', 'Bearer sl_not-a-real-key');
    expect(wrong.status).toBe(401);
  });

  it('answers 403 to a viewer that tries to write', async () => {
    const response = await api()
      .post('/api/keys')
      .set('Authorization', `Bearer ${viewerKey}`)
      .send({ name: 'sneaky', role: 'admin' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it('lets an admin create a key, shows it once, and audits the write without the secret', async () => {
    const created = await api()
      .post('/api/keys')
      .set('Authorization', `Bearer ${adminKey}`)
      .set('x-request-id', 'req-create-key-1')
      .send({ name: 'ci', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(
      expect.objectContaining({ name: 'ci', role: 'viewer', key: expect.stringMatching(/^sl_/) }),
    );

    const listed = await api().get('/api/keys').set('Authorization', `Bearer ${adminKey}`);
    expect(listed.status).toBe(200);
    const entry = listed.body.find((key: { id: string }) => key.id === created.body.id);
    expect(entry).toEqual(expect.objectContaining({ name: 'ci', role: 'viewer' }));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

    const audit = await app
      .get(AuditLogRepository)
      .list({ resourceType: 'api-key', resourceId: created.body.id, limit: 10, offset: 0 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toEqual(
      expect.objectContaining({
        action: 'create',
        requestId: 'req-create-key-1',
        before: null,
        after: expect.objectContaining({ name: 'ci' }),
      }),
    );
    expect(JSON.stringify(audit[0])).not.toContain(created.body.key);

    // The new key works, and revoking it is audited too.
    expect(
      (await api().get('/api/audit-log').set('Authorization', `Bearer ${created.body.key}`)).status,
    ).toBe(403);
    const revoked = await api()
      .delete(`/api/keys/${created.body.id}`)
      .set('Authorization', `Bearer ${adminKey}`);
    expect(revoked.status).toBe(200);
    expect((await api().get('/api/keys').set('Authorization', `Bearer ${created.body.key}`)).status).toBe(
      401,
    );
    const trail = await api()
      .get('/api/audit-log')
      .query({ resourceType: 'api-key', resourceId: created.body.id })
      .set('Authorization', `Bearer ${adminKey}`);
    expect(trail.body.map((row: { action: string }) => row.action)).toEqual(['revoke', 'create']);
  });

  it('accepts the bootstrap key as an admin and audits it as such', async () => {
    const created = await api()
      .post('/api/keys')
      .set('Authorization', `Bearer ${BOOTSTRAP_KEY}`)
      .send({ name: 'first-admin', role: 'admin' });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('bootstrap');
  });

  it('rejects invalid input naming the field', async () => {
    const response = await api()
      .post('/api/keys')
      .set('Authorization', `Bearer ${adminKey}`)
      .send({ name: '', role: 'owner' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'name',
      'role',
    ]);
  });

  it('keeps the queue board behind admin authentication', async () => {
    expect((await api().get('/admin/queues')).status).toBe(401);
    expect((await api().get('/admin/queues').set('Authorization', `Bearer ${viewerKey}`)).status).toBe(403);
    const basic = Buffer.from(`admin:${adminKey}`).toString('base64');
    const board = await api().get('/admin/queues').set('Authorization', `Basic ${basic}`);
    expect(board.status).toBe(200);
    expect(board.text).toContain('<html');
  });

  it('serves OpenAPI with the admin routes', async () => {
    const response = await api().get('/docs/json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/keys', '/api/keys/{id}', '/api/audit-log']),
    );
  });

  it('never writes a secret into the logs', () => {
    const text = logs.text();
    expect(logs.lines.length).toBeGreaterThan(5);
    for (const secret of [adminKey, viewerKey, BOOTSTRAP_KEY]) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
