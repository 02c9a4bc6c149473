/** A dedicated Redis connection for readiness probes: fails fast instead of queueing commands. */
export const HEALTH_REDIS = Symbol('sightline.health-redis');

/**
 * Optional extra readiness details a service contributes (e.g. which tracker connections are
 * unhealthy). Informational: it never turns readiness down, since a bad tracker credential must
 * not take the whole service out of the load balancer.
 */
export const READINESS_DETAILS = Symbol('sightline.readiness-details');

export interface ReadinessDetails {
  /** Key in the readiness report's `details`. */
  key: string;
  collect(): Promise<Record<string, unknown>>;
}
