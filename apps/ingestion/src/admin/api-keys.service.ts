import { Injectable, NotFoundException } from '@nestjs/common';
import { ApiKeyRepository } from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { toApiKeyDto } from './api-key.dto';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
  ) {}

  async list() {
    return (await this.keys.list()).map(toApiKeyDto);
  }

  async issue(principal: Principal, input: { name: string; role: 'admin' | 'viewer' }, requestId?: string) {
    const { record, secret } = await this.keys.issue({ ...input, createdBy: principal.actor });
    const dto = toApiKeyDto(record);
    await this.audit.record({
      principal,
      action: 'create',
      resourceType: 'api-key',
      resourceId: record.id,
      after: dto,
      requestId,
    });
    return { ...dto, key: secret };
  }

  async revoke(principal: Principal, id: string, requestId?: string) {
    const revoked = await this.keys.revoke(id, new Date());
    if (!revoked) throw new NotFoundException(`no active API key with id ${id}`);
    const after = toApiKeyDto(revoked);
    await this.audit.record({
      principal,
      action: 'revoke',
      resourceType: 'api-key',
      resourceId: id,
      before: { ...after, revokedAt: null },
      after,
      requestId,
    });
    return after;
  }
}
