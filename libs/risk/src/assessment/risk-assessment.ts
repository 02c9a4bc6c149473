import type { RiskReference } from '../calibration/risk-reference';
import { z } from 'zod';
import type { DependencyWarning, RiskReason } from './risk-reason';

export type RiskLevel = 'low' | 'medium' | 'high';

/**
 * Level thresholds on the risk score (a position in the repository's own distribution, so one
 * scale fits every codebase) and the confidence a match needs before it may be called high.
 * Project mappings override them.
 */
export const riskThresholdsSchema = z
  .object({
    /** Score at or above which the level is high: 0.8 = riskier than 80% of the reference. */
    high: z.number().min(0).max(1).default(0.8),
    medium: z.number().min(0).max(1).default(0.5),
    /** Below this confidence a high level is held at medium and the assessment marked low-confidence. */
    minConfidence: z.number().min(0).max(1).default(0.3),
  })
  .refine((t) => t.medium <= t.high, { message: 'medium must not exceed high' });

export type RiskThresholds = z.infer<typeof riskThresholdsSchema>;
export type RiskThresholdsInput = z.input<typeof riskThresholdsSchema>;
export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = riskThresholdsSchema.parse({});

export interface RiskAreaFile {
  path: string;
  matchScore: number;
  /** Hotspot dimension in [0, 1] (see RiskCalibration), null when the file has no code figures. */
  hotspotDimension: number | null;
}

/** A matched area with the figures a note shows for it. */
export interface RiskArea {
  path: string;
  matchScore: number;
  /** Match-weighted hotspot dimension of its matched files, null without figures. */
  hotspotDimension: number | null;
  files: number;
  loc: number;
  revisions: number;
  recentRevisions: number;
  windowDays: number;
  authors: number;
  bugFixRevisions: number;
  maxComplexity: number;
  /** Highest hotspot percentile among its files (0..100). */
  maxHotspotPercentile: number | null;
  /** Areas importing this one. */
  fanIn: number;
  knowledgeIslands: number;
  matchedFiles: RiskAreaFile[];
}

/**
 * A past ticket that touched the same files or had similar text. Its duration is known here only
 * as the span between its first and last commit, a proxy labelled as such; tracker durations
 * replace it where the tracker knows them.
 */
export interface SimilarPastTicket {
  key: string;
  title: string;
  /** Text similarity relative to the most similar past ticket (1 = that one), null when found by files alone. */
  similarity: number | null;
  sharedFiles: string[];
  commits: number;
  firstCommitted: string;
  lastCommitted: string;
  /** Days from first to last commit (a proxy for duration); null for a single commit. */
  commitSpanDays: number | null;
}

export interface RiskEvidence {
  matchConfidence: number;
  /** Share of the match weight on files with code figures in the snapshot. */
  knownShare: number;
  /** Size of the reference the score is a position in, and what it consists of. */
  referenceSize: number;
  basis: RiskReference['basis'];
  /** Strength of the evidence in [0, 1]; confidence = matchConfidence × strength. */
  strength: number;
  /** The match-weighted hotspot dimension before it is placed in the reference. */
  hotspotDimension: number | null;
}

export interface RiskAssessment {
  level: RiskLevel;
  /** Position in the repository's reference distribution, 0..1, higher = riskier. */
  score: number;
  confidence: number;
  lowConfidence: boolean;
  noMatch: boolean;
  reasons: RiskReason[];
  areas: RiskArea[];
  dependencyWarnings: DependencyWarning[];
  similarTickets: SimilarPastTicket[];
  evidence: RiskEvidence;
  thresholds: RiskThresholds;
}
