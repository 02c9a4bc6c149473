export { QUEUE_NAMES, QUEUE_OWNERS, type QueueName } from './queue-names';
export {
  JOB_CONTRACTS,
  jobNamesOf,
  parseJobPayload,
  InvalidJobPayloadError,
  UnknownJobError,
  type JobName,
  type JobPayload,
} from './job-contracts';
export { BACKGROUND_PRIORITY, DEFAULT_JOB_OPTIONS } from './job-options';
export { assertEveryJobHandled, MissingJobHandlerError, type JobHandlers } from './job-handlers';
export { QueueProducer } from './queue-producer';
export { ContractProcessor, type WorkerSettings } from './contract-processor';
export { redisConnectionOptions } from './redis-connection';
export { QueuesModule, ALL_QUEUES } from './queues.module';
export {
  CronSchedules,
  GROOMING_SCHEDULES,
  REFRESH_SCHEDULES,
  type CronScheduleKind,
} from './cron-schedules';
