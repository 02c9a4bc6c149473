import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RepositoryRegistryRepository } from '@sightline/persistence';
import { CronSchedules, QueueProducer, REFRESH_SCHEDULES } from '@sightline/queues';

const PAGE = 200;

/**
 * Keeps one BullMQ job scheduler per repository with a refresh schedule. The repositories table
 * is the truth: every write applies its change, and each API process reconciles all of them at
 * start (idempotent, so several processes doing it at once is harmless).
 */
@Injectable()
export class RefreshSchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefreshSchedulesService.name);
  private readonly schedules: CronSchedules<'repository-analysis', 'refresh-repository'>;

  constructor(
    producer: QueueProducer,
    private readonly repositories: RepositoryRegistryRepository,
  ) {
    this.schedules = new CronSchedules(producer, REFRESH_SCHEDULES);
  }

  apply(repositoryId: string, cron: string | null): Promise<void> {
    return this.schedules.apply(repositoryId, cron);
  }

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down the queue waits for it, and start-up must not. Readiness
    // reports the outage; the reconciliation completes once Redis is back.
    this.reconcile().catch((error: Error) =>
      this.logger.warn({ error: error.message }, 'could not reconcile refresh schedules'),
    );
  }

  async reconcile(): Promise<void> {
    const wanted = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.repositories.list({ limit: PAGE, offset });
      for (const repository of page.items) {
        if (repository.refreshCron) wanted.set(repository.id, repository.refreshCron);
      }
      if (page.items.length < PAGE) break;
    }
    await this.schedules.reconcile(wanted);
  }
}
