import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { TicketActionsService } from './ticket-actions.service';
import { TicketConnections } from './ticket-connections';
import { TicketReportsService } from './ticket-reports.service';
import { EnrichmentsController, TicketsController } from './tickets.controller';

/** `/api/tickets/:tracker/:key/{report,enrich,feedback}` and `/api/enrichments`. */
@Module({
  imports: [EnrichmentCoreModule],
  controllers: [TicketsController, EnrichmentsController],
  providers: [TicketConnections, TicketReportsService, TicketActionsService],
})
export class TicketsApiModule {}
