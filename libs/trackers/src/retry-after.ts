/** Used when a tracker says "slow down" without saying for how long. */
export const DEFAULT_RATE_LIMIT_DELAY_MS = 30_000;

/** `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), in ms from `now`; undefined if absent/invalid. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Jira's `X-RateLimit-Reset` is an ISO-8601 instant; ms until then, or undefined. */
export function parseResetInstant(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const date = Date.parse(value.trim());
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
