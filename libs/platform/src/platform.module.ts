import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import type { DestinationStream } from 'pino';
import { ConfigModule, type Config } from '@sightline/config';
import { PersistenceModule } from '@sightline/persistence';
import {
  ALL_QUEUES,
  QUEUE_NAMES,
  QueuesModule,
  redisConnectionOptions,
  type QueueName,
} from '@sightline/queues';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { HEALTH_REDIS } from './health/health.tokens';
import { ErrorBodyFilter } from './http/error-body.filter';
import { loggerParams } from './logging';
import { MetricsController } from './metrics/metrics.controller';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics/metrics.registry';
import { queueBoardAuth } from './queue-board';

export interface PlatformOptions {
  service: 'ingestion' | 'enrichment';
  config: Config;
  /** Where JSON logs go; stdout when omitted. Tests pass a capturing stream. */
  logDestination?: DestinationStream;
}

/**
 * What every Sightline service has: validated config, JSON logs with request ids, PostgreSQL,
 * queues, health, metrics, admin authentication, audit, rate limiting and the queue board.
 */
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly healthRedis: Redis) {}

  static forRoot({ service, config, logDestination }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(service, config, logDestination)),
        PersistenceModule.forRoot(config, `sightline-${service}`),
        QueuesModule.forRoot(config),
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot([{ name: 'admin', ttl: 60_000, limit: config.ADMIN_RATE_LIMIT_PER_MINUTE }]),
        AuthModule,
        BullBoardModule.forRootAsync({
          imports: [AuthModule],
          inject: [ApiKeyAuthenticator],
          useFactory: (authenticator: ApiKeyAuthenticator) => ({
            route: '/admin/queues',
            adapter: ExpressAdapter,
            middleware: queueBoardAuth(authenticator),
          }),
        }),
        ...QUEUE_NAMES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_FILTER, useClass: ErrorBodyFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        {
          provide: HEALTH_REDIS,
          useFactory: () =>
            new Redis({
              ...redisConnectionOptions(config.REDIS_URL),
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              lazyConnect: false,
              connectTimeout: 2_000,
              // Keep reconnecting quietly in the background; readiness reports the outage.
              retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
            }).on('error', () => undefined),
        },
        {
          provide: METRICS_REGISTRY,
          inject: [ALL_QUEUES],
          useFactory: (queues: ReadonlyMap<QueueName, Queue>) => createMetricsRegistry(service, queues),
        },
      ],
      exports: [HEALTH_REDIS, METRICS_REGISTRY],
    };
  }

  onApplicationShutdown(): void {
    this.healthRedis.disconnect();
  }
}
