import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { Config } from '@sightline/config';
import { PlatformModule } from '@sightline/platform';

/** The enrichment service; webhook API and ticket workers join it as they are built. */
@Module({})
export class EnrichmentModule {
  static forRoot(config: Config, logDestination?: DestinationStream): DynamicModule {
    return {
      module: EnrichmentModule,
      imports: [PlatformModule.forRoot({ service: 'enrichment', config, logDestination })],
    };
  }
}
