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
export { RECENT_ROW_TTL_MS } from './repositories/recent-rows';
export {
  AnalysisRunRepository,
  type AnalysisRunRecord,
  type AnalysisRunStatus,
} from './repositories/analysis-run.repository';
export {
  SnapshotRepository,
  FILE_SORTS,
  AREA_SORTS,
  type FileSort,
  type AreaSort,
  type SnapshotHeader,
} from './repositories/snapshot.repository';
export type {
  NewSnapshot,
  SnapshotFileRow,
  SnapshotAreaRow,
  SnapshotCouplingRow,
  SnapshotDependencyRow,
} from './repositories/snapshot-rows';
export { ConstraintViolationError, type ListPage } from './repositories/constraint-violation';
export {
  RepositoryRegistryRepository,
  type RepositoryCredentialKind,
  type RepositoryRecord,
  type RepositoryRegistration,
  type RepositoryRegistrationChanges,
  type SealedRepositoryCredentials,
} from './repositories/repository-registry.repository';
export {
  TrackerConnectionRepository,
  type NewTrackerConnection,
  type SealedTrackerSecrets,
  type TrackerConnectionChanges,
  type TrackerConnectionRecord,
  type TrackerHealth,
} from './repositories/tracker-connection.repository';
export {
  ProjectMappingRepository,
  type NewProjectMapping,
  type PathRule,
  type ProjectMappingChanges,
  type ProjectMappingRecord,
  type ProjectMappingReference,
} from './repositories/project-mapping.repository';
export { RepositoryLock } from './repository-lock';
export {
  EnrichmentRunRepository,
  ENRICHMENT_STATUSES,
  ENRICHMENT_TRIGGERS,
  type EnrichmentRunFilter,
  type EnrichmentRunRecord,
  type EnrichmentStatus,
  type EnrichmentTrigger,
  type FinalEnrichmentStatus,
  type NewEnrichmentRun,
} from './repositories/enrichment-run.repository';
export {
  WebhookDeliveryRepository,
  type DeliveryOutcome,
  type WebhookDeliveryInput,
} from './repositories/webhook-delivery.repository';
export {
  TicketReportRepository,
  type NewTicketReport,
  type TicketReportRecord,
} from './repositories/ticket-report.repository';
export {
  WritebackStateRepository,
  type WritebackStateRecord,
  type WrittenParts,
} from './repositories/writeback-state.repository';
export {
  TicketFeedbackRepository,
  type FeedbackSource,
  type FeedbackTarget,
  type FeedbackVerdictValue,
  type LabelApplicationOutcome,
  type NewTicketFeedback,
  type TicketFeedbackRecord,
} from './repositories/ticket-feedback.repository';
export {
  SweepRepository,
  type SweepPageProgress,
  type SweepRecord,
  type SweepStatus,
  type SweepTrigger,
} from './repositories/sweep.repository';
export {
  PastTicketLifecycleRepository,
  type PastTicketLifecycleInput,
  type PastTicketLifecycleRecord,
  type PastTicketPhase,
} from './repositories/past-ticket-lifecycle.repository';
