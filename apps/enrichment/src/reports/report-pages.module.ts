import { Module } from '@nestjs/common';
import { EnrichmentCoreModule } from '../core/enrichment-core.module';
import { ReportPagesController } from './report-pages.controller';
import { ReportPages } from './report-pages.service';

/** `/reports/:tracker/:key`: the page behind every note's "Full report" link. */
@Module({
  imports: [EnrichmentCoreModule],
  controllers: [ReportPagesController],
  providers: [ReportPages],
})
export class ReportPagesModule {}
