import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHost } from '@sightline/testing';
import { GitMirror, GitSyncError } from './git-mirror';

const TOKEN = 'fake-host-token-9f8e7d';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@x',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@x',
    },
  })
    .toString()
    .trim();
}

describe('GitMirror against a smart-HTTP git host (medium)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sightline-mirror-'));
  const served = join(work, 'served');
  const source = join(work, 'source');
  const host = new FakeGitHost({ root: served, token: TOKEN });
  const mirror = new GitMirror({
    cacheDir: join(work, 'cache'),
    timeoutMs: 20_000,
    allowedProtocols: ['http', 'https'],
  });
  let baseUrl: string;

  beforeAll(async () => {
    execFileSync('git', ['init', '-q', '-b', 'main', source]);
    git(source, 'commit', '-q', '--allow-empty', '-m', 'first');
    execFileSync('git', ['clone', '-q', '--bare', source, join(served, 'team.git')]);
    baseUrl = await host.start();
  });

  afterAll(async () => {
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('clones with a token, follows the remote default branch, then fetches only what is new', async () => {
    const first = await mirror.sync('repo-1', `${baseUrl}/team.git`, { kind: 'token', token: TOKEN }, null);
    expect(first.branch).toBe('main');
    expect(first.head).toBe(git(source, 'rev-parse', 'HEAD'));

    git(source, 'commit', '-q', '--allow-empty', '-m', 'second');
    git(source, 'push', '-q', join(served, 'team.git'), 'main');
    const second = await mirror.sync(
      'repo-1',
      `${baseUrl}/team.git`,
      { kind: 'token', token: TOKEN },
      'main',
    );
    expect(second.head).toBe(git(source, 'rev-parse', 'HEAD'));
    expect(git(second.path, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(host.requests.every((request) => request.authorized)).toBe(true);
  });

  it('fails permanently with a readable reason for wrong credentials, a missing repository or branch', async () => {
    const attempts = [
      mirror.sync('repo-2', `${baseUrl}/team.git`, { kind: 'token', token: 'wrong' }, null),
      mirror.sync('repo-3', `${baseUrl}/absent.git`, { kind: 'token', token: TOKEN }, 'main'),
      mirror.sync('repo-4', `${baseUrl}/team.git`, { kind: 'token', token: TOKEN }, 'no-such-branch'),
    ];
    const [auth, missing, branch] = await Promise.all(
      attempts.map((attempt) => attempt.catch((error: unknown) => error)),
    );
    expect(auth).toEqual(
      expect.objectContaining({
        permanent: true,
        message: expect.stringContaining('refused the credentials'),
      }),
    );
    expect(missing).toEqual(
      expect.objectContaining({ permanent: true, message: expect.stringContaining('no such repository') }),
    );
    expect(branch).toEqual(
      expect.objectContaining({
        permanent: true,
        message: expect.stringContaining('no branch "no-such-branch"'),
      }),
    );
    for (const error of [auth, missing, branch])
      expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it('refuses transport helpers and option injection before git can act on them', async () => {
    const marker = join(work, 'pwned');
    const ext = await mirror
      .sync('repo-5', `ext::sh -c touch% ${marker}`, null, 'main')
      .catch((error: unknown) => error);
    expect(ext).toBeInstanceOf(GitSyncError);
    expect((ext as GitSyncError).permanent).toBe(true);
    await expect(mirror.sync('repo-6', `--upload-pack=touch ${marker}`, null, 'main')).rejects.toThrow(
      /may not start with "-"/,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('reports an unreachable host as transient, so the job retries', async () => {
    const error = await mirror
      .sync('repo-7', 'http://127.0.0.1:1/team.git', null, 'main')
      .catch((failure: unknown) => failure);
    expect(error).toEqual(expect.objectContaining({ permanent: false }));
  });
});
