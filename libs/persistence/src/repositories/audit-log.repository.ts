import type { DataSource, Repository } from 'typeorm';
import { AuditLogEntity } from '../entities/audit-log.entity';

export interface AuditEntry {
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: object | null;
  after: object | null;
  requestId: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  createdAt: Date;
}

export class AuditLogRepository {
  private readonly log: Repository<AuditLogEntity>;

  constructor(dataSource: DataSource) {
    this.log = dataSource.getRepository(AuditLogEntity);
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.log.insert(this.log.create(entry));
  }

  async list(filter: {
    resourceType?: string;
    resourceId?: string;
    limit: number;
    offset: number;
  }): Promise<AuditRecord[]> {
    const where = {
      ...(filter.resourceType ? { resourceType: filter.resourceType } : {}),
      ...(filter.resourceId ? { resourceId: filter.resourceId } : {}),
    };
    return this.log.find({ where, order: { id: 'DESC' }, take: filter.limit, skip: filter.offset });
  }
}
