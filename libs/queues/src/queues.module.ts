import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Config } from '@sightline/config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { QueueProducer } from './queue-producer';
import { QUEUE_NAMES, type QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

export const ALL_QUEUES = Symbol('sightline.queues');

/** Registers every queue (producers are needed by both apps) and the typed producer. */
@Module({})
export class QueuesModule {
  static forRoot(config: Config): DynamicModule {
    const queueTokens = QUEUE_NAMES.map((name) => getQueueToken(name));
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: redisConnectionOptions(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
        }),
        BullModule.registerQueue(
          ...QUEUE_NAMES.map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS[name] })),
        ),
      ],
      providers: [
        {
          provide: ALL_QUEUES,
          inject: queueTokens,
          useFactory: (...queues: Queue[]) => {
            // Without a listener an 'error' event (Redis gone, connection closed during shutdown)
            // would crash the process; readiness reports Redis outages instead.
            for (const queue of queues) queue.on('error', () => undefined);
            return new Map<QueueName, Queue>(QUEUE_NAMES.map((name, index) => [name, queues[index]]));
          },
        },
        {
          provide: QueueProducer,
          inject: [ALL_QUEUES],
          useFactory: (queues: Map<QueueName, Queue>) => new QueueProducer(queues),
        },
      ],
      exports: [BullModule, ALL_QUEUES, QueueProducer],
    };
  }
}
