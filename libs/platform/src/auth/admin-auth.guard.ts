import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { ApiKeyRole } from '@sightline/persistence';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { REQUIRED_ROLE } from './require-role.decorator';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Viewers may read, admins may also write. A handler can demand more with @RequireRole('admin')
 * (e.g. reading API keys).
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    if (!principal) {
      throw new UnauthorizedException(
        'send an API key as "Authorization: Bearer <key>" (sightline keys create)',
      );
    }
    const required: ApiKeyRole =
      this.reflector.getAllAndOverride<ApiKeyRole | undefined>(REQUIRED_ROLE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? (READ_METHODS.has(request.method) ? 'viewer' : 'admin');
    if (required === 'admin' && principal.role !== 'admin') {
      throw new ForbiddenException('this action needs an admin API key; viewer keys can only read');
    }
    request.principal = principal;
    return true;
  }
}
