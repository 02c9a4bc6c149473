import { AdminApiHarness, fieldsOf } from '@sightline/testing';
import { createIngestionApp } from '../src/ingestion.app';

const TOKEN = 'ghp_e2eCloneUrlToken0123456789abcdef';
const URL_PASSWORD = 'hunter2-in-the-url';

describe('repository clone URLs (e2e)', () => {
  const harness = new AdminApiHarness(createIngestionApp);

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it.each([
    ['ext::sh -c touch% /tmp/pwned', 'transport helpers'],
    ['-uhttps://x', 'must not start with "-"'],
    ['--upload-pack=touch /tmp/x', 'must not start with "-"'],
    [`https://user:${URL_PASSWORD}@github.com/x.git`, 'credentials field'],
    ['http://169.254.169.254/latest', 'cloud metadata service'],
    ['https://[fe80::1]/x.git', 'link-local'],
    ['file:///etc', 'ALLOW_LOCAL_REPOSITORIES'],
    ['/srv/git/shop.git', 'ALLOW_LOCAL_REPOSITORIES'],
    ['git://github.com/acme/shop.git', 'use https:// or ssh://'],
  ])('refuses the clone URL %j with a 400 naming cloneUrl', async (cloneUrl, message) => {
    const response = await harness.call('post', '/api/repositories', {
      name: `rep-e2e-bad-${Date.now()}`,
      cloneUrl,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(fieldsOf(response)).toEqual(['cloneUrl']);
    expect(response.body.error.message).toMatch(/^cloneUrl: /);
    expect(response.body.error.message).toContain(message);
  });

  it('refuses a bad clone URL on PATCH too, and leaves the repository unchanged', async () => {
    const created = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-patch-url',
      cloneUrl: 'https://github.com/acme/p.git',
    });
    const response = await harness.call('patch', `/api/repositories/${created.body.id}`, {
      cloneUrl: 'ext::sh -c id',
    });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['cloneUrl']);
    expect((await harness.call('get', `/api/repositories/${created.body.id}`)).body.cloneUrl).toBe(
      'https://github.com/acme/p.git',
    );
  });

  it('refuses token credentials with an ssh clone URL', async () => {
    const ssh = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-mismatch',
      cloneUrl: 'ssh://git@github.com/acme/x.git',
      credentials: { kind: 'token', token: TOKEN },
    });
    expect(ssh.status).toBe(400);
    expect(fieldsOf(ssh)).toEqual(['credentials']);
  });

  it('registers nothing for a refused URL', async () => {
    const listed = await harness.call('get', '/api/repositories?name=rep-e2e-bad-');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(0);
  });

  it('never echoes credentials from a refused URL: not in responses, logs or audit rows', async () => {
    const everything = await harness.everythingObservable('repository');
    expect(everything).toContain('credentials field');
    expect(everything).not.toContain(URL_PASSWORD);
    expect(everything).not.toContain(TOKEN);
  });
});

describe('repositories admin API with local and private hosts allowed (e2e)', () => {
  const harness = new AdminApiHarness(createIngestionApp, {
    ALLOW_LOCAL_REPOSITORIES: 'true',
    ALLOW_PRIVATE_GIT_HOSTS: 'true',
  });

  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('accepts file:// URLs, server paths and link-local hosts, and still refuses injection', async () => {
    for (const [name, cloneUrl] of [
      ['rep-e2e-local-file', 'file:///srv/git/shop.git'],
      ['rep-e2e-local-path', '/srv/git/shop.git'],
      ['rep-e2e-link-local', 'https://169.254.10.20/acme/shop.git'],
    ]) {
      const response = await harness.call('post', '/api/repositories', { name, cloneUrl });
      expect(response.status).toBe(201);
      expect(response.body.cloneUrl).toBe(cloneUrl);
    }
    const local = await harness.call('post', '/api/repositories', {
      name: 'rep-e2e-local-creds',
      cloneUrl: 'file:///srv/git/other.git',
      credentials: { kind: 'token', token: TOKEN },
    });
    expect(local.status).toBe(400);
    expect(local.body.error.message).toContain('a local repository takes no credentials');
    for (const cloneUrl of ['ext::sh -c id', '--upload-pack=id', 'file:///srv/x y']) {
      const response = await harness.call('post', '/api/repositories', {
        name: 'rep-e2e-local-bad',
        cloneUrl,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['cloneUrl']);
    }
  });
});
