import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AdminAuthGuard } from './admin-auth.guard';

/** An admin API controller: authenticated, role-checked, rate-limited and documented as such. */
export function AdminController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiTags(tag),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'missing or unknown API key' }),
    ApiForbiddenResponse({ description: 'a viewer key used for a write' }),
    UseGuards(ThrottlerGuard, AdminAuthGuard),
  );
}
