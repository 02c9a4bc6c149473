import { Injectable, Logger } from '@nestjs/common';
import { ProjectMappingRepository } from '@sightline/persistence';
import { CronSchedules, GROOMING_SCHEDULES, QueueProducer } from '@sightline/queues';
import { sweepScheduleOf } from './grooming-settings';

const PAGE = 200;

/**
 * One BullMQ job scheduler per project mapping with grooming enabled and a schedule. The mappings
 * API (ingestion) applies each change as it is made; the enrichment service reconciles all of
 * them when it starts, and each firing checks the mapping again.
 */
@Injectable()
export class GroomingSchedules {
  private readonly logger = new Logger(GroomingSchedules.name);
  private readonly schedules: CronSchedules<'grooming-sweep', 'scheduled-sweep'>;

  constructor(
    producer: QueueProducer,
    private readonly mappings: ProjectMappingRepository,
  ) {
    this.schedules = new CronSchedules(producer, GROOMING_SCHEDULES);
  }

  apply(mappingId: string, cron: string | null): Promise<void> {
    return this.schedules.apply(mappingId, cron);
  }

  /** Not awaited by start-up: with Redis down the queue waits for it, and start-up must not. */
  reconcileInBackground(): void {
    this.reconcile().catch((error: Error) =>
      this.logger.warn({ error: error.message }, 'could not reconcile grooming schedules'),
    );
  }

  async reconcile(): Promise<void> {
    const wanted = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.mappings.list({ limit: PAGE, offset });
      for (const mapping of page.items) {
        const cron = sweepScheduleOf(mapping.grooming);
        if (cron) wanted.set(mapping.id, cron);
      }
      if (page.items.length < PAGE) break;
    }
    await this.schedules.reconcile(wanted);
  }
}
