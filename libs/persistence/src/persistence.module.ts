import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Config } from '@sightline/config';
import { createDataSource, runMigrations } from './data-source';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { AnalysisRunRepository } from './repositories/analysis-run.repository';
import { SnapshotRepository } from './repositories/snapshot.repository';
import { ProjectMappingRepository } from './repositories/project-mapping.repository';
import { RepositoryRegistryRepository } from './repositories/repository-registry.repository';
import { TrackerConnectionRepository } from './repositories/tracker-connection.repository';
import { SecretCipher } from './secret-cipher';
import { RepositoryLock } from './repository-lock';
import { DatabasePing } from './database-ping';
import { EnrichmentRunRepository } from './repositories/enrichment-run.repository';
import { WebhookDeliveryRepository } from './repositories/webhook-delivery.repository';
import { TicketReportRepository } from './repositories/ticket-report.repository';
import { WritebackStateRepository } from './repositories/writeback-state.repository';
import { TicketFeedbackRepository } from './repositories/ticket-feedback.repository';
import { SweepRepository } from './repositories/sweep.repository';
import { PastTicketLifecycleRepository } from './repositories/past-ticket-lifecycle.repository';

const REPOSITORIES = [
  ApiKeyRepository,
  AuditLogRepository,
  DatabasePing,
  AnalysisRunRepository,
  SnapshotRepository,
  RepositoryRegistryRepository,
  TrackerConnectionRepository,
  ProjectMappingRepository,
  RepositoryLock,
  EnrichmentRunRepository,
  WebhookDeliveryRepository,
  TicketReportRepository,
  WritebackStateRepository,
  TicketFeedbackRepository,
  SweepRepository,
  PastTicketLifecycleRepository,
] as const;

/** Connects once per process, optionally migrates, and provides the repositories. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(config: Config, applicationName: string): DynamicModule {
    const dataSourceProvider = {
      provide: DataSource,
      useFactory: async () => {
        const dataSource = createDataSource(config.DATABASE_URL, applicationName);
        await dataSource.initialize();
        if (config.DATABASE_RUN_MIGRATIONS) {
          const applied = await runMigrations(dataSource);
          if (applied.length) new Logger('Persistence').log(`applied migrations: ${applied.join(', ')}`);
        }
        return dataSource;
      },
    };
    const repositoryProviders = REPOSITORIES.map((repository) => ({
      provide: repository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new repository(dataSource),
    }));
    const cipherProvider = { provide: SecretCipher, useFactory: () => new SecretCipher(config.SECRETS_KEYS) };
    return {
      module: PersistenceModule,
      providers: [dataSourceProvider, cipherProvider, ...repositoryProviders],
      exports: [DataSource, SecretCipher, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
