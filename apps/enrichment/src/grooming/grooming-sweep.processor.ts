import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import { SweepRepository } from '@sightline/persistence';
import { ContractProcessor } from '@sightline/queues';
import { BacklogSweepService } from './backlog-sweep.service';
import { GroomingSchedules } from './grooming-schedules.service';
import { SweepLauncher } from './sweep-launcher.service';

/**
 * `grooming-sweep`: one sweep at a time per worker (each pages through a whole backlog and fans
 * out into `ticket-enrichment`), and the schedule firings that start them. The schedules are
 * reconciled with the mappings table when the worker starts.
 */
@Injectable()
export class GroomingSweepProcessor extends ContractProcessor<'grooming-sweep'> {
  private readonly logger = new Logger(GroomingSweepProcessor.name);

  constructor(
    @InjectConfig() config: Config,
    sweeper: BacklogSweepService,
    launcher: SweepLauncher,
    private readonly schedules: GroomingSchedules,
    private readonly sweeps: SweepRepository,
  ) {
    super(
      'grooming-sweep',
      {
        'sweep-backlog': (payload, job, token) => sweeper.sweep(payload.sweepId, job, token),
        'scheduled-sweep': (payload) => launcher.launchScheduled(payload.mappingId),
      },
      {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: 1,
        lockMs: config.WORKER_LOCK_MS,
      },
    );
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.schedules.reconcileInBackground();
  }

  protected override async onFinalFailure(job: Job, error: Error): Promise<void> {
    const sweepId = (job.data as { sweepId?: unknown } | undefined)?.sweepId;
    if (typeof sweepId !== 'string') return;
    await this.sweeps.finish(sweepId, 'failed', `the sweep gave up: ${error.message}`);
    this.logger.warn({ sweepId, error: error.message }, 'backlog sweep failed');
  }
}
