import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { BacklogSweepService } from './backlog-sweep.service';
import { GroomingSchedules } from './grooming-schedules.service';
import { GroomingSweepProcessor } from './grooming-sweep.processor';
import { SweepLauncher } from './sweep-launcher.service';

/** The `grooming-sweep` worker: backlog sweeps and their schedules. */
@Module({
  imports: [EnrichmentCoreModule],
  providers: [BacklogSweepService, GroomingSchedules, SweepLauncher, GroomingSweepProcessor],
})
export class GroomingWorkerModule {}
