import { parseResetInstant, parseRetryAfter, DEFAULT_RATE_LIMIT_DELAY_MS } from '../retry-after';
import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitedError,
  TrackerError,
  TransientError,
} from '../tracker-errors';

/*
 * jira.js 5.4 throws its HttpException (status, response.data) with the AxiosError as `cause`
 * (which still has the response headers), or a bare AxiosError when no response arrived. Read
 * both structurally, so this file does not depend on the client library.
 */
interface ResponseLike {
  status?: unknown;
  data?: unknown;
  headers?: unknown;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function responseOf(error: unknown): ResponseLike | undefined {
  const cause = record(record(error)?.cause);
  return (record(cause?.response) ?? record(record(error)?.response)) as ResponseLike | undefined;
}

function header(headers: unknown, name: string): string | undefined {
  const h = record(headers);
  if (!h) return undefined;
  const getter = h.get;
  const value =
    typeof getter === 'function' ? getter.call(headers, name) : (h[name] ?? h[name.toLowerCase()]);
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Jira's `{"errorMessages":[…],"errors":{field: msg}}`, an HTML page, or anything else, as one line. */
function describeBody(data: unknown): string {
  const body = record(data);
  if (body) {
    const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map(String) : [];
    const fields = record(body.errors);
    if (fields) messages.push(...Object.entries(fields).map(([field, msg]) => `${field}: ${String(msg)}`));
    if (typeof body.message === 'string') messages.push(body.message);
    if (messages.length > 0) return messages.join('; ');
  }
  if (typeof data === 'string') return /^\s*</.test(data) ? 'HTML error page' : data.slice(0, 200);
  return 'no details';
}

export function jiraErrorToTrackerError(error: unknown, now: number = Date.now()): TrackerError {
  if (error instanceof TrackerError) return error;
  const response = responseOf(error);
  const statusValue = record(error)?.status ?? response?.status;
  const status = typeof statusValue === 'number' ? statusValue : undefined;
  if (status === undefined || !response) {
    const code = record(error)?.code;
    const message = error instanceof Error ? error.message : String(error);
    // No answer at all (refused, reset, timed out): the network, worth retrying. Anything else
    // thrown before a request went out is a bug or bad configuration, which retrying cannot fix.
    if (record(error)?.isAxiosError === true || typeof code === 'string') {
      return new TransientError(
        `Jira unreachable: ${typeof code === 'string' ? code : message}`,
        undefined,
        undefined,
        {
          cause: error,
        },
      );
    }
    return new InvalidRequestError(`Jira request failed without a response: ${message}`, undefined, {
      cause: error,
    });
  }
  const detail = `Jira answered ${status}: ${describeBody(response.data)}`;
  const retryAfter = parseRetryAfter(header(response.headers, 'retry-after'), now);
  if (status === 429) {
    const reset = parseResetInstant(header(response.headers, 'x-ratelimit-reset'), now);
    return new RateLimitedError(detail, retryAfter ?? reset ?? DEFAULT_RATE_LIMIT_DELAY_MS, status, {
      cause: error,
    });
  }
  if (status === 401 || status === 403) return new AuthError(detail, status, { cause: error });
  if (status === 404) return new NotFoundError(detail, status, { cause: error });
  if (status >= 500 || status === 408)
    return new TransientError(detail, status, retryAfter, { cause: error });
  return new InvalidRequestError(detail, status, { cause: error });
}
