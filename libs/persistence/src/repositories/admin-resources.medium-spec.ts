import { randomUUID } from 'node:crypto';
import { testConfig } from '@sightline/testing';
import { createDataSource } from '../data-source';
import { ConstraintViolationError } from './constraint-violation';
import { ProjectMappingRepository } from './project-mapping.repository';
import { RepositoryRegistryRepository } from './repository-registry.repository';
import { TrackerConnectionRepository } from './tracker-connection.repository';

/** The admin entities' repositories against real PostgreSQL: constraints, transactions, filters. */
describe('repository registry, tracker connections and project mappings (medium)', () => {
  const dataSource = createDataSource(testConfig().DATABASE_URL, 'sightline-admin-resources-medium');
  let repositories: RepositoryRegistryRepository;
  let connections: TrackerConnectionRepository;
  let mappings: ProjectMappingRepository;
  const prefix = `med-${randomUUID().slice(0, 8)}`;

  const register = (name: string) =>
    repositories.register({
      name: `${prefix}-${name}`,
      cloneUrl: `https://git.example.com/${name}.git`,
      defaultBranch: null,
      credentials: null,
      exclusions: [],
      refreshCron: null,
      historyWindowDays: null,
    });
  const connect = (name: string) =>
    connections.create({
      name: `${prefix}-${name}`,
      kind: 'jira',
      baseUrl: 'https://acme.atlassian.net',
      authKind: 'bearer',
      credentialEnvelope: 'v1:test:sealed',
      webhookSecretEnvelope: null,
    });
  const mapping = (connectionId: string, projectKey: string, repositoryIds: string[]) => ({
    connectionId,
    projectKey,
    repositoryIds,
    pathRules: [],
    riskThresholds: {},
    writebackMode: 'dry-run' as const,
    grooming: {},
  });

  beforeAll(async () => {
    await dataSource.initialize();
    repositories = new RepositoryRegistryRepository(dataSource);
    connections = new TrackerConnectionRepository(dataSource);
    mappings = new ProjectMappingRepository(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('reports a taken name as a unique violation', async () => {
    await register('dup');
    await expect(register('dup')).rejects.toEqual(
      expect.objectContaining({
        name: 'ConstraintViolationError',
        kind: 'unique',
        constraint: 'repositories_name_key',
      }),
    );
  });

  it('keeps a mapped repository and a used connection, reporting foreign-key violations', async () => {
    const repository = await register('kept');
    const connection = await connect('kept');
    await mappings.create(mapping(connection.id, 'KEPT', [repository.id]));
    const refused = repositories.remove(repository.id);
    await expect(refused).rejects.toBeInstanceOf(ConstraintViolationError);
    await expect(refused).rejects.toEqual(expect.objectContaining({ kind: 'foreign-key' }));
    await expect(connections.remove(connection.id)).rejects.toEqual(
      expect.objectContaining({ kind: 'foreign-key' }),
    );
    await expect(repositories.findById(repository.id)).resolves.toEqual(
      expect.objectContaining({ id: repository.id }),
    );
  });

  it('writes a mapping and its repositories in one transaction', async () => {
    const repository = await register('atomic');
    const connection = await connect('atomic');
    const missing = randomUUID();
    await expect(mappings.create(mapping(connection.id, 'ATOM', [repository.id, missing]))).rejects.toEqual(
      expect.objectContaining({ kind: 'foreign-key' }),
    );
    // Nothing of the failed mapping is left behind.
    await expect(mappings.findForProject(connection.id, 'ATOM')).resolves.toBeNull();
    const created = await mappings.create(mapping(connection.id, 'ATOM', [repository.id]));
    await expect(mappings.update(created.id, { repositoryIds: [missing] })).rejects.toEqual(
      expect.objectContaining({ kind: 'foreign-key' }),
    );
    await expect(mappings.findById(created.id)).resolves.toEqual(
      expect.objectContaining({ repositoryIds: [repository.id] }),
    );
    await expect(mappings.create(mapping(connection.id, 'ATOM', [repository.id]))).rejects.toEqual(
      expect.objectContaining({ kind: 'unique' }),
    );
  });

  it('serves the per-ticket reads from a short-lived copy that its own writes drop at once', async () => {
    const [first, second] = [await register('recent-a'), await register('recent-b')];
    const connection = await connect('recent');
    const created = await mappings.create(mapping(connection.id, 'RECENT', [second.id, first.id]));
    expect(await mappings.findForProjectRecent(connection.id, 'RECENT')).toEqual(created);
    expect(await mappings.findByIdRecent(created.id)).toEqual(await mappings.findById(created.id));
    expect(created.repositoryIds).toEqual([first.id, second.id].sort());
    expect(await connections.findByIdRecent(connection.id)).toEqual(connection);

    await mappings.update(created.id, { writebackMode: 'comment', repositoryIds: [first.id] });
    expect(await mappings.findForProjectRecent(connection.id, 'RECENT')).toEqual(
      expect.objectContaining({ writebackMode: 'comment', repositoryIds: [first.id] }),
    );
    await connections.update(connection.id, { health: 'unhealthy', healthReason: 'refused' });
    expect(await connections.findByIdRecent(connection.id)).toEqual(
      expect.objectContaining({ health: 'unhealthy', healthReason: 'refused' }),
    );
    await mappings.remove(created.id);
    expect(await mappings.findByIdRecent(created.id)).toBeNull();
    expect(await mappings.findForProjectRecent(connection.id, 'RECENT')).toBeNull();
    await connections.remove(connection.id);
    expect(await connections.findByIdRecent(connection.id)).toBeNull();
  });

  it("makes a connection's report-link key once, even when two processes race to make it", async () => {
    const jira = await connect('links');
    expect(await connections.reportLinkKeyEnvelope(jira.id)).toBeNull();
    const made: string[] = [];
    const candidate = (name: string) => () => (made.push(name), `v1:test:${name}`);
    const [a, b] = await Promise.all([
      connections.reportLinkKeyEnvelope(jira.id, candidate('a')),
      connections.reportLinkKeyEnvelope(jira.id, candidate('b')),
    ]);
    expect(a).toMatch(/^v1:test:[ab]$/);
    expect(b).toBe(a);
    expect(await connections.reportLinkKeyEnvelope(jira.id, candidate('c'))).toBe(a);
    expect(made).not.toContain('c');
    expect(await connections.reportLinkKeyEnvelope(jira.id)).toBe(a);
    expect(await connections.reportLinkKeyEnvelope(randomUUID(), candidate('d'))).toBeNull();
    // Not part of the record an API answers with.
    expect(JSON.stringify(await connections.findById(jira.id))).not.toContain('v1:test');
  });

  it('filters names literally, whatever LIKE would make of them', async () => {
    await register('100%_done');
    await register('100x-done');
    const literal = await repositories.list({ nameContains: `${prefix}-100%_`, limit: 10, offset: 0 });
    expect(literal.items.map((item) => item.name)).toEqual([`${prefix}-100%_done`]);
    expect(literal.total).toBe(1);
  });

  it('finds the mappings that use a repository or a connection', async () => {
    const first = await register('used-a');
    const second = await register('used-b');
    const connection = await connect('used');
    const web = await mappings.create(mapping(connection.id, 'WEB', [first.id, second.id]));
    const api = await mappings.create(mapping(connection.id, 'API', [second.id]));
    await expect(mappings.findUsingRepository(second.id)).resolves.toEqual([
      { id: api.id, connectionId: connection.id, projectKey: 'API' },
      { id: web.id, connectionId: connection.id, projectKey: 'WEB' },
    ]);
    await expect(mappings.findUsingRepository(first.id)).resolves.toEqual([
      { id: web.id, connectionId: connection.id, projectKey: 'WEB' },
    ]);
    await expect(mappings.findUsingConnection(connection.id)).resolves.toHaveLength(2);
    const page = await mappings.list({ repositoryId: second.id, limit: 1, offset: 1 });
    expect(page).toEqual({
      items: [expect.objectContaining({ projectKey: 'WEB', repositoryIds: [first.id, second.id].sort() })],
      total: 2,
    });
  });
});
