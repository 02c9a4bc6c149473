import { FeedbackEntry } from '../feedback/feedback-store';
import { FeedbackSignal, feedbackSignals } from '../feedback/feedback-signal';
import { Bm25fParams } from '../index/bm25f-scorer';
import { INDEX_FIELDS } from '../index/corpus';
import { MatchIndex } from '../index/match-index';
import { DEFAULT_INPUT_LIMITS, InputLimits, PreparedTicket, prepareTicket, TicketInput } from '../ticket/prepare-ticket';
import { aggregateAreas } from './areas';
import { ConfidenceFeatures, rankingConfidence } from './confidence';
import { ExplainContext, explainEvidence, FileEvidence } from './explain';
import { MatchResult } from './match-result';
import { MatchWeights, resolveWeights, WeightOverrides } from './match-weights';
import { MentionSignal, mentionSignals } from './mention-signal';
import { NameSignal, nameSignals } from './name-signal';
import { PathRule, PathRuleHit, pathRuleSignals } from './path-rules';
import { priorParts } from './priors';
import { ResolvedTerm, resolveTerms } from './query-terms';
import { SimilarSignal, similarTicketSignals } from './similar-tickets';

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

interface Candidate extends FileEvidence {
  doc: number;
  score: number;
  /** Sum of the positive parts, the base for each reason's share. */
  evidence: number;
}

function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function bm25fParams(weights: MatchWeights): Bm25fParams {
  return { k1: weights.k1, fields: INDEX_FIELDS.map((f) => weights.fields[f]) };
}

function emptyResult(ticket: PreparedTicket, reason: 'empty' | 'no-signal'): MatchResult {
  return { files: [], areas: [], confidence: 0, noMatch: true, noMatchReason: reason, truncated: ticket.truncated };
}

interface Signals {
  text: Map<number, number>;
  similar: Map<number, SimilarSignal>;
  mentions: Map<number, MentionSignal>;
  names: Map<number, NameSignal>;
  rules: Map<number, PathRuleHit[]>;
  feedback: Map<number, FeedbackSignal>;
  query: ResolvedTerm[];
  textCoverage: number;
}

function collectSignals(index: MatchIndex, ticket: PreparedTicket, options: MatchOptions, weights: MatchWeights): Signals {
  const query = resolveTerms(index.text, ticket.terms, MAX_QUERY_TERMS);
  const text = new Map<number, number>();
  let textCoverage = 0;
  if (query.length > 0) {
    const { scores, docs } = index.textScorer.score(query, bm25fParams(weights));
    for (const d of docs) text.set(d, scores[d]);
    // Share of the query's idf mass the index knows at all: a ticket in other words scores low.
    let known = 0;
    for (const q of query) known += q.weight * index.text.idf(q.termId);
    let asked = known;
    for (const t of ticket.terms) if (index.text.termId(t.term) === undefined) asked += t.weight * Math.log(1 + index.text.documentCount);
    textCoverage = asked > 0 ? known / asked : 0;
  }
  return {
    text,
    similar: weights.similar > 0 ? similarTicketSignals(index, ticket.terms, weights) : new Map(),
    mentions: weights.mention > 0 ? mentionSignals(index, ticket.mentions) : new Map(),
    names: weights.nameMatch > 0 ? nameSignals(index, ticket) : new Map(),
    rules: options.pathRules?.length ? pathRuleSignals(index, options.pathRules, ticket.components, ticket.labels) : new Map(),
    feedback: options.feedback?.length ? feedbackSignals(index, ticket.key, ticket.terms, options.feedback) : new Map(),
    query,
    textCoverage,
  };
}

