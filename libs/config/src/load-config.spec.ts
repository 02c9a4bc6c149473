import { ConfigError, loadConfig } from './load-config';

const key = Buffer.alloc(32, 7).toString('base64');
const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sightline',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SECRETS_KEYS: `k1:${key}`,
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);
    expect(config.SIGHTLINE_ROLES).toEqual(['api', 'worker']);
    expect(config.QUEUE_PREFIX).toBe('sightline');
    expect(config.DATABASE_RUN_MIGRATIONS).toBe(false);
    expect(config.SECRETS_KEYS).toEqual([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
  });

  it('names every missing variable on its own line', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL: is required/);
    expect(problems[1]).toMatch(/^REDIS_URL: is required/);
    expect(problems[2]).toMatch(/^SECRETS_KEYS: is required/);
  });

  it('explains what is expected for malformed values', () => {
    const problems = problemsOf({
      ...valid,
      DATABASE_URL: 'mysql://x',
      SIGHTLINE_ROLES: 'api,cron',
      PORT: '99999',
      SECRETS_KEYS: 'k1:short',
      DATABASE_RUN_MIGRATIONS: 'maybe',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^SIGHTLINE_ROLES.*: expected api, worker or api,worker/),
      'PORT: expected a port between 1 and 65535',
      'DATABASE_URL: expected a URL such as postgres://user:password@host:5432/sightline',
      'DATABASE_RUN_MIGRATIONS: expected true or false',
      expect.stringMatching(/^SECRETS_KEYS: expected id:base64-32-byte-key/),
    ]);
  });

  it('never echoes a secret value in its problems', () => {
    const secret = 'not-a-valid-key-but-secret-material';
    const problems = problemsOf({
      ...valid,
      SECRETS_KEYS: `k1:${secret}`,
      ADMIN_BOOTSTRAP_KEY: 'short-secret',
    });
    expect(problems.join('\n')).not.toContain(secret);
    expect(problems.join('\n')).not.toContain('short-secret');
  });

  it('parses roles and treats empty strings as unset', () => {
    expect(loadConfig({ ...valid, SIGHTLINE_ROLES: 'worker', PORT: '' }).SIGHTLINE_ROLES).toEqual(['worker']);
  });
});
