import { Module } from '@nestjs/common';
import { SnapshotIndexCache } from '../assessment/snapshot-index.cache';
import { TicketAssessor } from '../assessment/ticket-assessor.service';
import { TicketWriteLease } from './ticket-write-lease';
import { TrackerClients } from './tracker-clients.service';
import { enrichmentRedisProvider, TrackerRateLimiter } from './tracker-rate-limiter';

/** What both roles use: tracker clients, the shared rate limiter, match indexes and the assessor. */
@Module({
  providers: [
    enrichmentRedisProvider,
    TrackerRateLimiter,
    TicketWriteLease,
    TrackerClients,
    SnapshotIndexCache,
    TicketAssessor,
  ],
  exports: [TrackerRateLimiter, TicketWriteLease, TrackerClients, SnapshotIndexCache, TicketAssessor],
})
export class EnrichmentCoreModule {}
