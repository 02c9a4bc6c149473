import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Params } from 'nestjs-pino';
import type { Config } from '@sightline/config';

/** Anything that might carry a secret is censored before a log line is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature"]',
  'req.headers["linear-signature"]',
  'req.headers["x-gitlab-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.apiToken',
  '*.apiKey',
  '*.secret',
  '*.webhookSecret',
  '*.credential',
  '*.credentials',
  '*.privateKey',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function loggerParams(service: string, config: Config, destination?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.LOG_LEVEL,
        base: { service },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // Reuse a caller's request id when it is safe to echo; otherwise mint one.
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const given = request.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          response.setHeader('x-request-id', id);
          return id;
        },
        autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
      },
      destination as DestinationStream,
    ],
  };
}
