import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { SnapshotRecheckService } from '../grooming/snapshot-recheck.service';
import { EnrichmentHistoryPruner } from './enrichment-history.pruner';
import { TicketEnrichmentProcessor, TrackerWritebackProcessor } from './enrichment.processors';
import { LabelFeedbackService } from './label-feedback.service';
import { TicketEnrichmentService } from './ticket-enrichment.service';
import { TrackerJobGuard } from './tracker-job-guard';
import { TrackerLifecycleSource } from './tracker-lifecycle-source';
import { TrackerWritebackService } from './tracker-writeback.service';

/** The `ticket-enrichment` and `tracker-writeback` workers. */
@Module({
  imports: [EnrichmentCoreModule],
  providers: [
    TrackerJobGuard,
    TrackerLifecycleSource,
    TicketEnrichmentService,
    LabelFeedbackService,
    TrackerWritebackService,
    EnrichmentHistoryPruner,
    SnapshotRecheckService,
    TicketEnrichmentProcessor,
    TrackerWritebackProcessor,
  ],
})
export class EnrichmentWorkerModule {}
