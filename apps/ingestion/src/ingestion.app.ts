import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { Config } from '@sightline/config';
import { createServiceApp } from '@sightline/platform';
import { IngestionModule } from './ingestion.module';

export const INGESTION_DEFAULT_PORT = 3000;

export function createIngestionApp(
  config: Config,
  logDestination?: DestinationStream,
): Promise<INestApplication> {
  return createServiceApp(IngestionModule.forRoot(config, logDestination), {
    title: 'Sightline ingestion',
    description:
      'Admin API (API keys, repositories, tracker connections, project mappings) and repository analysis.',
  });
}
