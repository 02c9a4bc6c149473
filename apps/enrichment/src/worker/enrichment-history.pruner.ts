import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConfig, type Config } from '@sightline/config';
import { EnrichmentRunRepository, SweepRepository, WebhookDeliveryRepository } from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';

const SCHEDULER_ID = 'prune-enrichment-history';
/** Hourly, off the full hour when other housekeeping tends to run. */
const SCHEDULE = '23 * * * *';
const DAY_MS = 86_400_000;

/**
 * Deliveries are kept for deduplication, runs for the "recent enrichments" list and sweeps with
 * the tickets they queued for `GET /api/sweeps/:id`; all only for ENRICHMENT_RETENTION_DAYS
 * (trackers redeliver within hours: Jira ~30 min, Linear 6 h).
 */
@Injectable()
export class EnrichmentHistoryPruner implements OnApplicationBootstrap {
  private readonly logger = new Logger(EnrichmentHistoryPruner.name);

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly producer: QueueProducer,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly runs: EnrichmentRunRepository,
    private readonly sweeps: SweepRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upserting by a fixed id: every worker process may do it, one schedule results.
    await this.producer.schedule('ticket-enrichment', SCHEDULER_ID, SCHEDULE, 'prune-enrichment-history', {});
  }

  async prune(now = Date.now()): Promise<{ deliveries: number; runs: number; sweeps: number }> {
    const before = new Date(now - this.config.ENRICHMENT_RETENTION_DAYS * DAY_MS);
    const deleted = {
      deliveries: await this.deliveries.prune(before),
      runs: await this.runs.prune(before),
      sweeps: await this.sweeps.prune(before),
    };
    this.logger.log({ before: before.toISOString(), ...deleted }, 'enrichment history pruned');
    return deleted;
  }
}
