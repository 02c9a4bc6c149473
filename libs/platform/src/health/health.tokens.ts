/** A dedicated Redis connection for readiness probes: fails fast instead of queueing commands. */
export const HEALTH_REDIS = Symbol('sightline.health-redis');
