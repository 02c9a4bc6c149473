import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What body-parser's errors (http-errors) carry besides their status. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  message?: string;
  limit?: unknown;
}

/** Says what was wrong with a body and how to send it; the parser's own words name the spot. */
export function bodyErrorMessage(error: BodyParserError): string | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return `the request body is not valid JSON (${error.message}); send one JSON document with Content-Type: application/json`;
    case 'entity.too.large':
      return typeof error.limit === 'number'
        ? `request body too large: the limit is ${error.limit} bytes`
        : 'request body too large';
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return `${error.message}; send UTF-8 JSON`;
    default:
      return null;
  }
}

/**
 * Express error middleware placed right after the body parser. Nest would otherwise turn a JSON
 * syntax error into a 400 carrying the parser's words alone ("Unexpected end of JSON input"),
 * which says neither that the body is at fault nor what to send instead.
 */
export function explainBodyErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const parserError = error as BodyParserError;
  const message = typeof parserError?.status === 'number' ? bodyErrorMessage(parserError) : null;
  next(message ? new HttpException(message, parserError.status as number) : error);
}
