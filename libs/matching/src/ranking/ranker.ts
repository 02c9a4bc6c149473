import { FeedbackEntry } from '../feedback/feedback-store';
import { feedbackSignals } from '../feedback/feedback-signal';
import { Bm25fParams, DocScores } from '../index/bm25f-scorer';
import { INDEX_FIELDS } from '../index/corpus';
import { MatchIndex } from '../index/match-index';
import {
  DEFAULT_INPUT_LIMITS,
  InputLimits,
  PreparedTicket,
  prepareTicket,
  TicketInput,
  withDescriptionWords,
} from '../ticket/prepare-ticket';
import { aggregateAreas } from './areas';
import { ConfidenceFeatures, rankingConfidence } from './confidence';
import { Candidate, rankCandidates, Signals } from './candidates';
import { ExplainContext, explainEvidence } from './explain';
import { MatchResult } from './match-result';
import { MatchWeights, resolveWeights, WeightOverrides } from './match-weights';
import { mentionSignals } from './mention-signal';
import { ownFrameWords } from './resolve-paths';
import { nameSignals } from './name-signal';
import { PathRule, pathRuleSignals } from './path-rules';
import { ResolvedTerm, resolveTerms } from './query-terms';
import { roundScore } from './round-score';
import {
  noSimilarTickets,
  otherWorkEvidence,
  OtherWorkSignal,
  similarTicketSignals,
} from './similar-tickets';

export interface MatchOptions {
  /** Files and areas returned, each (default 10). */
  top?: number;
  pathRules?: readonly PathRule[];
  /** Verdicts from earlier rankings (see FeedbackStore). */
  feedback?: readonly FeedbackEntry[];
  weights?: WeightOverrides;
  limits?: Partial<InputLimits>;
  /** Skip building reasons (evaluation runs thousands of queries and reads only the order). */
  explain?: boolean;
}

const DEFAULT_TOP = 10;
const MAX_QUERY_TERMS = 64;
// Files below this share of the best file's score are noise and are not aggregated into areas.
const MIN_RELATIVE_SCORE = 0.05;
// Areas are aggregated from this many best files: enough to rank areas, bounded for large repositories.
const AREA_FILES = 500;
const CONTENT_PARAMS: Bm25fParams = { k1: 1.2, fields: [{ weight: 1, b: 0.75 }] };

function bm25fParams(weights: MatchWeights): Bm25fParams {
  return { k1: weights.k1, fields: INDEX_FIELDS.map((f) => weights.fields[f]) };
}

function emptyResult(ticket: PreparedTicket, reason: 'empty' | 'no-signal'): MatchResult {
  return {
    files: [],
    areas: [],
    confidence: 0,
    noMatch: true,
    noMatchReason: reason,
    truncated: ticket.truncated,
  };
}

interface Collected extends Signals {
  query: ResolvedTerm[];
  contentQuery: ResolvedTerm[];
  /** Σ idf × weight of the query terms the index knows: the best score a file could reach per unit. */
  queryMass: number;
  otherWork: OtherWorkSignal;
}

function collectSignals(
  index: MatchIndex,
  ticket: PreparedTicket,
  options: MatchOptions,
  weights: MatchWeights,
): Collected {
  const query = resolveTerms(index.text, ticket.terms, MAX_QUERY_TERMS);
  const none: DocScores = { scores: new Float64Array(0), docs: new Uint32Array(0) };
  let text = none;
  let queryMass = 0;
  if (query.length > 0) {
    text = index.textScorer.score(query, bm25fParams(weights));
    for (const q of query) queryMass += q.weight * index.text.idf(q.termId);
  }
  const contentQuery = weights.content > 0 ? resolveTerms(index.content, ticket.terms, MAX_QUERY_TERMS) : [];
  const content = contentQuery.length > 0 ? index.contentScorer.score(contentQuery, CONTENT_PARAMS) : none;
  const similar =
    weights.similar > 0 ? similarTicketSignals(index, ticket.terms, weights, ticket.key) : noSimilarTickets();
  return {
    text,
    content,
    contentQuery,
    similar: similar.files,
    otherWork: similar.otherWork,
    mentions:
      weights.mention > 0 ? mentionSignals(index, ticket.mentions, weights.usedName, ticket.key) : new Map(),
    names: weights.nameMatch > 0 ? nameSignals(index, ticket) : new Map(),
    rules: options.pathRules?.length
      ? pathRuleSignals(index, options.pathRules, ticket.components, ticket.labels)
      : new Map(),
    feedback: options.feedback?.length
      ? feedbackSignals(index, ticket.key, ticket.terms, options.feedback)
      : new Map(),
    query,
    queryMass,
  };
}

