import { ApiKeyEntity } from './api-key.entity';
import { AuditLogEntity } from './audit-log.entity';
import { ProjectMappingEntity, ProjectMappingRepositoryEntity } from './project-mapping.entity';
import { RepositoryEntity } from './repository.entity';
import { TrackerConnectionEntity } from './tracker-connection.entity';

export const entities = [
  ApiKeyEntity,
  AuditLogEntity,
  RepositoryEntity,
  TrackerConnectionEntity,
  ProjectMappingEntity,
  ProjectMappingRepositoryEntity,
];

export { API_KEY_ROLES, type ApiKeyRole } from './api-key.entity';
export type { WritebackMode } from './project-mapping.entity';
export type { TrackerKind } from './tracker-connection.entity';
