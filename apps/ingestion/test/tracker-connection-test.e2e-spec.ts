import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeyRepository } from '@sightline/persistence';
import { FakeJira, FakeLinear, testConfig } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

describe('POST /api/tracker-connections/:id/test (e2e)', () => {
  let app: INestApplication;
  let jira: FakeJira;
  let linear: FakeLinear;
  let admin: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    [jira, linear] = await Promise.all([FakeJira.start(), FakeLinear.start()]);
    app = await createIngestionApp(testConfig());
    await app.init();
    admin = (await app.get(ApiKeyRepository).issue({ name: 'test-conn', role: 'admin', createdBy: 'test' }))
      .secret;
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([jira.stop(), linear.stop()]);
  });

  async function connect(body: object): Promise<string> {
    const created = await api()
      .post('/api/tracker-connections')
      .set('Authorization', `Bearer ${admin}`)
      .send(body);
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('reports the Jira bot account, records it and marks the connection healthy', async () => {
    const id = await connect({
      name: 'jira-ok',
      kind: 'jira',
      siteUrl: jira.url,
      auth: { kind: 'basic', email: jira.bot.emailAddress, apiToken: jira.botApiToken },
    });
    const tested = await api()
      .post(`/api/tracker-connections/${id}/test`)
      .set('Authorization', `Bearer ${admin}`);
    expect(tested.status).toBe(200);
    expect(tested.body).toEqual({
      ok: true,
      botAccount: { id: jira.bot.accountId, name: 'Sightline' },
      health: 'healthy',
      reason: null,
    });
    const stored = await api().get(`/api/tracker-connections/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(stored.body).toEqual(
      expect.objectContaining({ health: 'healthy', botAccountId: jira.bot.accountId }),
    );
  });

  it('reports the Linear bot account', async () => {
    const id = await connect({
      name: 'linear-ok',
      kind: 'linear',
      apiUrl: linear.url,
      auth: { kind: 'apiKey', apiKey: linear.botApiKey },
    });
    const tested = await api()
      .post(`/api/tracker-connections/${id}/test`)
      .set('Authorization', `Bearer ${admin}`);
    expect(tested.body).toEqual(
      expect.objectContaining({
        ok: true,
        botAccount: expect.objectContaining({ id: linear.bot.id }),
        health: 'healthy',
      }),
    );
  });

  it('marks refused credentials unhealthy with the reason, and never echoes the secret', async () => {
    const id = await connect({
      name: 'jira-bad',
      kind: 'jira',
      siteUrl: jira.url,
      auth: { kind: 'basic', email: jira.bot.emailAddress, apiToken: 'wrong-token-value' },
    });
    const tested = await api()
      .post(`/api/tracker-connections/${id}/test`)
      .set('Authorization', `Bearer ${admin}`);
    expect(tested.body).toEqual(
      expect.objectContaining({
        ok: false,
        botAccount: null,
        health: 'unhealthy',
        reason: expect.any(String),
      }),
    );
    expect(JSON.stringify(tested.body)).not.toContain('wrong-token-value');
    const stored = await api().get(`/api/tracker-connections/${id}`).set('Authorization', `Bearer ${admin}`);
    expect(stored.body.health).toBe('unhealthy');
  });

  it('needs an admin key', async () => {
    const viewer = (await app.get(ApiKeyRepository).issue({ name: 'v', role: 'viewer', createdBy: 'test' }))
      .secret;
    const id = await connect({
      name: 'jira-viewer',
      kind: 'jira',
      siteUrl: jira.url,
      auth: { kind: 'bearer', token: jira.botBearerToken },
    });
    expect(
      (await api().post(`/api/tracker-connections/${id}/test`).set('Authorization', `Bearer ${viewer}`))
        .status,
    ).toBe(403);
  });
});