/**
 * The terms the confidence model counts: the title's, as in the title-only queries it was fitted
 * on. Counting a description's dozens of words too put nearly every described ticket at 0.8–1.0
 * (mean 0.91 against 0.80 observed on real issues). A ticket with no usable title word counts all.
 */
function countedTerms(query: readonly ResolvedTerm[]): number {
  return query.filter((q) => q.inTitle).length || query.length;
}

/** The sum of the weights a file could collect, so reported scores sit in [0, 1]. */
function scoreScale(ticket: PreparedTicket, s: Collected, weights: MatchWeights): number {
  let scale =
    weights.text +
    (s.content.docs.length > 0 ? weights.content : 0) +
    weights.changeFrequency +
    weights.recency +
    weights.size;
  if (s.similar.size > 0) scale += weights.similar;
  if (s.mentions.size > 0) scale += weights.mention;
  if (s.names.size > 0) scale += weights.nameMatch;
  if (s.rules.size > 0) scale += weights.pathRule;
  if (ticket.bugLike) scale += weights.bugFix;
  if (s.feedback.size > 0) scale += weights.feedback;
  return scale;
}

export function rankTicket(
  index: MatchIndex,
  input: TicketInput | PreparedTicket,
  options: MatchOptions = {},
): MatchResult {
  const weights = resolveWeights(options.weights);
  const limits = { ...DEFAULT_INPUT_LIMITS, ...options.limits };
  const prepared = 'terms' in input ? input : prepareTicket(input, limits);
  const ticket = withDescriptionWords(
    prepared,
    ownFrameWords(index, prepared.mentions.frames),
    limits.maxQueryTerms,
  );
  const hasMentions =
    ticket.mentions.files.length + ticket.mentions.symbols.length + ticket.mentions.frames.length > 0;
  if (ticket.terms.length === 0 && !hasMentions && ticket.components.length + ticket.labels.length === 0) {
    return emptyResult(ticket, 'empty');
  }
  const signals = collectSignals(index, ticket, options, weights);
  const top = options.top ?? DEFAULT_TOP;
  const { ranked: candidates, evidence } = rankCandidates(
    index,
    ticket,
    signals,
    weights,
    Math.max(top, AREA_FILES),
  );
  if (candidates.length === 0) {
    // No code matched, but past work outside the code may still say what the ticket is.
    return { ...emptyResult(ticket, 'no-signal'), ...otherWorkEvidence(index, signals.otherWork) };
  }
  const best = candidates[0].score;
  const kept = candidates.filter((c) => c.score >= best * MIN_RELATIVE_SCORE);
  const scale = scoreScale(ticket, signals, weights);
  const ctx: ExplainContext = {
    index,
    query: signals.query,
    contentQuery: signals.contentQuery,
    written: ticket.terms.map((t) => t.surface),
    weights,
  };
  const explain =
    options.explain === false
      ? undefined
      : (c: Candidate) => {
          const e = evidence(c.doc);
          return explainEvidence(ctx, c.doc, e, e.total);
        };
  const files = kept.slice(0, top).map((c) => ({
    path: index.paths[c.doc],
    kind: 'file' as const,
    score: roundScore(Math.min(1, c.score / scale)),
    reasons: explain ? explain(c) : [],
  }));
  const areas = aggregateAreas(index, kept, weights, scale, top, explain);
  const features: ConfidenceFeatures = {
    topScore: best / scale,
    margin: kept.length > 1 ? (best - kept[1].score) / best : 1,
    mention: signals.mentions.has(candidates[0].doc) || signals.names.has(candidates[0].doc),
    similar: signals.similar.has(candidates[0].doc),
    textMatch:
      signals.queryMass > 0
        ? Math.min(1, (signals.text.scores[candidates[0].doc] ?? 0) / signals.queryMass)
        : 0,
    queryTerms: countedTerms(signals.query),
    otherWork: signals.otherWork.share,
    indexedFiles: index.paths.length,
  };
  return {
    files,
    areas,
    confidence: roundScore(rankingConfidence(features)),
    confidenceFeatures: features,
    ...otherWorkEvidence(index, signals.otherWork),
    noMatch: false,
    truncated: ticket.truncated,
  };
}
