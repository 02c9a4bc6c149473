export {
  calibrateRisk,
  type CalibrationOptions,
  type CoupledItem,
  type FileRiskFigures,
  type HotspotPositions,
  type RiskCalibration,
  type SnapshotIndex,
} from './calibration/risk-calibration';
export {
  MAX_REFERENCE_QUERIES,
  MAX_REFERENCE_TICKET_FILES,
  MIN_REFERENCE_TICKETS,
  RISK_FILES,
  type RiskReference,
} from './calibration/risk-reference';
export { assessRisk, type RiskInput } from './assessment/assess-risk';
export {
  DEFAULT_RISK_THRESHOLDS,
  riskThresholdsSchema,
  type RiskArea,
  type RiskAreaFile,
  type RiskAssessment,
  type RiskEvidence,
  type RiskLevel,
  type RiskThresholds,
  type RiskThresholdsInput,
  type SimilarPastTicket,
} from './assessment/risk-assessment';
export {
  describeDependencyWarning,
  describeRiskReason,
  type DependencyWarning,
  type RiskReason,
} from './assessment/risk-reason';
// The claim's thresholds live with the analysis's backtest of it, so both read code the same way.
export { FIX_CLAIM_MIN_FIXES, FIX_CLAIM_MIN_MULTIPLE, FIX_RATE_DAYS } from '@sightline/analysis';
export { describeAreaRiskClaim, describeAssessment } from './assessment/risk-claim';
export { describeCommitSpan } from './assessment/similar-tickets';
export { auc, liftOfTopThird, seededRandom, type Estimate } from './evaluation/auc';
export {
  evaluateRisk,
  riskEvalOptionsSchema,
  STORY_WORDING_MIN_AUC,
  type ChangeSizeEvaluation,
  type RiskEvalCommit,
  type RiskEvalOptions,
  type RiskEvalTicket,
  type RiskEvaluation,
} from './evaluation/evaluate-risk';
export {
  describeRiskChanges,
  MATERIAL_CHANGE,
  type RepositoryRiskSummary,
  type RiskSummary,
} from './assessment/assessment-changes';
export {
  describeEstimationEvidence,
  estimationEvidence,
  formatDays,
  MIN_EVIDENCE_TICKETS,
  nearestRank,
  type EstimateEvidence,
  type EstimationEvidence,
  type PastTicketDuration,
} from './evidence/estimation-evidence';
export {
  MAX_PAST_TICKET_CANDIDATES,
  pastTicketCandidates,
  type PastTicketCandidate,
} from './evidence/past-ticket-candidates';
