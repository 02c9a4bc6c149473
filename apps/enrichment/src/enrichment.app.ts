import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { Config } from '@sightline/config';
import { createServiceApp } from '@sightline/platform';
import { EnrichmentModule } from './enrichment.module';

export const ENRICHMENT_DEFAULT_PORT = 3001;

export function createEnrichmentApp(
  config: Config,
  logDestination?: DestinationStream,
): Promise<INestApplication> {
  return createServiceApp(EnrichmentModule.forRoot(config, logDestination), {
    title: 'Sightline enrichment',
    description: 'Tracker webhooks, ticket enrichment and the ticket report API.',
  });
}
