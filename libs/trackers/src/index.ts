export type {
  AdfDocument,
  BacklogPage,
  BacklogQuery,
  BotIdentity,
  JsonObject,
  JsonValue,
  LifecycleRead,
  MachineData,
  NoteContent,
  OwnNote,
  Ticket,
  TicketDescriptionSource,
  TicketLifecycle,
  TicketPhase,
  TicketStatus,
  TrackerClient,
  TrackerKind,
  UpsertNoteResult,
} from './tracker-client.port';
export {
  AuthError,
  InvalidRequestError,
  isTrackerError,
  NotFoundError,
  RateLimitedError,
  TrackerError,
  TransientError,
} from './tracker-errors';
export {
  JIRA_FEEDBACK_LABEL,
  JIRA_PROPERTY_KEY,
  JIRA_PROPERTY_MAX_CHARS,
  JIRA_RISK_LABEL,
  LINEAR_FEEDBACK_LABEL,
  LINEAR_RISK_LABEL,
  NOTE_MARKER,
} from './tracker-constants';
export {
  jiraCredentialsSchema,
  linearCredentialsSchema,
  type JiraCredentials,
  type JiraTrackerOptions,
  type LinearCredentials,
  type LinearTrackerOptions,
  type TrackerConnectionSettings,
} from './tracker-options';
export { createTrackerClient } from './create-tracker-client';
export { JiraTrackerClient } from './jira/jira-tracker.client';
export { LinearTrackerClient } from './linear/linear-tracker.client';
export { adfToText } from './text/adf-text';
export { markdownToText } from './text/markdown-text';
export {
  hasRiskLevel,
  riskNoteReportSchema,
  type DependencyWarning,
  type NoteArea,
  type NoteFigure,
  type RiskLevel,
  type RiskNoteReport,
  type SimilarTicket,
} from './notes/risk-note-report';
export { renderJiraNote } from './notes/jira-note.renderer';
export { renderLinearNote } from './notes/linear-note.renderer';
export { canonicalJson, NOTE_RENDERER_VERSION, renderNote, sha256Hex } from './notes/render-note';
export {
  headerValue,
  jiraDeliveryId,
  LINEAR_MAX_WEBHOOK_AGE_MS,
  linearDeliveryId,
  verifyJiraSignature,
  verifyLinearSignature,
  type SignatureCheck,
  type SignatureFailure,
  type WebhookHeaders,
} from './webhooks/webhook-signature';
export {
  canChangeNote,
  decideWebhook,
  isOwnEcho,
  lifecycleChangeOf,
  NOTE_INPUT_FIELDS,
  noteRelevantChanges,
  type OwnWriteSignature,
  type TicketEvent,
  type TicketEventEntity,
  type TicketEventKind,
  type WebhookDecision,
} from './webhooks/ticket-event';
export {
  jiraWebhookBodySchema,
  parseJiraWebhook,
  type JiraWebhookBody,
} from './webhooks/jira-webhook.parser';
export {
  linearWebhookBodySchema,
  parseLinearWebhook,
  type LinearWebhookBody,
} from './webhooks/linear-webhook.parser';
export {
  ConnectionSetupError,
  trackerSettingsOf,
  type StoredTrackerConnection,
} from './stored-connection-settings';
export {
  combineAssessments,
  type CombinedAssessment,
  type RepositoryAssessment,
} from './notes/combined-assessment';
export { noteReportOf } from './notes/assessment-note';
export {
  buildDigest,
  type DigestSource,
  type DigestTicket,
  type GroomingDigest,
} from './notes/grooming-digest';
export { type DigestHeading } from './notes/grooming-digest-text';
export { renderDigestMarkdown } from './notes/grooming-digest-markdown';
export { renderDigestHtml, renderDigestHtmlPage } from './notes/grooming-digest-html';
export { escapeHtml } from './notes/html';
export { renderReportPage, type ReportPage, type ReportPageRepository } from './notes/report-page-html';
