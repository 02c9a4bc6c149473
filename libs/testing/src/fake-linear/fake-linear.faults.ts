import type { FakeResponse } from '../fake-http/fake-http';
import type { Fault } from '../fake-http/fault-queue';

/** How Linear answers each injected fault, in the shapes @linear/sdk classifies (trackers.md §6). */
export function faultResponse(
  fault: Fault,
  now: Date,
  headers: Record<string, string>,
): FakeResponse | 'drop' {
  switch (fault.kind) {
    case 'network':
      return 'drop';
    case 'unauthorized':
      return {
        status: 401,
        headers,
        body: {
          errors: [
            {
              message: 'Authentication required, not authenticated',
              extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR' },
            },
          ],
        },
      };
    case 'server-error': {
      const status = fault.status ?? 503;
      return fault.html
        ? {
            status,
            body: `<html><body><h1>${status}</h1></body></html>`,
            headers: { 'content-type': 'text/html' },
          }
        : {
            status,
            headers,
            body: {
              errors: [
                {
                  message: 'Internal server error',
                  extensions: { type: 'internal error', code: 'INTERNAL_SERVER_ERROR' },
                },
              ],
            },
          };
    }
    case 'rate-limit': {
      const resetAt = now.getTime() + (fault.resetInMs ?? 60_000);
      const limited = {
        ...headers,
        'x-ratelimit-requests-remaining': '0',
        'x-ratelimit-requests-reset': String(resetAt),
        ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
      };
      // Bare: a 429 without a GraphQL error list; otherwise the documented `ratelimited` error.
      if (fault.bare)
        return {
          status: 429,
          headers: { ...limited, 'content-type': 'text/plain' },
          body: 'Too Many Requests',
        };
      return {
        status: 400,
        headers: limited,
        body: {
          errors: [
            {
              message: 'Rate limit exceeded',
              extensions: {
                type: 'ratelimited',
                code: 'RATELIMITED',
                userError: true,
                userPresentableMessage: 'Rate limit exceeded, retry later.',
              },
            },
          ],
        },
      };
    }
  }
}
