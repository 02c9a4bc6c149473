export {
  analysisOptionsSchema,
  areaRuleSchema,
  parseAnalysisOptions,
  DEFAULT_EXCLUDES,
  DEFAULT_FIX_PATTERN,
  DEFAULT_TICKET_PATTERNS,
  TICKET_KEY_IN_TEXT,
  TICKET_KEY_PATTERN,
  DEFAULT_TICKET_IGNORED_PREFIXES,
  isIgnoredTicketPrefix,
  type AnalysisOptions,
  type AnalysisOptionsInput,
  type AreaRule,
  type CouplingThresholds,
} from './analysis-options';
/** Counts as every sentence prints them: `1,385 authors`. */
export { formatCount, plural } from './counts';
export { AnalysisInputError, GitCommandError, type AnalysisInputErrorKind } from './analysis-error';
export {
  analyseRepository,
  type AnalyseExtras,
  type AnalysisResult,
  type AnalysisStats,
} from './snapshot/analyse-repository';
export {
  serializeAnalysisCache,
  deserializeAnalysisCache,
  CACHE_FORMAT_VERSION,
  type AnalysisCache,
} from './snapshot/analysis-cache';
export type { AnalysisPhase, AnalysisProgress, ProgressListener } from './snapshot/analysis-progress';
export {
  snapshotSchema,
  fileFiguresSchema,
  areaFiguresSchema,
  SNAPSHOT_SCHEMA_VERSION,
  type RepositorySnapshot,
  type FileFigures,
  type AreaFigures,
  type CouplingPair,
  type FixConcentrationCheck,
} from './snapshot/snapshot.schema';
export { renderSnapshotSummary, type SummaryOptions } from './snapshot/snapshot-summary';
export { collectRepositoryCorpus, type CorpusResult } from './corpus/collect-corpus';
export type { RepositoryCorpus, CorpusFile, CorpusArea, CorpusTicket } from './corpus/corpus-builder';
export type { SourceAnalyser } from './tree/content-pass';
export { listTree, readBlobs, type TreeEntry } from './tree/tree-reader';
export { isMinified } from './tree/blob-facts';
export { readSourceTexts, type SourceText } from './tree/source-texts';
export { isSourcePath, isTestPath, isTestArea, isMatchablePath, TEST_PATH_PATTERNS } from './tree/file-kinds';
export { CHANGE_STRIDE, type CommitRecord } from './history/commit-record';
export { ownHistory } from './history/own-history';
export { isReleaseSubject } from './history/release-subject';
export { countBelow } from './sorted-search';
export {
  FIX_CLAIM_MIN_FIXES,
  FIX_CLAIM_MIN_MULTIPLE,
  FIX_RATE_DAYS,
  fixRate,
} from './metrics/fix-concentration';
export * from './source';
export * from './dependencies';
