import type { NextFunction, Request, Response } from 'express';
import type { ApiKeyAuthenticator } from './auth/api-key-authenticator';

/**
 * Bull Board is a browser UI, so besides `Authorization: Bearer <key>` it accepts HTTP Basic
 * with the API key as the password; either way only admin keys get in.
 */
export function queueBoardAuth(authenticator: ApiKeyAuthenticator) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const header = request.headers.authorization ?? '';
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    const bearer = basic
      ? `Bearer ${Buffer.from(basic[1], 'base64').toString('utf8').split(':').slice(1).join(':')}`
      : header;
    authenticator
      .authenticate(bearer)
      .then((principal) => {
        if (principal?.role === 'admin') return next();
        response
          .status(principal ? 403 : 401)
          .setHeader('WWW-Authenticate', 'Basic realm="sightline queues"')
          .json({
            error: {
              status: principal ? 403 : 401,
              code: principal ? 'forbidden' : 'unauthorized',
              message: 'admin API key required',
            },
          });
      })
      .catch(next);
  };
}
