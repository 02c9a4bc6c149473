export { stem } from './text/stemmer';
export { STOP_WORDS, isStopWord } from './text/stop-words';
export {
  tokenize,
  tokenizeWithSurface,
  splitIdentifier,
  MAX_TOKEN_LENGTH,
  type SurfacedTerm,
} from './text/tokenizer';
export type { CleanText } from './text/clean-text';
export { adfToText, isAdfDocument } from './text/adf-to-text';
export { markdownToText } from './text/markdown-to-text';
export { extractMentions, type Mentions } from './text/mentions';
export { type StackFrame } from './text/stack-traces';
export {
  prepareTicket,
  DEFAULT_INPUT_LIMITS,
  type TicketInput,
  type PreparedTicket,
  type QueryTerm,
  type InputLimits,
} from './ticket/prepare-ticket';
export {
  INDEX_FIELDS,
  type FileDocument,
  type PastTicket,
  type MatchCorpus,
  type IndexField,
} from './index/corpus';
export { InvertedIndex, InvertedIndexBuilder } from './index/inverted-index';
export {
  Bm25fScorer,
  type Bm25fParams,
  type Bm25fField,
  type WeightedTerm,
  type DocScores,
} from './index/bm25f-scorer';
export { buildMatchIndex, type MatchIndex, type MatchIndexOptions } from './index/match-index';
export { matchCorpusFromAnalysis, type AnalysisCorpusOptions } from './index/analysis-corpus';
export { rankTicket, type MatchOptions } from './ranking/ranker';
export type {
  MatchResult,
  RankedResult,
  MatchReason,
  NoMatchReason,
  OtherWorkEvidence,
} from './ranking/match-result';
export {
  DEFAULT_WEIGHTS,
  resolveWeights,
  type MatchWeights,
  type FieldWeight,
  type WeightOverrides,
} from './ranking/match-weights';
export type { PathRule } from './ranking/path-rules';
export type { PriorKind } from './ranking/priors';
export type { MentionKind } from './ranking/mention-signal';
export { rankingConfidence, CONFIDENCE_HIT_RANK, type ConfidenceFeatures } from './ranking/confidence';
export { describeReason, describeResult } from './ranking/describe-result';
export { withoutReferences } from './text/commit-references';
export { ticketTitle } from './text/ticket-title';
export {
  buildEvalSet,
  buildOtherWorkSet,
  cleanQuery,
  defaultCutIndex,
  newerCutIndices,
  CutPaths,
  goldFiles,
  isQualifying,
  DEFAULT_EVAL_SET_OPTIONS,
  type EvalQuery,
  type OtherWorkQuery,
  type EvalSetOptions,
  type HistoryCommit,
} from './evaluation/eval-set';
export { historyFromAnalysisCache } from './evaluation/history-from-cache';
export {
  calibration,
  queryOutcome,
  summarize,
  unanswerableConfidence,
  type UnanswerableConfidence,
  type CalibrationBin,
  type QueryOutcome,
  type RankMetrics,
} from './evaluation/rank-metrics';
export {
  buildContentIndex,
  plainTokens,
  rankByContent,
  type BaselineKind,
  type ContentIndex,
} from './evaluation/content-baseline';
export {
  InMemoryFeedbackStore,
  latestVerdicts,
  type FeedbackEntry,
  type FeedbackStore,
  type FeedbackVerdict,
} from './feedback/feedback-store';
