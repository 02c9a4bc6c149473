import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '@sightline/persistence';
import type { Principal } from '../auth/principal';

export type AuditAction = 'create' | 'update' | 'delete' | 'revoke' | 'trigger';

/**
 * Records every admin write: who, what, when, before and after. Callers pass response DTOs,
 * which by construction carry no secrets, never entities.
 */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  async record(entry: {
    principal: Principal;
    action: AuditAction;
    resourceType: string;
    resourceId: string | null;
    before?: object | null;
    after?: object | null;
    requestId?: string | null;
  }): Promise<void> {
    await this.log.append({
      actor: entry.principal.actor,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
    });
  }
}
