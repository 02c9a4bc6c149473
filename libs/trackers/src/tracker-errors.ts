/**
 * Every failure an adapter reports is one of these, so the write-back worker can decide without
 * knowing which tracker or client library produced it: wait (rate limit), retry with backoff
 * (transient), stop and mark the connection unhealthy (auth), or give up on this ticket only.
 */
export abstract class TrackerError extends Error {
  /** Whether repeating the same request later can succeed without anyone changing anything. */
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    /** HTTP status when the tracker answered; absent for network failures. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The tracker asked us to slow down. Delay the job by `retryAfterMs`; do not count it as a failure. */
export class RateLimitedError extends TrackerError {
  readonly retryable = true;

  constructor(
    message: string,
    readonly retryAfterMs: number,
    status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, status, options);
  }
}

/** Credentials rejected or permission missing: retrying cannot help until an admin fixes the connection. */
export class AuthError extends TrackerError {
  readonly retryable = false;
}

/** The ticket (or comment, label) does not exist or is not visible to the bot account. */
export class NotFoundError extends TrackerError {
  readonly retryable = false;
}

/** 5xx, timeouts, refused connections: back off and retry. */
export class TransientError extends TrackerError {
  readonly retryable = true;

  constructor(
    message: string,
    status?: number,
    /** Some 503s carry `Retry-After`; when present it is a better delay than the backoff curve. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, status, options);
  }
}

/** The tracker rejected the request itself (validation, size limits): repeating it changes nothing. */
export class InvalidRequestError extends TrackerError {
  readonly retryable = false;
}

export function isTrackerError(value: unknown): value is TrackerError {
  return value instanceof TrackerError;
}
