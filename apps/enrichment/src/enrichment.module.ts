import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { Config } from '@sightline/config';
import { PlatformModule } from '@sightline/platform';
import { GroomingApiModule } from './grooming/grooming-api.module';
import { GroomingWorkerModule } from './grooming/grooming-worker.module';
import { TrackerHealthModule } from './core/tracker-health.module';
import { ReportPagesModule } from './reports/report-pages.module';
import { TicketsApiModule } from './tickets/tickets-api.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { EnrichmentWorkerModule } from './worker/enrichment-worker.module';

/**
 * The enrichment service; `SIGHTLINE_ROLES` decides whether it serves the webhook and ticket
 * API, runs the enrichment and write-back workers, or both.
 */
@Module({})
export class EnrichmentModule {
  static forRoot(config: Config, logDestination?: DestinationStream): DynamicModule {
    const roles = new Set(config.SIGHTLINE_ROLES);
    return {
      module: EnrichmentModule,
      imports: [
        PlatformModule.forRoot({ service: 'enrichment', config, logDestination }),
        TrackerHealthModule,
        ...(roles.has('api') ? [WebhooksModule, TicketsApiModule, ReportPagesModule, GroomingApiModule] : []),
        ...(roles.has('worker') ? [EnrichmentWorkerModule, GroomingWorkerModule] : []),
      ],
    };
  }
}
