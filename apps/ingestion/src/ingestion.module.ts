import { Module, type DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { Config } from '@sightline/config';
import { PlatformModule } from '@sightline/platform';
import { AdminModule } from './admin/admin.module';
import { AnalysisApiModule, AnalysisWorkerModule } from './analysis/analysis.module';

/** The ingestion service; `SIGHTLINE_ROLES` decides whether it serves the API, runs workers, or both. */
@Module({})
export class IngestionModule {
  static forRoot(config: Config, logDestination?: DestinationStream): DynamicModule {
    const roles = new Set(config.SIGHTLINE_ROLES);
    return {
      module: IngestionModule,
      imports: [
        PlatformModule.forRoot({ service: 'ingestion', config, logDestination }),
        ...(roles.has('api') ? [AdminModule, AnalysisApiModule] : []),
        ...(roles.has('worker') ? [AnalysisWorkerModule] : []),
      ],
    };
  }
}