function combine(index: MatchIndex, ticket: PreparedTicket, s: Signals, weights: MatchWeights): Candidate[] {
  const maxText = maxOf(s.text.values());
  const maxSimilar = maxOf([...s.similar.values()].map((v) => v.value));
  const docs = new Set<number>([...s.text.keys(), ...s.similar.keys(), ...s.mentions.keys(), ...s.names.keys(), ...s.rules.keys()]);
  for (const [doc, f] of s.feedback) if (f.value > 0) docs.add(doc);
  const candidates: Candidate[] = [];
  for (const doc of docs) {
    const text = maxText > 0 ? (weights.text * (s.text.get(doc) ?? 0)) / maxText : 0;
    const similarSignal = s.similar.get(doc);
    const similar = similarSignal && maxSimilar > 0 ? (weights.similar * similarSignal.value) / maxSimilar : 0;
    const mentionSignal = s.mentions.get(doc);
    const mention = weights.mention * (mentionSignal?.value ?? 0);
    const nameSignal = s.names.get(doc);
    const name = weights.nameMatch * (nameSignal?.value ?? 0);
    const rules = s.rules.get(doc);
    const rule = rules ? weights.pathRule : 0;
    const priors = priorParts(index, doc, weights, ticket.bugLike);
    let score = text + similar + mention + name + rule + priors.reduce((a, p) => a + p.contribution, 0);
    let evidence = score;
    const feedback = s.feedback.get(doc);
    let feedbackContribution = 0;
    if (feedback) {
      // "Wrong" scales the score down (to nothing for a verdict on this ticket); "right" adds to it.
      if (feedback.value < 0) {
        feedbackContribution = score * feedback.value;
        score *= 1 + feedback.value;
      } else {
        feedbackContribution = weights.feedback * feedback.value;
        score += feedbackContribution;
        evidence += feedbackContribution;
      }
    }
    if (score <= 0) continue;
    candidates.push({
      doc,
      score,
      evidence,
      text,
      similar,
      similarTickets: similarSignal?.tickets ?? [],
      mention,
      mentionHits: mentionSignal?.hits ?? [],
      name,
      nameHits: nameSignal?.hits ?? [],
      rule,
      ruleHits: rules ?? [],
      priors,
      feedback: feedback ? { ...feedback, contribution: feedbackContribution } : undefined,
    });
  }
  candidates.sort((a, b) => b.score - a.score || index.paths[a.doc].localeCompare(index.paths[b.doc]));
  return candidates;
}

/** The sum of the weights a file could collect, so reported scores sit in [0, 1]. */
function scoreScale(ticket: PreparedTicket, s: Signals, weights: MatchWeights): number {
  let scale = weights.text + weights.changeFrequency + weights.recency + weights.size;
  if (s.similar.size > 0) scale += weights.similar;
  if (s.mentions.size > 0) scale += weights.mention;
  if (s.names.size > 0) scale += weights.nameMatch;
  if (s.rules.size > 0) scale += weights.pathRule;
  if (ticket.bugLike) scale += weights.bugFix;
  if (s.feedback.size > 0) scale += weights.feedback;
  return scale;
}

export function rankTicket(index: MatchIndex, input: TicketInput | PreparedTicket, options: MatchOptions = {}): MatchResult {
  const weights = resolveWeights(options.weights);
  const ticket = 'terms' in input ? input : prepareTicket(input, { ...DEFAULT_INPUT_LIMITS, ...options.limits });
  const hasMentions = ticket.mentions.files.length + ticket.mentions.symbols.length + ticket.mentions.frames.length > 0;
  if (ticket.terms.length === 0 && !hasMentions && ticket.components.length + ticket.labels.length === 0) {
    return emptyResult(ticket, 'empty');
  }
  const signals = collectSignals(index, ticket, options, weights);
  const candidates = combine(index, ticket, signals, weights);
  if (candidates.length === 0) return emptyResult(ticket, 'no-signal');
  const best = candidates[0].score;
  const kept = candidates.filter((c) => c.score >= best * MIN_RELATIVE_SCORE);
  const top = options.top ?? DEFAULT_TOP;
  const scale = scoreScale(ticket, signals, weights);
  const ctx: ExplainContext = { index, query: signals.query, weights };
  const explain = options.explain === false ? undefined : (c: Candidate) => explainEvidence(ctx, c.doc, c, c.evidence);
  const files = kept.slice(0, top).map((c) => ({
    path: index.paths[c.doc],
    kind: 'file' as const,
    score: round(Math.min(1, c.score / scale)),
    reasons: explain ? explain(c) : [],
  }));
  const areas = aggregateAreas(index, kept, weights, scale, top, explain);
  const features: ConfidenceFeatures = {
    topScore: best / scale,
    margin: kept.length > 1 ? (best - kept[1].score) / best : 1,
    mention: candidates[0].mention + candidates[0].name > 0,
    similar: candidates[0].similar > 0,
    coverage: signals.textCoverage,
  };
  return { files, areas, confidence: round(rankingConfidence(features)), noMatch: false, truncated: ticket.truncated };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
