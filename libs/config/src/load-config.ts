import { envSchema, type Config } from './env.schema';

/** Raised when the environment is unusable; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once. Empty strings count as unset, as in most .env tooling. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const message = issue.code === 'invalid_type' && present[name] === undefined ? `is required (${issue.message})` : issue.message;
    return `${name}: ${message}`;
  });
  throw new ConfigError(problems);
}

/**
 * For process entry points: validate or stop with exit code 1 and one line per problem.
 * Values are never printed, since some of them are secrets.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`sightline: ${error.message}\n`);
    process.exit(1);
  }
}
