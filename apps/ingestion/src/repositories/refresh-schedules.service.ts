import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RepositoryRegistryRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';

const schedulerId = (repositoryId: string) => `refresh-${repositoryId}`;

/**
 * Keeps one BullMQ job scheduler per repository with a refresh schedule. The repositories table
 * is the truth: every write applies its change, and each API process reconciles all of them at
 * start (idempotent, so several processes doing it at once is harmless).
 */
@Injectable()
export class RefreshSchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefreshSchedulesService.name);

  constructor(
    private readonly producer: QueueProducer,
    private readonly repositories: RepositoryRegistryRepository,
  ) {}

  async apply(repositoryId: string, cron: string | null): Promise<void> {
    if (cron) {
      await this.producer.schedule(
        'repository-analysis',
        schedulerId(repositoryId),
        cron,
        'refresh-repository',
        { repositoryId },
      );
    } else {
      await this.producer.unschedule('repository-analysis', schedulerId(repositoryId));
    }
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
    for (let offset = 0; ; offset += 200) {
      const page = await this.repositories.list({ limit: 200, offset });
      for (const repository of page.items)
        if (repository.refreshCron) wanted.set(schedulerId(repository.id), repository.refreshCron);
      if (page.items.length < 200) break;
    }
    for (const id of await this.producer.scheduleIds('repository-analysis')) {
      if (!wanted.has(id)) await this.producer.unschedule('repository-analysis', id);
    }
    for (const [id, cron] of wanted) await this.apply(id.slice('refresh-'.length), cron);
  }
}
