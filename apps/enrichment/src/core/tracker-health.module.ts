import { Global, Module } from '@nestjs/common';
import { TrackerConnectionRepository } from '@sightline/persistence';
import { READINESS_DETAILS, type ReadinessDetails } from '@sightline/platform';

const PAGE = 200;

/** `trackers` in /health/ready: the connections whose credentials a tracker refused, and why. */
export function trackerReadiness(connections: TrackerConnectionRepository): ReadinessDetails {
  return {
    key: 'trackers',
    async collect() {
      const unhealthy: { id: string; name: string; kind: string; reason: string | null }[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await connections.list({ limit: PAGE, offset });
        for (const c of page.items) {
          if (c.health === 'unhealthy')
            unhealthy.push({ id: c.id, name: c.name, kind: c.kind, reason: c.healthReason });
        }
        if (page.items.length < PAGE) return { connections: page.total, unhealthy };
      }
    },
  };
}

/**
 * Contributes tracker connection health to the platform's readiness report. Global, because the
 * platform's health controller resolves it from outside this app's modules.
 */
@Global()
@Module({
  providers: [
    { provide: READINESS_DETAILS, inject: [TrackerConnectionRepository], useFactory: trackerReadiness },
  ],
  exports: [READINESS_DETAILS],
})
export class TrackerHealthModule {}
