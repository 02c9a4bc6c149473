export { createDataSource, runMigrations, revertLastMigration } from './data-source';
export { PersistenceModule } from './persistence.module';
export { SecretCipher, type SecretKey } from './secret-cipher';
export { API_KEY_ROLES, type ApiKeyRole, type TrackerKind, type WritebackMode } from './entities';
export {
  ApiKeyRepository,
  hashApiKey,
  type ApiKeyRecord,
  type IssuedApiKey,
} from './repositories/api-key.repository';
export { AuditLogRepository, type AuditEntry, type AuditRecord } from './repositories/audit-log.repository';
export { DatabasePing } from './database-ping';
