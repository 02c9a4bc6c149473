import { IndexField } from '../index/corpus';
import { FeedbackVerdict } from '../feedback/feedback-store';
import { ConfidenceFeatures } from './confidence';
import { MentionKind } from './mention-signal';
import { PriorKind } from './priors';

/**
 * Why a file or area was ranked: structured so a renderer can pick the strongest reasons and say
 * them in one sentence (see `describeResult`). `share` is the part of the result's score the reason
 * accounts for, in [0, 1].
 */
export type MatchReason =
  | { kind: 'terms'; field: IndexField | 'content'; terms: string[]; share: number }
  | { kind: 'mention'; mention: MentionKind; text: string; share: number }
  | { kind: 'name'; target: 'file' | 'symbol'; text: string; share: number }
  | { kind: 'similar-tickets'; tickets: { key?: string; title: string; similarity: number }[]; share: number }
  | { kind: 'prior'; prior: PriorKind; value: number; share: number }
  | { kind: 'path-rule'; source: 'component' | 'label'; value: string; glob: string; share: number }
  | { kind: 'feedback'; verdict: FeedbackVerdict; tickets: string[]; share: number }
  | { kind: 'files'; files: { path: string; score: number }[]; share: number };

export interface RankedResult {
  path: string;
  kind: 'file' | 'area';
  /** In [0, 1]: the weighted sum of the signals, divided by the sum of the weights in play. */
  score: number;
  reasons: MatchReason[];
}

export type NoMatchReason = 'empty' | 'no-signal';

/** Past work like the ticket that changed no source file (similar-tickets.ts). */
export interface OtherWorkEvidence {
  /** Its share of the similarity of the ticket's most similar past work, in (0, 1]. */
  share: number;
  /** Most similar first, with the files it changed instead (documentation, CI, build). */
  tickets: { key?: string; title: string; files: string[]; similarity: number }[];
}

export interface MatchResult {
  /** Best first. */
  files: RankedResult[];
  /** Best first; an area's score aggregates its files'. */
  areas: RankedResult[];
  /**
   * Estimated probability that the top-ranked areas hold a file the ticket will change (fitted
   * on evaluation data, see docs/matching.md). 0 when there is no match.
   */
  confidence: number;
  /** The inputs of `confidence`, for calibration and diagnostics (absent when there is no match). */
  confidenceFeatures?: ConfidenceFeatures;
  /** Present when some of the most similar past work changed no source file. */
  otherWork?: OtherWorkEvidence;
  noMatch: boolean;
  noMatchReason?: NoMatchReason;
  /** The ticket text was cut to the input limits. */
  truncated: boolean;
}
