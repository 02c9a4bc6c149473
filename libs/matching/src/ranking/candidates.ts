import { FeedbackSignal } from '../feedback/feedback-signal';
import { DocScores } from '../index/bm25f-scorer';
import { MatchIndex } from '../index/match-index';
import { PreparedTicket } from '../ticket/prepare-ticket';
import { FileEvidence } from './explain';
import { MatchWeights } from './match-weights';
import { MentionSignal } from './mention-signal';
import { NameSignal } from './name-signal';
import { PathRuleHit } from './path-rules';
import { priorParts, priorTotals } from './priors';
import { SimilarSignal } from './similar-tickets';

/**
 * Combines the signals into one score per file. Scores are summed in a dense array first and
 * only the best files become objects with their evidence: a vague ticket touches most files of
 * a large repository, and allocating for each of them would dominate the query time.
 */
export interface Signals {
  text: DocScores;
  content: DocScores;
  similar: Map<number, SimilarSignal>;
  mentions: Map<number, MentionSignal>;
  names: Map<number, NameSignal>;
  rules: Map<number, PathRuleHit[]>;
  feedback: Map<number, FeedbackSignal>;
}

export interface Candidate extends FileEvidence {
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

/** The `k` entries of `docs` with the largest `score` (unordered), by repeated partitioning; reorders `docs`. */
export function selectTop(docs: number[], score: Float64Array, k: number): number[] {
  if (docs.length <= k) return docs;
  let lo = 0;
  let hi = docs.length - 1;
  const a = docs;
  while (lo < hi) {
    const pivot = score[a[(lo + hi) >>> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (score[a[i]] > pivot) i++;
      while (score[a[j]] < pivot) j--;
      if (i <= j) {
        [a[i], a[j]] = [a[j], a[i]];
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return a.slice(0, k);
}

interface Scratch {
  score: Float64Array;
  seen: Uint8Array;
}

// One scratch buffer per index, cleared after use: a query allocates nothing in proportion to the repository.
const scratchByIndex = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = { score: new Float64Array(index.paths.length), seen: new Uint8Array(index.paths.length) };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

export function rankCandidates(
  index: MatchIndex,
  ticket: PreparedTicket,
  s: Signals,
  weights: MatchWeights,
  limit: number,
): Candidate[] {
  const { score, seen } = scratchFor(index);
  const docs: number[] = [];
  const touch = (doc: number, value: number) => {
    if (!seen[doc]) {
      seen[doc] = 1;
      docs.push(doc);
    }
    score[doc] += value;
  };
  let maxText = 0;
  for (const d of s.text.docs) maxText = Math.max(maxText, s.text.scores[d]);
  if (maxText > 0) for (const d of s.text.docs) touch(d, (weights.text * s.text.scores[d]) / maxText);
  let maxContent = 0;
  for (const d of s.content.docs) maxContent = Math.max(maxContent, s.content.scores[d]);
  if (maxContent > 0) for (const d of s.content.docs) touch(d, (weights.content * s.content.scores[d]) / maxContent);
  const maxSimilar = maxOf([...s.similar.values()].map((v) => v.value));
  for (const [d, v] of s.similar) touch(d, maxSimilar > 0 ? (weights.similar * v.value) / maxSimilar : 0);
  for (const [d, v] of s.mentions) touch(d, weights.mention * v.value);
  for (const [d, v] of s.names) touch(d, weights.nameMatch * v.value);
  for (const d of s.rules.keys()) touch(d, weights.pathRule);
  for (const [d, f] of s.feedback) if (f.value > 0) touch(d, weights.feedback * f.value);
  const priors = priorTotals(index, weights, ticket.bugLike);
  for (const d of docs) score[d] += priors[d];
  for (const [d, f] of s.feedback) {
    // "Wrong" scales the score down (to nothing for a verdict on this ticket).
    if (f.value < 0 && seen[d]) score[d] *= 1 + f.value;
  }
  const positive = docs.filter((d) => score[d] > 0);
  const top = selectTop(positive, score, limit);
  top.sort((a, b) => score[b] - score[a] || (index.paths[a] < index.paths[b] ? -1 : 1));
  const maxima = { text: maxText, content: maxContent, similar: maxSimilar };
  const out = top.map((doc) => evidenceOf(index, ticket, s, weights, doc, score[doc], maxima));
  for (const d of docs) {
    score[d] = 0;
    seen[d] = 0;
  }
  return out;
}

function evidenceOf(
  index: MatchIndex,
  ticket: PreparedTicket,
  s: Signals,
  weights: MatchWeights,
  doc: number,
  score: number,
  maxima: { text: number; content: number; similar: number },
): Candidate {
  const similarSignal = s.similar.get(doc);
  const mentionSignal = s.mentions.get(doc);
  const nameSignal = s.names.get(doc);
  const rules = s.rules.get(doc) ?? [];
  const feedback = s.feedback.get(doc);
  const text = maxima.text > 0 ? (weights.text * s.text.scores[doc]) / maxima.text : 0;
  const content = maxima.content > 0 ? (weights.content * s.content.scores[doc]) / maxima.content : 0;
  const similar = similarSignal && maxima.similar > 0 ? (weights.similar * similarSignal.value) / maxima.similar : 0;
  const mention = weights.mention * (mentionSignal?.value ?? 0);
  const name = weights.nameMatch * (nameSignal?.value ?? 0);
  const rule = rules.length > 0 ? weights.pathRule : 0;
  const priors = priorParts(index, doc, weights, ticket.bugLike);
  const base = text + content + similar + mention + name + rule + priors.reduce((a, p) => a + p.contribution, 0);
  let contribution = 0;
  if (feedback) contribution = feedback.value < 0 ? base * feedback.value : weights.feedback * feedback.value;
  return {
    doc,
    score,
    evidence: base + Math.max(0, contribution),
    text,
    content,
    similar,
    similarTickets: similarSignal?.tickets ?? [],
    mention,
    mentionHits: mentionSignal?.hits ?? [],
    name,
    nameHits: nameSignal?.hits ?? [],
    rule,
    ruleHits: rules,
    priors,
    feedback: feedback ? { ...feedback, contribution } : undefined,
  };
}
