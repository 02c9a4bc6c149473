import { Module } from '@nestjs/common';
import { PastTicketLifecycles } from '../assessment/past-ticket-lifecycles';
import { SnapshotIndexCache } from '../assessment/snapshot-index.cache';
import { TicketAssessor } from '../assessment/ticket-assessor.service';
import { ReportLinks } from '../reports/report-links';
import { TicketWriteLease } from './ticket-write-lease';
import { TrackerClients } from './tracker-clients.service';
import { enrichmentRedisProvider, TrackerRateLimiter } from './tracker-rate-limiter';

/** What both roles use: tracker clients, the shared rate limiter, match indexes, the past-ticket cache, the assessor and report links. */
@Module({
  providers: [
    enrichmentRedisProvider,
    TrackerRateLimiter,
    TicketWriteLease,
    TrackerClients,
    SnapshotIndexCache,
    PastTicketLifecycles,
    TicketAssessor,
    ReportLinks,
  ],
  exports: [
    TrackerRateLimiter,
    TicketWriteLease,
    TrackerClients,
    SnapshotIndexCache,
    PastTicketLifecycles,
    TicketAssessor,
    ReportLinks,
  ],
})
export class EnrichmentCoreModule {}
