import type { z } from 'zod';
import { envSchema, type Config } from './env.schema';

/** Raised when the environment is unusable; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, present: Record<string, unknown>): string {
  const name = issue.path.join('.') || '(environment)';
  const missing = issue.code === 'invalid_type' && present[name] === undefined;
  return `${name}: ${missing ? `is required (${issue.message})` : issue.message}`;
}

/** Validates the environment once. Empty strings count as unset, as in most .env tooling. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, present)));
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

/**
 * For commands that need only part of the environment (the CLI's `keys`, migrations): validates
 * just those variables, so a laptop needs no Redis URL to create an API key.
 */
export function loadConfigSubset<K extends keyof Config>(
  keys: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<Config, K> {
  const mask = Object.fromEntries(keys.map((key) => [key, true]));
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  // zod cannot type a pick over a generic key list; the mask holds only keys of Config.
  const result = (envSchema.pick(mask as never) as z.ZodType).safeParse(present);
  if (result.success) return result.data as Pick<Config, K>;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, present)));
}
