import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { FlaggedTicketStates } from './flagged-ticket-states.service';
import { GroomingSchedules } from './grooming-schedules.service';
import { SweepLauncher } from './sweep-launcher.service';
import { SweepsController } from './sweeps.controller';

/** Sweeps (`POST /api/project-mappings/:id/sweeps`, `GET /api/sweeps/:id`) and the digest. */
@Module({
  imports: [EnrichmentCoreModule],
  controllers: [SweepsController],
  providers: [GroomingSchedules, SweepLauncher, FlaggedTicketStates],
})
export class GroomingApiModule {}
