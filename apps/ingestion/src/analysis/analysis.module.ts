import { Module } from '@nestjs/common';
import { RepositoryCredentialsService } from '../repositories/repository-credentials.service';
import { AnalysesController } from './analyses.controller';
import { AnalysisRunner } from './analysis-runner.service';
import { AnalysisTriggerService } from './analysis-trigger.service';
import { PushHooksController } from './push-hooks.controller';
import { PushHooksService } from './push-hooks.service';
import { RepositoryAnalysisProcessor } from './repository-analysis.processor';
import { SnapshotReadsController } from './snapshot-reads.controller';
import { SnapshotReadsService } from './snapshot-reads.service';

/** API role: trigger analyses, follow runs, read snapshot figures. */
@Module({
  controllers: [AnalysesController, SnapshotReadsController, PushHooksController],
  providers: [AnalysisTriggerService, SnapshotReadsService, PushHooksService],
  exports: [AnalysisTriggerService],
})
export class AnalysisApiModule {}

/** Worker role: the repository-analysis queue. */
@Module({
  providers: [
    RepositoryAnalysisProcessor,
    AnalysisRunner,
    AnalysisTriggerService,
    RepositoryCredentialsService,
  ],
})
export class AnalysisWorkerModule {}
