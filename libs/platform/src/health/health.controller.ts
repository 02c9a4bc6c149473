import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { DatabasePing } from '@sightline/persistence';
import { HEALTH_REDIS, READINESS_DETAILS, type ReadinessDetails } from './health.tokens';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabasePing,
    @Inject(HEALTH_REDIS) private readonly redis: Redis,
    @Optional() @Inject(READINESS_DETAILS) private readonly extra?: ReadinessDetails,
  ) {}

  /** The process is up; restart it only when this fails. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready for traffic: PostgreSQL and Redis both answer. 503 otherwise. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.probe('database', () => this.database.ping()),
      () => this.probe('redis', () => this.redis.ping()),
      ...(this.extra ? [() => this.details(this.extra as ReadinessDetails)] : []),
    ]);
  }

  private async details(extra: ReadinessDetails) {
    const session = this.indicators.check(extra.key);
    try {
      return session.up(await withTimeout(extra.collect()));
    } catch (error) {
      return session.up({ unknown: (error as Error).message });
    }
  }

  private async probe<K extends string>(key: K, run: () => Promise<unknown>) {
    const session = this.indicators.check(key);
    try {
      await withTimeout(run());
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
