import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { ReportLinkRenewals } from './report-link-renewal.service';
import { ReportLinksController } from './report-links.controller';
import { ReportPagesController } from './report-pages.controller';
import { ReportPages } from './report-pages.service';

/**
 * `/reports/:tracker/:key`, the page behind every note's "Full report" link, and
 * `/api/tracker-connections/:id/report-links/renew`, which replaces a connection's links.
 */
@Module({
  imports: [EnrichmentCoreModule],
  controllers: [ReportPagesController, ReportLinksController],
  providers: [ReportPages, ReportLinkRenewals],
})
export class ReportPagesModule {}
