import { spawn } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { childProcessEnvironment } from '@sightline/config';
import { gitAuthEnvironment, type GitCredentials } from './git-credentials';

/** Why a sync failed, and whether trying again can help. */
export class GitSyncError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'GitSyncError';
  }
}

const PERMANENT_FAILURES: [RegExp, string][] = [
  [
    /Authentication failed|could not read (Username|Password)|Invalid username or password|Access denied|HTTP Basic|returned error: 40[13]|Permission denied \(publickey/i,
    'the remote refused the credentials; check the repository credentials',
  ],
  [
    /Repository not found|not found|does not appear to be a git repository|returned error: 404|does not exist/i,
    'the remote has no such repository; check the clone URL',
  ],
  [
    /couldn't find remote ref|Remote branch .* not found|unknown revision/i,
    'the remote has no such branch; check the default branch',
  ],
  [
    /transport '.*' not allowed|unsupported protocol/i,
    'the clone URL uses a transport Sightline does not allow',
  ],
];

export interface SyncedMirror {
  path: string;
  branch: string;
  head: string;
}

export interface GitMirrorOptions {
  cacheDir: string;
  timeoutMs: number;
  /** Transports git may use; `file` only when local repositories are allowed. */
  allowedProtocols: string[];
}

/**
 * Keeps one bare copy of each repository's branches under the cache directory: cloned once,
 * fetched incrementally after. Only `refs/heads/*` are fetched, so pull-request refs on hosted
 * mirrors never inflate the history.
 */
export class GitMirror {
  constructor(private readonly options: GitMirrorOptions) {}

  pathFor(repositoryId: string): string {
    return join(this.options.cacheDir, `${repositoryId}.git`);
  }

  /** Drops the copy, so the next sync clones the repository afresh. */
  async discard(repositoryId: string): Promise<void> {
    await rm(this.pathFor(repositoryId), { recursive: true, force: true });
  }

  async sync(
    repositoryId: string,
    cloneUrl: string,
    credentials: GitCredentials | null,
    branch: string | null,
  ): Promise<SyncedMirror> {
    if (cloneUrl.startsWith('-')) throw new GitSyncError('the clone URL may not start with "-"', true);
    const path = this.pathFor(repositoryId);
    const auth = await gitAuthEnvironment(credentials);
    try {
      if (!(await exists(join(path, 'HEAD')))) {
        await rm(path, { recursive: true, force: true });
        await mkdir(path, { recursive: true });
        await this.git(['init', '--quiet', '--bare', path], auth.env);
        await this.git(['-C', path, 'config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*'], auth.env);
      }
      // Set every time: an admin may have changed the URL since the last sync.
      await this.git(['-C', path, 'config', 'remote.origin.url', cloneUrl], auth.env);
      const target = branch ?? (await this.remoteDefaultBranch(path, auth.env));
      await this.git(['-C', path, 'fetch', '--quiet', '--prune', '--no-tags', 'origin'], auth.env);
      const ref = `refs/heads/${target}`;
      const head = (
        await this.git(['-C', path, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], auth.env).catch(
          () => '',
        )
      ).trim();
      if (!head)
        throw new GitSyncError(`the remote has no branch "${target}"; check the default branch`, true);
      await this.git(['-C', path, 'symbolic-ref', 'HEAD', ref], auth.env);
      return { path, branch: target, head };
    } finally {
      await auth.dispose();
    }
  }

  private async remoteDefaultBranch(path: string, env: Record<string, string>): Promise<string> {
    const output = await this.git(['-C', path, 'ls-remote', '--symref', 'origin', 'HEAD'], env);
    const match = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(output);
    if (!match)
      throw new GitSyncError('the remote does not name a default branch; set the default branch', true);
    return match[1];
  }

  private git(args: string[], authEnv: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        env: {
          ...childProcessEnvironment(),
          GIT_TERMINAL_PROMPT: '0',
          GIT_ASKPASS: '/bin/false',
          SSH_ASKPASS: '/bin/false',
          GIT_ALLOW_PROTOCOL: this.options.allowedProtocols.join(':'),
          GIT_CONFIG_NOSYSTEM: '1',
          ...authEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.timeoutMs);
      child.on('error', (error) => reject(new GitSyncError(`cannot run git: ${error.message}`, false)));
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) return resolve(stdout);
        if (signal === 'SIGKILL')
          return reject(
            new GitSyncError(`git ${args[2] ?? args[0]} timed out after ${this.options.timeoutMs} ms`, false),
          );
        reject(classify(stderr));
      });
    });
  }
}

function classify(stderr: string): GitSyncError {
  // git may echo the remote URL; strip any userinfo so credentials can never reach a log.
  const detail = stderr
    .replace(/\/\/[^/@\s]+@/g, '//')
    .trim()
    .split('\n')
    .slice(-3)
    .join(' ');
  for (const [pattern, advice] of PERMANENT_FAILURES) {
    if (pattern.test(stderr)) return new GitSyncError(`${advice} (git: ${detail})`, true);
  }
  return new GitSyncError(`git failed: ${detail || 'no message'}`, false);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
