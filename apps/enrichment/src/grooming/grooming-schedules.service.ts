import { Injectable, Logger } from '@nestjs/common';
import { ProjectMappingRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { sweepScheduleOf } from './grooming-settings';

const PREFIX = 'grooming-';
const schedulerId = (mappingId: string) => `${PREFIX}${mappingId}`;

/**
 * One BullMQ job scheduler per project mapping with grooming enabled and a schedule. The mappings
 * table is the truth: reconciled when the enrichment service starts (idempotent, so several
 * processes doing it at once is harmless), and each firing checks the mapping again.
 */
@Injectable()
export class GroomingSchedules {
  private readonly logger = new Logger(GroomingSchedules.name);

  constructor(
    private readonly producer: QueueProducer,
    private readonly mappings: ProjectMappingRepository,
  ) {}

  async apply(mappingId: string, cron: string | null): Promise<void> {
    if (cron) {
      await this.producer.schedule('grooming-sweep', schedulerId(mappingId), cron, 'scheduled-sweep', {
        mappingId,
      });
    } else {
      await this.producer.unschedule('grooming-sweep', schedulerId(mappingId));
    }
  }

  /** Not awaited by start-up: with Redis down the queue waits for it, and start-up must not. */
  reconcileInBackground(): void {
    this.reconcile().catch((error: Error) =>
      this.logger.warn({ error: error.message }, 'could not reconcile grooming schedules'),
    );
  }

  async reconcile(): Promise<void> {
    const wanted = new Map<string, string>();
    for (let offset = 0; ; offset += 200) {
      const page = await this.mappings.list({ limit: 200, offset });
      for (const mapping of page.items) {
        const cron = sweepScheduleOf(mapping.grooming);
        if (cron) wanted.set(mapping.id, cron);
      }
      if (page.items.length < 200) break;
    }
    for (const id of await this.producer.scheduleIds('grooming-sweep')) {
      if (id.startsWith(PREFIX) && !wanted.has(id.slice(PREFIX.length))) {
        await this.producer.unschedule('grooming-sweep', id);
      }
    }
    for (const [mappingId, cron] of wanted) await this.apply(mappingId, cron);
  }
}
