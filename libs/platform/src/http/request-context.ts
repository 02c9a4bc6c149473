import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';

/** The authenticated caller, set by the admin guard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<Request>().principal as Principal,
);

/** The request id pino-http assigned, for the audit trail. */
export const RequestId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    String(context.switchToHttp().getRequest<Request & { id?: unknown }>().id ?? '') || undefined,
);
