import { SecretCipher, TrackerConnectionRepository } from '@sightline/persistence';
import { AdminApiHarness, fieldsOf } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const JIRA_TOKEN = 'ATATT3xFfGF0e2eJiraApiToken0123456789';
const LINEAR_KEY = 'lin_api_e2eLinearKey0123456789abcdef';
const BEARER = 'oauth-e2e-bearer-token-0123456789abcdef';
const WEBHOOK_SECRET = 'whsec-e2e-0123456789abcdef';
const NEW_WEBHOOK_SECRET = 'whsec-e2e-rotated-0123456789';

describe('tracker connections admin API (e2e)', () => {
  const harness = new AdminApiHarness(createIngestionApp);

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('creates, reads, changes and deletes a Jira connection, auditing each write', async () => {
    const created = await harness.call('post', '/api/tracker-connections', {
      kind: 'jira',
      name: 'trk-e2e-jira',
      siteUrl: 'https://acme.atlassian.net/',
      auth: { kind: 'basic', email: 'bot@acme.example', apiToken: JIRA_TOKEN },
      webhookSecret: WEBHOOK_SECRET,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'trk-e2e-jira',
      kind: 'jira',
      siteUrl: 'https://acme.atlassian.net',
      apiUrl: null,
      auth: { kind: 'basic', configured: true },
      webhookSecretConfigured: true,
      botAccountId: null,
      health: 'unknown',
      healthReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    expect(
      (await harness.call('get', `/api/tracker-connections/${id}`, undefined, harness.viewerKey)).body,
    ).toEqual(created.body);

    // The secrets are stored sealed, and open to what they were.
    const cipher = harness.get(SecretCipher);
    const sealed = await harness.get(TrackerConnectionRepository).findSealedSecrets(id);
    expect(sealed?.credentialEnvelope).not.toContain(JIRA_TOKEN);
    expect(JSON.parse(cipher.open(sealed?.credentialEnvelope ?? ''))).toEqual({
      kind: 'basic',
      email: 'bot@acme.example',
      apiToken: JIRA_TOKEN,
    });
    expect(cipher.open(sealed?.webhookSecretEnvelope ?? '')).toBe(WEBHOOK_SECRET);

    const patched = await harness.call('patch', `/api/tracker-connections/${id}`, {
      auth: { kind: 'bearer', token: BEARER },
      webhookSecret: NEW_WEBHOOK_SECRET,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...created.body,
      auth: { kind: 'bearer', configured: true },
      updatedAt: expect.any(String),
    });
    const resealed = await harness.get(TrackerConnectionRepository).findSealedSecrets(id);
    expect(JSON.parse(cipher.open(resealed?.credentialEnvelope ?? ''))).toEqual({
      kind: 'bearer',
      token: BEARER,
    });
    expect(cipher.open(resealed?.webhookSecretEnvelope ?? '')).toBe(NEW_WEBHOOK_SECRET);

    const noSecret = await harness.call('patch', `/api/tracker-connections/${id}`, {
      webhookSecret: null,
      name: 'trk-e2e-jira-2',
    });
    expect(noSecret.body).toEqual(
      expect.objectContaining({ webhookSecretConfigured: false, name: 'trk-e2e-jira-2' }),
    );

    expect((await harness.call('delete', `/api/tracker-connections/${id}`)).status).toBe(204);
    expect((await harness.call('get', `/api/tracker-connections/${id}`)).status).toBe(404);

    const trail = await harness.audit('tracker-connection', id);
    expect(trail.map((row) => row.action)).toEqual(['delete', 'update', 'update', 'create']);
    expect(trail[2]).toEqual(
      expect.objectContaining({
        before: expect.objectContaining({ auth: { kind: 'basic', configured: true } }),
        after: expect.objectContaining({ auth: { kind: 'bearer', configured: true } }),
      }),
    );
  });

  it('creates a Linear connection with the default or a local test API URL', async () => {
    const byDefault = await harness.call('post', '/api/tracker-connections', {
      kind: 'linear',
      name: 'trk-e2e-linear',
      auth: { kind: 'apiKey', apiKey: LINEAR_KEY },
    });
    expect(byDefault.status).toBe(201);
    expect(byDefault.body).toEqual(
      expect.objectContaining({
        kind: 'linear',
        siteUrl: null,
        apiUrl: null,
        auth: { kind: 'apiKey', configured: true },
        webhookSecretConfigured: false,
      }),
    );
    const local = await harness.call('post', '/api/tracker-connections', {
      kind: 'linear',
      name: 'trk-e2e-linear-local',
      apiUrl: 'http://127.0.0.1:4010/graphql',
      auth: { kind: 'bearer', token: BEARER },
    });
    expect(local.status).toBe(201);
    expect(local.body.apiUrl).toBe('http://127.0.0.1:4010/graphql');
    const reset = await harness.call('patch', `/api/tracker-connections/${local.body.id}`, { apiUrl: null });
    expect(reset.body.apiUrl).toBeNull();
  });

  it.each([
    [{ siteUrl: 'http://acme.atlassian.net' }, 'siteUrl', 'must use https://'],
    [{ siteUrl: 'https://me:pw@acme.atlassian.net' }, 'siteUrl', 'must not carry credentials'],
    [{ siteUrl: 'https://169.254.169.254' }, 'siteUrl', 'cloud metadata service'],
    [{ auth: { kind: 'apiKey', apiKey: LINEAR_KEY } }, 'auth.kind', 'expected {"kind":"basic"'],
    [{ auth: { kind: 'basic', email: 'not-an-email', apiToken: JIRA_TOKEN } }, 'auth.email', 'email address'],
    [
      { auth: { kind: 'basic', email: 'bot@acme.example', apiToken: 'has space' } },
      'auth.apiToken',
      'must not contain spaces',
    ],
    [{ webhookSecret: 'short' }, 'webhookSecret', 'at least 16 characters'],
  ])('refuses a Jira connection with %j', async (change, field, message) => {
    const response = await harness.call('post', '/api/tracker-connections', {
      kind: 'jira',
      name: 'trk-e2e-invalid',
      siteUrl: 'https://acme.atlassian.net',
      auth: { kind: 'basic', email: 'bot@acme.example', apiToken: JIRA_TOKEN },
      ...change,
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual([field]);
    expect(response.body.error.message).toContain(message);
    expect(response.text).not.toContain('has space');
  });

  it('refuses an unknown kind and fields of the other tracker', async () => {
    const unknown = await harness.call('post', '/api/tracker-connections', {
      kind: 'github',
      name: 'trk-e2e-gh',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['kind']);
    const linearWithSite = await harness.call('post', '/api/tracker-connections', {
      kind: 'linear',
      name: 'trk-e2e-linear-site',
      siteUrl: 'https://acme.atlassian.net',
      auth: { kind: 'apiKey', apiKey: LINEAR_KEY },
    });
    expect(linearWithSite.status).toBe(400);
    expect(linearWithSite.body.error.message).toContain('siteUrl');

    const jira = await harness.call('post', '/api/tracker-connections', {
      kind: 'jira',
      name: 'trk-e2e-jira-kinds',
      siteUrl: 'https://acme.atlassian.net',
      auth: { kind: 'bearer', token: BEARER },
    });
    const wrongAuth = await harness.call('patch', `/api/tracker-connections/${jira.body.id}`, {
      auth: { kind: 'apiKey', apiKey: LINEAR_KEY },
    });
    expect(wrongAuth.status).toBe(400);
    expect(fieldsOf(wrongAuth)).toEqual(['auth.kind']);
    expect(wrongAuth.body.error.message).toContain('a jira connection takes auth of kind basic or bearer');
    const wrongUrl = await harness.call('patch', `/api/tracker-connections/${jira.body.id}`, {
      apiUrl: 'https://api.linear.app/graphql',
    });
    expect(fieldsOf(wrongUrl)).toEqual(['apiUrl']);
    const duplicate = await harness.call('patch', `/api/tracker-connections/${jira.body.id}`, {
      name: 'trk-e2e-linear',
    });
    expect(duplicate.status).toBe(409);
  });

  it('pages and filters by name and kind', async () => {
    const page = await harness.call(
      'get',
      '/api/tracker-connections?name=trk-e2e-linear&kind=linear&limit=1',
      undefined,
      harness.viewerKey,
    );
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      items: [expect.objectContaining({ name: 'trk-e2e-linear' })],
      total: 2,
      limit: 1,
      offset: 0,
    });
    const next = await harness.call(
      'get',
      '/api/tracker-connections?name=trk-e2e-linear&kind=linear&limit=1&offset=1',
    );
    expect(next.body.items.map((item: { name: string }) => item.name)).toEqual(['trk-e2e-linear-local']);
    const jira = await harness.call('get', '/api/tracker-connections?name=trk-e2e-&kind=jira');
    expect(jira.body.items.every((item: { kind: string }) => item.kind === 'jira')).toBe(true);
    const invalid = await harness.call('get', '/api/tracker-connections?kind=asana');
    expect(fieldsOf(invalid)).toEqual(['kind']);
  });

  it('answers 409 naming the clash when a create or a rename takes a name already in use', async () => {
    const first = await harness.call('post', '/api/tracker-connections', {
      kind: 'jira',
      name: 'trk-e2e-dup',
      siteUrl: 'https://dup.atlassian.net',
      auth: { kind: 'bearer', token: BEARER },
    });
    expect(first.status).toBe(201);
    const again = await harness.call('post', '/api/tracker-connections', {
      kind: 'linear',
      name: 'trk-e2e-dup',
      auth: { kind: 'apiKey', apiKey: LINEAR_KEY },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      status: 409,
      code: 'conflict',
      message: 'a tracker connection named "trk-e2e-dup" already exists; choose another name',
    });
    const other = await harness.call('post', '/api/tracker-connections', {
      kind: 'linear',
      name: 'trk-e2e-dup-other',
      auth: { kind: 'apiKey', apiKey: LINEAR_KEY },
    });
    expect(other.status).toBe(201);
    const rename = await harness.call('patch', `/api/tracker-connections/${other.body.id}`, {
      name: 'trk-e2e-dup',
    });
    expect(rename.status).toBe(409);
    expect((await harness.call('get', `/api/tracker-connections/${other.body.id}`)).body.name).toBe(
      'trk-e2e-dup-other',
    );
  });

  it('lets a viewer read but not write', async () => {
    const statuses = [
      (
        await harness.call(
          'post',
          '/api/tracker-connections',
          { kind: 'linear', name: 'x', auth: {} },
          harness.viewerKey,
        )
      ).status,
      (await harness.call('get', '/api/tracker-connections', undefined, harness.viewerKey)).status,
    ];
    expect(statuses).toEqual([403, 200]);
  });

  it('documents the routes in OpenAPI', async () => {
    const response = await harness.call('get', '/docs/json');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/tracker-connections', '/api/tracker-connections/{id}']),
    );
  });

  it('never lets a secret out: not in responses, logs or audit rows', async () => {
    const everything = await harness.everythingObservable('tracker-connection');
    for (const secret of [JIRA_TOKEN, LINEAR_KEY, BEARER, WEBHOOK_SECRET, NEW_WEBHOOK_SECRET]) {
      expect(everything).not.toContain(secret);
    }
  });
});
