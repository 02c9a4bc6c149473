import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ProjectMappingRepository } from '@sightline/persistence';
import { AdminApiHarness, fieldsOf } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const MISSING_ID = '3b0a3f4e-5f7c-4d2b-9a0e-2f4c6d8e1a2b';

describe('project mappings admin API (e2e)', () => {
  const harness = new AdminApiHarness(createIngestionApp);
  let jiraId: string;
  let linearId: string;
  let shopId: string;
  let paymentsId: string;

  const created = async (path: string, body: object): Promise<string> => {
    const response = await harness.call('post', path, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    await harness.start();
    jiraId = await created('/api/tracker-connections', {
      kind: 'jira',
      name: 'map-e2e-jira',
      siteUrl: 'https://acme.atlassian.net',
      auth: { kind: 'bearer', token: 'map-e2e-bearer-token-0123456789' },
    });
    linearId = await created('/api/tracker-connections', {
      kind: 'linear',
      name: 'map-e2e-linear',
      auth: { kind: 'apiKey', apiKey: 'lin_api_map_e2e_0123456789' },
    });
    shopId = await created('/api/repositories', {
      name: 'map-e2e-shop',
      cloneUrl: 'https://github.com/acme/shop.git',
    });
    paymentsId = await created('/api/repositories', {
      name: 'map-e2e-payments',
      cloneUrl: 'git@github.com:acme/payments.git',
    });
  });
  afterAll(() => harness.stop());

  it('creates a mapping with defaults, reads it, changes it field by field and deletes it', async () => {
    const response = await harness.call('post', '/api/project-mappings', {
      connectionId: jiraId,
      projectKey: 'SHOP',
      repositoryIds: [shopId],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      connectionId: jiraId,
      projectKey: 'SHOP',
      repositoryIds: [shopId],
      pathRules: [],
      riskThresholds: { high: 0.8, medium: 0.5, minConfidence: 0.3 },
      writebackMode: 'comment+label',
      grooming: { enabled: false, jql: null, schedule: null },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = response.body.id as string;
    expect(
      (await harness.call('get', `/api/project-mappings/${id}`, undefined, harness.viewerKey)).body,
    ).toEqual(response.body);

    const patched = await harness.call('patch', `/api/project-mappings/${id}`, {
      repositoryIds: [paymentsId, shopId],
      pathRules: [{ match: 'Payments', glob: 'services/payments/**' }],
      riskThresholds: { high: 0.9 },
      writebackMode: 'dry-run',
      grooming: {
        enabled: true,
        jql: 'project = SHOP AND statusCategory = "To Do"',
        schedule: '0 6 * * MON-FRI',
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...response.body,
      repositoryIds: [paymentsId, shopId].sort(),
      pathRules: [{ match: 'Payments', glob: 'services/payments/**' }],
      riskThresholds: { high: 0.9, medium: 0.5, minConfidence: 0.3 },
      writebackMode: 'dry-run',
      grooming: {
        enabled: true,
        jql: 'project = SHOP AND statusCategory = "To Do"',
        schedule: '0 6 * * MON-FRI',
      },
      updatedAt: expect.any(String),
    });
    // The enrichment workers' sweep schedule follows the mapping at once.
    const sweepSchedulers = async () =>
      (await harness.get<Queue>(getQueueToken('grooming-sweep')).getJobSchedulers(0, -1)).filter(
        (scheduler) => scheduler.key === `grooming-${id}`,
      );
    expect(await sweepSchedulers()).toEqual([
      expect.objectContaining({ pattern: '0 6 * * MON-FRI', name: 'scheduled-sweep' }),
    ]);
    // Nested objects merge; null clears a grooming field.
    const merged = await harness.call('patch', `/api/project-mappings/${id}`, { grooming: { jql: null } });
    expect(merged.body.grooming).toEqual({ enabled: true, jql: null, schedule: '0 6 * * MON-FRI' });
    expect(merged.body.riskThresholds).toEqual({ high: 0.9, medium: 0.5, minConfidence: 0.3 });

    await expect(harness.get(ProjectMappingRepository).findForProject(jiraId, 'SHOP')).resolves.toEqual(
      expect.objectContaining({ id, repositoryIds: [paymentsId, shopId].sort(), writebackMode: 'dry-run' }),
    );

    await harness.call('patch', `/api/project-mappings/${id}`, { grooming: { schedule: '30 5 * * *' } });
    expect(await sweepSchedulers()).toEqual([expect.objectContaining({ pattern: '30 5 * * *' })]);
    await harness.call('patch', `/api/project-mappings/${id}`, { grooming: { enabled: false } });
    expect(await sweepSchedulers()).toEqual([]);
    await harness.call('patch', `/api/project-mappings/${id}`, { grooming: { enabled: true } });
    expect(await sweepSchedulers()).toHaveLength(1);

    expect((await harness.call('delete', `/api/project-mappings/${id}`)).status).toBe(204);
    expect((await harness.call('get', `/api/project-mappings/${id}`)).status).toBe(404);
    expect(await sweepSchedulers()).toEqual([]);
    // The repositories and the connection stay.
    expect((await harness.call('get', `/api/repositories/${shopId}`)).status).toBe(200);

    const trail = await harness.audit('project-mapping', id);
    expect(trail.map((row) => row.action)).toEqual([
      'delete',
      'update',
      'update',
      'update',
      'update',
      'update',
      'create',
    ]);
    expect(trail[5]).toEqual(
      expect.objectContaining({
        before: expect.objectContaining({ writebackMode: 'comment+label' }),
        after: expect.objectContaining({ writebackMode: 'dry-run' }),
      }),
    );
  });

  it('refuses a repository or connection that a mapping uses, naming the mapping', async () => {
    const id = await created('/api/project-mappings', {
      connectionId: jiraId,
      projectKey: 'PAY',
      repositoryIds: [paymentsId],
    });
    const repository = await harness.call('delete', `/api/repositories/${paymentsId}`);
    expect(repository.status).toBe(409);
    expect(repository.body.error).toEqual({
      status: 409,
      code: 'conflict',
      message: expect.stringContaining(
        `repository "map-e2e-payments" is used by project mapping(s) PAY (${id})`,
      ),
    });
    const connection = await harness.call('delete', `/api/tracker-connections/${jiraId}`);
    expect(connection.status).toBe(409);
    expect(connection.body.error.message).toContain(
      `tracker connection "map-e2e-jira" is used by project mapping(s) PAY (${id})`,
    );
    expect((await harness.call('get', `/api/repositories/${paymentsId}`)).status).toBe(200);
    expect(await harness.audit('repository', paymentsId)).toHaveLength(1);

    // Once the mapping lets go, the repository can go.
    const spare = await created('/api/repositories', {
      name: 'map-e2e-spare',
      cloneUrl: 'https://github.com/acme/spare.git',
    });
    expect(
      (await harness.call('patch', `/api/project-mappings/${id}`, { repositoryIds: [spare] })).status,
    ).toBe(200);
    expect((await harness.call('delete', `/api/repositories/${paymentsId}`)).status).toBe(204);
    paymentsId = spare;
  });

  it('answers 409 when the connection already maps the project key', async () => {
    const first = await harness.call('post', '/api/project-mappings', {
      connectionId: linearId,
      projectKey: 'ENG',
      repositoryIds: [shopId],
    });
    expect(first.status).toBe(201);
    const again = await harness.call('post', '/api/project-mappings', {
      connectionId: linearId,
      projectKey: 'ENG',
      repositoryIds: [shopId],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(
      `"map-e2e-linear" already maps ENG (mapping ${first.body.id})`,
    );
    // The same key under another connection is a different project.
    expect(
      (
        await harness.call('post', '/api/project-mappings', {
          connectionId: jiraId,
          projectKey: 'ENG',
          repositoryIds: [shopId],
        })
      ).status,
    ).toBe(201);
  });

  it('answers 422 naming a connection or repository that does not exist', async () => {
    const repository = await harness.call('post', '/api/project-mappings', {
      connectionId: jiraId,
      projectKey: 'GHOST',
      repositoryIds: [shopId, MISSING_ID],
    });
    expect(repository.status).toBe(422);
    expect(repository.body.error.message).toBe(
      `repositoryIds: no repository with id ${MISSING_ID}; register it first (POST /api/repositories)`,
    );
    const connection = await harness.call('post', '/api/project-mappings', {
      connectionId: MISSING_ID,
      projectKey: 'GHOST',
      repositoryIds: [shopId],
    });
    expect(connection.status).toBe(422);
    expect(connection.body.error.message).toContain(
      `connectionId: no tracker connection with id ${MISSING_ID}`,
    );
  });

  it.each([
    [{ projectKey: 'shop' }, 'projectKey', 'upper-case'],
    [{ projectKey: 'S' }, 'projectKey', 'Jira project key is 2–10 characters'],
    [{ projectKey: 'TOOLONGKEY12' }, 'projectKey', 'upper-case'],
    [{ repositoryIds: [] }, 'repositoryIds', 'map at least one repository'],
    [{ repositoryIds: ['not-a-uuid'] }, 'repositoryIds.0', 'expected a repository id'],
    [{ pathRules: [{ match: '', glob: 'src/**' }] }, 'pathRules.0.match', 'component or label'],
    [{ pathRules: [{ match: 'Payments', glob: '{a,b' }] }, 'pathRules.0.glob', 'not a valid glob'],
    [{ riskThresholds: { high: 1.5 } }, 'riskThresholds.high', 'between 0 and 1'],
    [{ riskThresholds: { high: 0.4 } }, 'riskThresholds.medium', 'must be below riskThresholds.high (0.4)'],
    [{ riskThresholds: { severe: 0.9 } }, 'riskThresholds', 'severe'],
    [{ writebackMode: 'label' }, 'writebackMode', 'comment, comment+label or dry-run'],
    [{ grooming: { enabled: true, schedule: 'every day' } }, 'grooming.schedule', 'expected 5 fields'],
    [{ grooming: { jql: 'project = SHOP' } }, 'grooming.enabled', 'true or false'],
  ])('refuses %j naming the field', async (change, field, message) => {
    const response = await harness.call('post', '/api/project-mappings', {
      connectionId: jiraId,
      projectKey: 'VALID',
      repositoryIds: [shopId],
      ...change,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(fieldsOf(response)).toEqual([field]);
    expect(response.body.error.message).toContain(message);
  });

  it('refuses JQL for a Linear team', async () => {
    const response = await harness.call('post', '/api/project-mappings', {
      connectionId: linearId,
      projectKey: 'OPS',
      repositoryIds: [shopId],
      grooming: { enabled: true, jql: 'project = OPS' },
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['grooming.jql']);
  });

  it('pages and filters by connection, repository and project key', async () => {
    await created('/api/project-mappings', {
      connectionId: linearId,
      projectKey: 'WEB',
      repositoryIds: [paymentsId],
    });
    const byConnection = await harness.call(
      'get',
      `/api/project-mappings?connectionId=${linearId}&limit=1`,
      undefined,
      harness.viewerKey,
    );
    expect(byConnection.status).toBe(200);
    expect(byConnection.body).toEqual({
      items: [expect.objectContaining({ projectKey: 'ENG' })],
      total: 2,
      limit: 1,
      offset: 0,
    });
    const second = await harness.call(
      'get',
      `/api/project-mappings?connectionId=${linearId}&limit=1&offset=1`,
    );
    expect(second.body.items.map((item: { projectKey: string }) => item.projectKey)).toEqual(['WEB']);
    const byRepository = await harness.call('get', `/api/project-mappings?repositoryId=${paymentsId}`);
    expect(byRepository.body.items.map((item: { projectKey: string }) => item.projectKey)).toEqual([
      'PAY',
      'WEB',
    ]);
    const byKey = await harness.call('get', `/api/project-mappings?projectKey=ENG&connectionId=${jiraId}`);
    expect(byKey.body).toEqual(expect.objectContaining({ total: 1 }));
    const invalid = await harness.call('get', '/api/project-mappings?repositoryId=shop');
    expect(fieldsOf(invalid)).toEqual(['repositoryId']);
  });

  it('lets a viewer read but not write', async () => {
    const write = await harness.call(
      'post',
      '/api/project-mappings',
      { connectionId: jiraId, projectKey: 'VIEW', repositoryIds: [shopId] },
      harness.viewerKey,
    );
    expect(write.status).toBe(403);
    const list = await harness.call(
      'get',
      `/api/project-mappings?projectKey=VIEW`,
      undefined,
      harness.viewerKey,
    );
    expect(list.body.total).toBe(0);
  });

  it('documents the routes in OpenAPI', async () => {
    const response = await harness.call('get', '/docs/json');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/project-mappings', '/api/project-mappings/{id}']),
    );
  });
});
