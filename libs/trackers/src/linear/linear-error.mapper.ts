import { DEFAULT_RATE_LIMIT_DELAY_MS } from '../retry-after';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TrackerError,
  TransientError,
} from '../tracker-errors';

/*
 * @linear/sdk wraps every failure in a LinearError subclass whose `type` comes from
 * `errors[0].extensions.type` or, without errors, from the HTTP status (trackers.md §6). Read
 * structurally: `type`, `status`, the rate-limit numbers it parsed from the headers.
 */
interface LinearErrorLike {
  type?: unknown;
  status?: unknown;
  message?: unknown;
  errors?: unknown;
  raw?: unknown;
  retryAfter?: unknown;
  requestsRemaining?: unknown;
  requestsResetAt?: unknown;
  complexityRemaining?: unknown;
  complexityResetAt?: unknown;
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Delay for a Linear rate limit: `Retry-After` seconds when sent; otherwise the reset instant
 * (epoch ms) of the exhausted bucket — requests or complexity — whichever is later.
 */
export function linearRateLimitDelayMs(error: LinearErrorLike, now: number): number {
  const retryAfter = num(error.retryAfter);
  if (retryAfter !== undefined) return Math.max(0, Math.ceil(retryAfter * 1000));
  const buckets = [
    { remaining: num(error.requestsRemaining), resetAt: num(error.requestsResetAt) },
    { remaining: num(error.complexityRemaining), resetAt: num(error.complexityResetAt) },
  ].filter(
    (b): b is { remaining: number | undefined; resetAt: number } =>
      b.resetAt !== undefined && b.resetAt > now,
  );
  const exhausted = buckets.filter((b) => b.remaining === undefined || b.remaining <= 0);
  const chosen = exhausted.length > 0 ? exhausted : buckets;
  if (chosen.length === 0) return DEFAULT_RATE_LIMIT_DELAY_MS;
  return Math.max(...chosen.map((b) => b.resetAt - now));
}

function firstErrorMessage(errors: unknown): string {
  if (!Array.isArray(errors) || errors.length === 0) return '';
  const first: unknown = errors[0];
  const message =
    first !== null && typeof first === 'object' ? (first as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}

export function linearErrorToTrackerError(error: unknown, now: number = Date.now()): TrackerError {
  if (error instanceof TrackerError) return error;
  const e = (error !== null && typeof error === 'object' ? error : {}) as LinearErrorLike;
  const type = typeof e.type === 'string' ? e.type : undefined;
  const status = num(e.status);
  const message = `Linear: ${typeof e.message === 'string' ? e.message : String(error)}`;
  const options = { cause: error };
  if (type === undefined) {
    return new InvalidRequestError(`Linear client failed before sending: ${message}`, status, options);
  }
  switch (type) {
    case 'Ratelimited':
      return new RateLimitedError(message, linearRateLimitDelayMs(e, now), status, options);
    case 'AuthenticationError':
    case 'Forbidden':
      return new AuthError(message, status, options);
    case 'InternalError':
    case 'NetworkError':
    case 'LockTimeout':
      return new TransientError(message, status, undefined, options);
    case 'InvalidInput': {
      const detail = `${firstErrorMessage(e.errors)} ${message}`;
      if (/not found|could not find|does not exist/i.test(detail))
        return new NotFoundError(message, status, options);
      return new InvalidRequestError(message, status, options);
    }
    case 'Unknown':
      // No HTTP answer at all (fetch rejected): the SDK has no status and keeps the cause in `raw`.
      if (status === undefined) return new TransientError(message, undefined, undefined, options);
      return status >= 500
        ? new TransientError(message, status, undefined, options)
        : new InvalidRequestError(message, status, options);
    default:
      return new InvalidRequestError(message, status, options);
  }
}
