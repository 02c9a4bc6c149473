import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { CONFIG, InjectConfig, type Config } from '@sightline/config';
import { redisConnectionOptions } from '@sightline/queues';

export const ENRICHMENT_REDIS = Symbol('enrichment.redis');

export const enrichmentRedisProvider = {
  provide: ENRICHMENT_REDIS,
  inject: [CONFIG],
  useFactory: (config: Config) =>
    new Redis(redisConnectionOptions(config.REDIS_URL)).on('error', () => undefined),
};

/** Raises the stored instant only forward: a shorter Retry-After never shortens a longer block. */
const BLOCK_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if wanted > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return wanted
end
return current`;

/**
 * "This tracker connection asked us to wait until T", shared by every worker process through
 * Redis: once one job meets a 429, every job on that connection waits (delayed, not failed)
 * instead of each one hammering the tracker and collecting its own 429.
 */
@Injectable()
export class TrackerRateLimiter implements OnApplicationShutdown {
  private readonly prefix: string;

  constructor(
    @Inject(ENRICHMENT_REDIS) private readonly redis: Redis,
    @InjectConfig() config: Config,
  ) {
    this.prefix = `${config.QUEUE_PREFIX}:tracker-blocked:`;
  }

  /** Epoch ms until which the connection is blocked, or null when it is not. */
  async blockedUntil(connectionId: string, now = Date.now()): Promise<number | null> {
    const value = await this.redis.get(this.prefix + connectionId);
    const until = value === null ? 0 : Number(value);
    return until > now ? until : null;
  }

  /** Blocks the connection for `delayMs` from now (or longer, if already blocked longer); returns the instant. */
  async block(connectionId: string, delayMs: number, now = Date.now()): Promise<number> {
    const until = now + Math.max(0, Math.ceil(delayMs));
    const ttl = Math.max(1, until - now) + 1_000;
    const stored = await this.redis.eval(
      BLOCK_SCRIPT,
      1,
      this.prefix + connectionId,
      String(until),
      String(ttl),
    );
    return Number(stored);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
