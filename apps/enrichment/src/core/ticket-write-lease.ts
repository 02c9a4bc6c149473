import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { InjectConfig, type Config } from '@sightline/config';
import { ENRICHMENT_REDIS } from './tracker-rate-limiter';

/** Extends the lease only while this holder still owns it. */
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
/** Releases the lease only if this holder still owns it (never another worker's). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * One write-back per ticket at a time, across every worker process: two workers writing the same
 * ticket at once could both find no comment and both post one. A Redis lease with the workers'
 * job-lock duration, renewed while the work runs: a killed worker's lease lapses after about the
 * time BullMQ takes to hand its stalled job to another worker, so the retry is not kept waiting
 * long, and no worker ever holds a database connection across tracker calls.
 */
@Injectable()
export class TicketWriteLease {
  private readonly prefix: string;
  private readonly ttlMs: number;

  constructor(
    @Inject(ENRICHMENT_REDIS) private readonly redis: Redis,
    @InjectConfig() config: Config,
  ) {
    this.prefix = `${config.QUEUE_PREFIX}:writeback-lease:`;
    this.ttlMs = config.WORKER_LOCK_MS;
  }

  /** Runs `work` holding the ticket's lease, or returns `{ acquired: false }` at once when another holds it. */
  async tryWith<T>(
    connectionId: string,
    ticketKey: string,
    work: () => Promise<T>,
  ): Promise<{ acquired: true; value: T } | { acquired: false }> {
    const key = `${this.prefix}${connectionId}:${ticketKey}`;
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) !== 'OK') return { acquired: false };
    const renewal = setInterval(
      () => {
        this.redis.eval(RENEW_SCRIPT, 1, key, token, String(this.ttlMs)).catch(() => undefined);
      },
      Math.max(100, Math.floor(this.ttlMs / 3)),
    );
    renewal.unref();
    try {
      return { acquired: true, value: await work() };
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE_SCRIPT, 1, key, token);
    }
  }
}
