import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';

/** The one error shape every endpoint returns. `code` is stable; `message` is for people. */
export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: { field: string; message: string }[] };
  requestId?: string;
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException)) return false;
  const payload = exception.getResponse();
  return typeof payload === 'object' && payload !== null && 'details' in payload && 'status' in payload;
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    if (isHealthReport(exception)) {
      // Readiness probes and operators expect terminus' own report shape, with per-check details.
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const body = this.toBody(exception);
    if (body.error.status >= 500) this.logger.error({ err: exception }, 'request failed');
    response.status(body.error.status).json({ ...body, requestId: request.id });
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof ZodValidationException) {
      const issues = (exception.getZodError() as ZodError).issues;
      return {
        error: {
          status: 400,
          code: 'validation_failed',
          message: issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
          details: issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
        },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : String((payload as { message?: unknown }).message ?? exception.message);
      const code = (payload as { code?: string }).code ?? CODES[status] ?? `http_${status}`;
      return { error: { status, code, message } };
    }
    // body-parser errors carry a status (413 too large, 400 malformed JSON) but are not HttpExceptions.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? 'request body too large' : 'malformed request body';
      return { error: { status, code: CODES[status] ?? `http_${status}`, message } };
    }
    return {
      error: {
        status: HttpStatus.INTERNAL_SERVER_ERROR,
        code: 'internal',
        message: 'internal error; see the service log',
      },
    };
  }
}
