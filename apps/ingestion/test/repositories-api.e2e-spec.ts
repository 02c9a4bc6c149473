import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepositoryRegistryRepository } from '@sightline/persistence';
import { RepositoryCredentialsService } from '../src/repositories/repository-credentials.service';
import { AdminApiHarness, fieldsOf } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const TOKEN = 'ghp_e2eRepositoryToken0123456789abcdef';

describe('repositories admin API (e2e)', () => {
  const harness = new AdminApiHarness(createIngestionApp);
  let keyDir: string;
  let privateKey: string;

  beforeAll(async () => {
    await harness.start();
    keyDir = mkdtempSync(join(tmpdir(), 'sightline-repo-e2e-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'e2e', '-f', join(keyDir, 'id')]);
    privateKey = readFileSync(join(keyDir, 'id'), 'utf8');
  });

  afterAll(async () => {
    await harness.stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('registers, reads, changes and deletes a repository, auditing each write', async () => {
    const created = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-shop',
      cloneUrl: 'https://github.com/acme/shop.git',
      defaultBranch: 'main',
      credentials: { kind: 'token', token: TOKEN, username: 'x-access-token' },
      exclusions: ['vendor/**', '**/*.snap'],
      refreshSchedule: '0  3 * * *',
      historyWindowDays: 365,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'rep-e2e-shop',
      cloneUrl: 'https://github.com/acme/shop.git',
      defaultBranch: 'main',
      remoteDefaultBranch: null,
      credentials: { kind: 'token', configured: true },
      exclusions: ['vendor/**', '**/*.snap'],
      refreshSchedule: '0 3 * * *',
      historyWindowDays: 365,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;

    const read = await harness.call('get', `/api/repositories/${id}`, undefined, harness.viewerKey);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    // Only the given fields change.
    const patched = await harness.call('patch', `/api/repositories/${id}`, {
      defaultBranch: 'release/2.0',
      exclusions: [],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      ...created.body,
      defaultBranch: 'release/2.0',
      exclusions: [],
      updatedAt: expect.any(String),
    });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(created.body.updatedAt));

    // Switching to ssh needs an SSH key; credentials: null removes them.
    const mismatch = await harness.call('patch', `/api/repositories/${id}`, {
      cloneUrl: 'git@github.com:acme/shop.git',
    });
    expect(mismatch.status).toBe(400);
    expect(fieldsOf(mismatch)).toEqual(['credentials']);
    expect(mismatch.body.error.message).toContain('token credentials work with https://');
    const toSsh = await harness.call('patch', `/api/repositories/${id}`, {
      cloneUrl: 'git@github.com:acme/shop.git',
      credentials: { kind: 'ssh-key', privateKey },
    });
    expect(toSsh.status).toBe(200);
    expect(toSsh.body.credentials).toEqual({ kind: 'ssh-key', configured: true });
    await expect(harness.get(RepositoryCredentialsService).open(id)).resolves.toEqual({
      kind: 'ssh-key',
      privateKey,
    });
    const cleared = await harness.call('patch', `/api/repositories/${id}`, {
      credentials: null,
      refreshSchedule: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual(
      expect.objectContaining({ credentials: null, refreshSchedule: null, defaultBranch: 'release/2.0' }),
    );
    await expect(harness.get(RepositoryCredentialsService).open(id)).resolves.toBeNull();

    expect((await harness.call('delete', `/api/repositories/${id}`)).status).toBe(204);
    expect((await harness.call('get', `/api/repositories/${id}`)).status).toBe(404);
    expect((await harness.call('delete', `/api/repositories/${id}`)).status).toBe(404);

    const trail = await harness.audit('repository', id);
    expect(trail.map((row) => row.action)).toEqual(['delete', 'update', 'update', 'update', 'create']);
    expect(trail[4]).toEqual(
      expect.objectContaining({ before: null, after: expect.objectContaining({ name: 'rep-e2e-shop' }) }),
    );
    expect(trail[3]).toEqual(
      expect.objectContaining({
        before: expect.objectContaining({ defaultBranch: 'main' }),
        after: expect.objectContaining({ defaultBranch: 'release/2.0' }),
      }),
    );
    expect(trail[0]).toEqual(
      expect.objectContaining({ before: expect.objectContaining({ id }), after: null }),
    );
  });

  it('keeps the token sealed at rest and hands it to the cloning code intact', async () => {
    const created = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-sealed',
      cloneUrl: 'https://gitlab.example.com/acme/sealed.git',
      credentials: { kind: 'token', token: TOKEN },
    });
    expect(created.status).toBe(201);
    const sealed = await harness.get(RepositoryRegistryRepository).findSealedCredentials(created.body.id);
    expect(sealed).toEqual({ kind: 'token', envelope: expect.stringMatching(/^v1:test:/) });
    expect(sealed?.envelope).not.toContain(TOKEN);
    await expect(harness.get(RepositoryCredentialsService).open(created.body.id)).resolves.toEqual({
      kind: 'token',
      token: TOKEN,
    });
  });

  it('names each invalid field and how to fix it', async () => {
    const response = await harness.call('post', '/api/repositories', {
      name: '',
      cloneUrl: 'https://github.com/acme/x.git',
      defaultBranch: '-main',
      credentials: { kind: 'ssh-key', privateKey: 'ssh-ed25519 AAAAC3Nza e2e' },
      exclusions: ['/abs/**', '{a,b'],
      refreshSchedule: '0 25 * * *',
      historyWindowDays: 0,
      colour: 'blue',
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response).sort()).toEqual(
      [
        '',
        'credentials.privateKey',
        'defaultBranch',
        'exclusions.0',
        'exclusions.1',
        'historyWindowDays',
        'name',
        'refreshSchedule',
      ].sort(),
    );
    const messages = Object.fromEntries(
      response.body.error.details.map((detail: { field: string; message: string }) => [
        detail.field,
        detail.message,
      ]),
    );
    expect(messages).toEqual(
      expect.objectContaining({
        defaultBranch: 'must not start with "-"',
        refreshSchedule: 'hour field: 25 is outside 0–23',
        'credentials.privateKey': expect.stringContaining('public key'),
        'exclusions.0': expect.stringContaining('relative to the repository root'),
        '': expect.stringContaining('colour'),
      }),
    );
  });

  it('answers 409 for a duplicate name and 400 for an empty PATCH', async () => {
    const first = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-dup',
      cloneUrl: 'https://github.com/acme/dup.git',
    });
    expect(first.status).toBe(201);
    const again = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-dup',
      cloneUrl: 'https://github.com/acme/dup2.git',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      status: 409,
      code: 'conflict',
      message: expect.stringContaining('"rep-e2e-dup" already exists'),
    });
    const other = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-dup-b',
      cloneUrl: 'https://github.com/acme/dup.git',
    });
    const rename = await harness.call('patch', `/api/repositories/${other.body.id}`, { name: 'rep-e2e-dup' });
    expect(rename.status).toBe(409);
    const empty = await harness.call('patch', `/api/repositories/${other.body.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('give at least one field to change');
  });

  it('pages and filters the list', async () => {
    for (const suffix of ['c', 'a', 'b']) {
      const created = await harness.call('post', '/api/repositories', {
        name: `rep-e2e-page-${suffix}`,
        cloneUrl: `https://github.com/acme/page-${suffix}.git`,
      });
      expect(created.status).toBe(201);
    }
    const first = await harness.call(
      'get',
      '/api/repositories?name=E2E-PAGE-&limit=2',
      undefined,
      harness.viewerKey,
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ items: expect.any(Array), total: 3, limit: 2, offset: 0 });
    expect(first.body.items.map((item: { name: string }) => item.name)).toEqual([
      'rep-e2e-page-a',
      'rep-e2e-page-b',
    ]);
    const second = await harness.call('get', '/api/repositories?name=e2e-page-&limit=2&offset=2');
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(['rep-e2e-page-c']);
    // LIKE wildcards in the filter are taken literally.
    expect((await harness.call('get', '/api/repositories?name=e2e_page%25')).body.total).toBe(0);
    const invalid = await harness.call('get', '/api/repositories?limit=500&offset=-1&sort=name');
    expect(invalid.status).toBe(400);
    expect(fieldsOf(invalid).sort()).toEqual(['', 'limit', 'offset']);
  });

  it('lets a viewer read but not write', async () => {
    const created = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-viewer',
      cloneUrl: 'https://github.com/acme/v.git',
    });
    const id = created.body.id as string;
    const writes = [
      await harness.call(
        'post',
        '/api/repositories',
        { name: 'rep-e2e-viewer-2', cloneUrl: 'https://github.com/a/b.git' },
        harness.viewerKey,
      ),
      await harness.call(
        'patch',
        `/api/repositories/${id}`,
        { name: 'rep-e2e-viewer-renamed' },
        harness.viewerKey,
      ),
      await harness.call('delete', `/api/repositories/${id}`, undefined, harness.viewerKey),
    ];
    expect(writes.map((response) => response.status)).toEqual([403, 403, 403]);
    expect(
      (await harness.call('get', `/api/repositories/${id}`, undefined, harness.viewerKey)).body.name,
    ).toBe('rep-e2e-viewer');
    expect(await harness.audit('repository', id)).toHaveLength(1);
  });

  it('documents the routes in OpenAPI', async () => {
    const response = await harness.call('get', '/docs/json');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/repositories', '/api/repositories/{id}']),
    );
  });

  it('never lets a secret out: not in responses, logs or audit rows', async () => {
    const everything = await harness.everythingObservable('repository');
    expect(harness.logs.lines.length).toBeGreaterThan(10);
    for (const secret of [TOKEN, privateKey.split('\n')[1], harness.adminKey, harness.viewerKey]) {
      expect(everything).not.toContain(secret);
    }
  });
});
