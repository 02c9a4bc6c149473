import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuditLogRepository } from '@sightline/persistence';
import { AdminController, RequireRole } from '@sightline/platform';

const auditQuerySchema = z.object({
  resourceType: z.string().max(50).optional(),
  resourceId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
class AuditQueryDto extends createZodDto(auditQuerySchema) {}

const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
class AuditEntryDto extends createZodDto(auditEntrySchema) {}

@AdminController('api/audit-log', 'audit')
@RequireRole('admin')
export class AuditLogController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @ApiOkResponse({ type: [AuditEntryDto], description: 'newest first' })
  async list(@Query() query: AuditQueryDto) {
    const entries = await this.log.list(query);
    return entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }));
  }
}
