import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type GitCredentials =
  { kind: 'token'; token: string; username?: string } | { kind: 'ssh-key'; privateKey: string };

export interface GitAuthEnvironment {
  env: Record<string, string>;
  /** Removes any key file written for this run. */
  dispose(): Promise<void>;
}

/**
 * Credentials reach git only through the child's environment — never its command line, where
 * `ps` and logs would show them. Tokens travel as an `http.extraHeader` set through
 * GIT_CONFIG_COUNT; SSH keys are written to a private temporary file for the run.
 */
export async function gitAuthEnvironment(credentials: GitCredentials | null): Promise<GitAuthEnvironment> {
  if (!credentials) return { env: {}, dispose: async () => undefined };
  if (credentials.kind === 'token') {
    const basic = Buffer.from(`${credentials.username ?? 'x-access-token'}:${credentials.token}`).toString(
      'base64',
    );
    return {
      env: {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
      },
      dispose: async () => undefined,
    };
  }
  const directory = await mkdtemp(join(tmpdir(), 'sightline-ssh-'));
  const keyFile = join(directory, 'key');
  await writeFile(
    keyFile,
    credentials.privateKey.endsWith('\n') ? credentials.privateKey : `${credentials.privateKey}\n`,
    {
      mode: 0o600,
    },
  );
  return {
    // The path is ours (mkdtemp), so quoting it for the ssh command line is safe.
    env: {
      GIT_SSH_COMMAND: `ssh -i '${keyFile}' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new`,
    },
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}
