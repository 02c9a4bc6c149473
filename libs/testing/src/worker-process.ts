import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import type { Config } from '@sightline/config';

/** A port nothing listens on right now, for a child service's HTTP server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A service started as its own worker-only process, sharing the test's database, Redis and queue
 * prefix — so a test can SIGKILL it mid-job and watch another worker take the job over.
 */
export async function spawnWorkerProcess(
  service: 'ingestion' | 'enrichment',
  config: Config,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${service}/src/main.ts`],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: config.DATABASE_URL,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SECRETS_KEYS: process.env.SECRETS_KEYS,
        SIGHTLINE_ROLES: 'worker',
        PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: 'ignore',
    },
  );
}
