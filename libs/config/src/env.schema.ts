import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const url = (protocols: string[], example: string) =>
  z.string({ message: `expected a URL such as ${example}` }).refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `expected a URL such as ${example}`);

const port = z.coerce
  .number({ message: 'expected a port number' })
  .int('expected a whole port number')
  .min(1, 'expected a port between 1 and 65535')
  .max(65535, 'expected a port between 1 and 65535');

const roles = z
  .string()
  .transform((value) => value.split(',').map((role) => role.trim()))
  .pipe(z.array(z.enum(['api', 'worker'], { message: 'expected api, worker or api,worker' })).min(1))
  .transform((list) => [...new Set(list)]);

/**
 * One 32-byte key per id, e.g. `k2026:BASE64,k2025:BASE64`. The first is used to encrypt; the
 * others stay readable so that a rotated key can still decrypt what it wrote.
 */
const secretKeys = z
  .string({ message: 'expected id:base64-32-byte-key[,id:key…] (generate: openssl rand -base64 32)' })
  .transform((value, ctx) => {
    const keys: { id: string; key: Buffer }[] = [];
    for (const entry of value.split(',').map((part) => part.trim())) {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (separator < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: 'expected id:base64-32-byte-key[,id:key…] (generate: openssl rand -base64 32)',
        });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    return keys;
  });

/** Every environment variable Sightline reads. `.env.example` documents each one. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGHTLINE_ROLES: roles.default(['api', 'worker']),
  PORT: port.optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/sightline'),
  DATABASE_RUN_MIGRATIONS: booleanFlag.default(false),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://host:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'expected 1–40 lowercase letters, digits, - or _')
    .default('sightline'),
  SECRETS_KEYS: secretKeys,
  ADMIN_BOOTSTRAP_KEY: z
    .string()
    .min(32, 'expected at least 32 characters (generate: openssl rand -hex 32)')
    .optional(),
  ADMIN_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'expected a whole number of requests' })
    .int()
    .positive()
    .default(600),
  REPOSITORY_CACHE_DIR: z.string().min(1).default('/var/lib/sightline/repositories'),
  SNAPSHOT_RETENTION: z.coerce
    .number({ message: 'expected a whole number of snapshots' })
    .int()
    .min(1)
    .default(5),
  ANALYSIS_CONCURRENCY: z.coerce
    .number({ message: 'expected a whole number of analyses' })
    .int()
    .min(1)
    .max(16)
    .default(1),
  GIT_TIMEOUT_MS: z.coerce
    .number({ message: 'expected milliseconds' })
    .int()
    .min(1000)
    .default(15 * 60_000),
  /** How long a worker's job lock lasts; a killed worker's job is retried after about this long. */
  WORKER_LOCK_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(1000).default(30_000),
  /** Shared secret of the GitHub/GitLab push hooks; the hook endpoints refuse every call while unset. */
  GIT_WEBHOOK_SECRET: z
    .string()
    .min(16, 'expected at least 16 characters (generate: openssl rand -hex 32)')
    .optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(0).default(30000),
  /** Lets admins register file:// URLs and server paths as repositories: only for single-tenant or test setups. */
  ALLOW_LOCAL_REPOSITORIES: booleanFlag.default(false),
  /** Lets clone URLs point at link-local addresses and cloud metadata hosts (blocked to stop server-side request forgery). */
  ALLOW_PRIVATE_GIT_HOSTS: booleanFlag.default(false),
  /** Base URL people reach the enrichment service at; ticket notes link to the report page `<url>/reports/…`. */
  ENRICHMENT_PUBLIC_URL: url(['http:', 'https:'], 'https://sightline.example.com').default(
    'http://localhost:3001',
  ),
  /** Tickets one enrichment worker process matches and assesses at once. */
  ENRICHMENT_CONCURRENCY: z.coerce
    .number({ message: 'expected a whole number of jobs' })
    .int()
    .min(1)
    .max(64)
    .default(8),
  /** Tickets one worker process writes back to Jira/Linear at once (mostly waiting on the tracker). */
  WRITEBACK_CONCURRENCY: z.coerce
    .number({ message: 'expected a whole number of jobs' })
    .int()
    .min(1)
    .max(64)
    .default(8),
  /** Tickets a grooming sweep reads per backlog page (Jira allows up to 100 per search/jql page). */
  GROOMING_PAGE_SIZE: z.coerce
    .number({ message: 'expected a whole number of tickets' })
    .int()
    .min(1)
    .max(100)
    .default(50),
  /** What a low-confidence match does to the ticket: `note` says so in the note, `silent` writes nothing new. */
  ENRICHMENT_LOW_CONFIDENCE: z
    .enum(['note', 'silent'], { message: 'expected note or silent' })
    .default('note'),
  /** Days webhook deliveries (for deduplication), finished enrichment runs and finished sweeps are kept. */
  ENRICHMENT_RETENTION_DAYS: z.coerce
    .number({ message: 'expected a whole number of days' })
    .int()
    .min(1)
    .default(30),
  /** Match indexes (one per repository snapshot) a worker process keeps in memory. */
  MATCH_INDEX_CACHE_SIZE: z.coerce
    .number({ message: 'expected a whole number of indexes' })
    .int()
    .min(1)
    .max(256)
    .default(8),
  /** Longest a single Jira API request may take before it counts as a transient failure (ms). */
  TRACKER_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(1000).default(15_000),
});

export type Config = z.output<typeof envSchema>;
export type Role = Config['SIGHTLINE_ROLES'][number];
