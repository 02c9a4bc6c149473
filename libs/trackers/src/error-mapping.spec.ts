import { jiraErrorToTrackerError } from './jira/jira-error.mapper';
import { linearErrorToTrackerError, linearRateLimitDelayMs } from './linear/linear-error.mapper';
import { parseRetryAfter } from './retry-after';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TransientError,
} from './tracker-errors';

const NOW = Date.parse('2025-03-01T09:00:00.000Z');

/** The shape jira.js 5.4 throws: HttpException with the AxiosError (and its headers) as cause. */
function jiraFailure(status: number, headers: Record<string, string> = {}, data: unknown = {}) {
  return {
    status,
    response: { status, data },
    cause: { isAxiosError: true, response: { status, data, headers } },
  };
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('jiraErrorToTrackerError', () => {
  it('classifies by status and reads the delay from Retry-After, else X-RateLimit-Reset', () => {
    expect(jiraErrorToTrackerError(jiraFailure(429, { 'retry-after': '5' }), NOW)).toMatchObject({
      retryAfterMs: 5000,
    });
    const fromReset = jiraErrorToTrackerError(
      jiraFailure(429, { 'x-ratelimit-reset': '2025-03-01T09:02Z' }),
      NOW,
    );
    expect(fromReset).toBeInstanceOf(RateLimitedError);
    expect(fromReset).toMatchObject({ retryAfterMs: 120_000 });
    expect(jiraErrorToTrackerError(jiraFailure(403), NOW)).toBeInstanceOf(AuthError);
    expect(jiraErrorToTrackerError(jiraFailure(404), NOW)).toBeInstanceOf(NotFoundError);
    expect(jiraErrorToTrackerError(jiraFailure(503, { 'retry-after': '2' }), NOW)).toMatchObject({
      retryAfterMs: 2000,
      retryable: true,
    });
    const bad = jiraErrorToTrackerError(
      jiraFailure(400, {}, { errorMessages: [], errors: { labels: 'contains spaces' } }),
      NOW,
    );
    expect(bad).toBeInstanceOf(InvalidRequestError);
    expect(bad.message).toContain('labels: contains spaces');
    expect(jiraErrorToTrackerError({ isAxiosError: true, code: 'ECONNREFUSED' }, NOW)).toBeInstanceOf(
      TransientError,
    );
    expect(jiraErrorToTrackerError(new Error('bad config'), NOW)).toBeInstanceOf(InvalidRequestError);
  });
});

describe('linearErrorToTrackerError', () => {
  it('uses the exhausted bucket reset when Retry-After is absent', () => {
    expect(linearRateLimitDelayMs({ retryAfter: 4 }, NOW)).toBe(4000);
    expect(
      linearRateLimitDelayMs(
        {
          requestsRemaining: 10,
          requestsResetAt: NOW + 5000,
          complexityRemaining: 0,
          complexityResetAt: NOW + 9000,
        },
        NOW,
      ),
    ).toBe(9000);
    expect(linearRateLimitDelayMs({}, NOW)).toBe(30_000);
  });

  it('classifies by the SDK error type', () => {
    expect(
      linearErrorToTrackerError({ type: 'Ratelimited', status: 400, retryAfter: 1 }, NOW),
    ).toBeInstanceOf(RateLimitedError);
    expect(linearErrorToTrackerError({ type: 'Forbidden', status: 403 }, NOW)).toBeInstanceOf(AuthError);
    expect(
      linearErrorToTrackerError(
        { type: 'InvalidInput', errors: [{ message: 'Entity not found: Issue' }] },
        NOW,
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(
      linearErrorToTrackerError({ type: 'InvalidInput', errors: [{ message: 'Duplicate label name' }] }, NOW),
    ).toBeInstanceOf(InvalidRequestError);
    expect(linearErrorToTrackerError({ type: 'Unknown', status: undefined }, NOW)).toBeInstanceOf(
      TransientError,
    );
    expect(linearErrorToTrackerError({ type: 'UsageLimitExceeded', status: 400 }, NOW)).toBeInstanceOf(
      InvalidRequestError,
    );
  });
});
