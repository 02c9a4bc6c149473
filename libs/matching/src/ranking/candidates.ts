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

export interface Candidate {
  doc: number;
  score: number;
}

export interface Evidence extends FileEvidence {
  /** Sum of the positive parts, the base for each reason's share. */
  total: number;
}

export interface RankedCandidates {
  /** Best first. */
  ranked: Candidate[];
  /** A file's evidence, worked out only for the files that are shown or explained. */
  evidence(doc: number): Evidence;
}

function maxOf(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * Moves the `k` entries of `docs[0..count)` with the largest `score` to the front (unordered), by
 * repeated partitioning, and returns how many that is (`min(k, count)`). Equal scores rank the
 * lower doc first, so which of them make the cut does not depend on the order they came in.
 */
export function partitionTop(
  docs: Uint32Array | number[],
  count: number,
  score: Float64Array,
  k: number,
): number {
  if (count <= k) return count;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivotDoc = docs[(lo + hi) >>> 1];
    const pivot = score[pivotDoc];
    // Strictly before / after the pivot in (score descending, doc ascending) order.
    const before = (d: number) => score[d] > pivot || (score[d] === pivot && d < pivotDoc);
    const after = (d: number) => score[d] < pivot || (score[d] === pivot && d > pivotDoc);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(docs[i])) i++;
      while (after(docs[j])) j--;
      if (i <= j) {
        const t = docs[i];
        docs[i] = docs[j];
        docs[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return k;
}

interface Scratch {
  score: Float64Array;
  seen: Uint8Array;
  docs: Uint32Array;
}

// One scratch buffer per index, cleared after use: a query allocates nothing in proportion to the repository.
const scratchByIndex = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    const n = index.paths.length;
    scratch = { score: new Float64Array(n), seen: new Uint8Array(n), docs: new Uint32Array(n) };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

function maxScore(scores: DocScores): number {
  let max = 0;
  const { docs } = scores;
  for (let i = 0; i < docs.length; i++) if (scores.scores[docs[i]] > max) max = scores.scores[docs[i]];
  return max;
}

export function rankCandidates(
  index: MatchIndex,
  ticket: PreparedTicket,
  s: Signals,
  weights: MatchWeights,
  limit: number,
): RankedCandidates {
  const { score, seen, docs } = scratchFor(index);
  const priors = priorTotals(index, weights, ticket.bugLike);
  let count = 0;
  // Tight loops over the (possibly repository-wide) BM25 hits; the sparse signals follow.
  const addDense = (scores: DocScores, factor: number) => {
    const hits = scores.docs;
    for (let i = 0; i < hits.length; i++) {
      const d = hits[i];
      if (seen[d] === 0) {
        seen[d] = 1;
        docs[count++] = d;
        score[d] = priors[d];
      }
      score[d] += factor * scores.scores[d];
    }
  };
  const touch = (d: number, value: number) => {
    if (seen[d] === 0) {
      seen[d] = 1;
      docs[count++] = d;
      score[d] = priors[d];
    }
    score[d] += value;
  };
  const maxText = maxScore(s.text);
  // A signal weighted 0 makes no file a candidate: priors never rank a file on their own.
  if (maxText > 0 && weights.text > 0) addDense(s.text, weights.text / maxText);
  const maxContent = maxScore(s.content);
  if (maxContent > 0 && weights.content > 0) addDense(s.content, weights.content / maxContent);
  const maxSimilar = maxOf([...s.similar.values()].map((v) => v.value));
  for (const [d, v] of s.similar) touch(d, maxSimilar > 0 ? (weights.similar * v.value) / maxSimilar : 0);
  for (const [d, v] of s.mentions) touch(d, weights.mention * v.value);
  for (const [d, v] of s.names) touch(d, weights.nameMatch * v.value);
  if (weights.pathRule > 0) for (const d of s.rules.keys()) touch(d, weights.pathRule);
  if (weights.feedback > 0)
    for (const [d, f] of s.feedback) if (f.value > 0) touch(d, weights.feedback * f.value);
  for (const [d, f] of s.feedback) {
    // "Wrong" scales the score down (to nothing for a verdict on this ticket).
    if (f.value < 0 && seen[d]) score[d] *= 1 + f.value;
  }
  const kept = partitionTop(docs, count, score, limit);
  const top: number[] = [];
  for (let i = 0; i < kept; i++) if (score[docs[i]] > 0) top.push(docs[i]);
  top.sort((a, b) => score[b] - score[a] || (index.paths[a] < index.paths[b] ? -1 : 1));
  const ranked = top.map((doc) => ({ doc, score: score[doc] }));
  for (let i = 0; i < count; i++) {
    score[docs[i]] = 0;
    seen[docs[i]] = 0;
  }
  const maxima = { text: maxText, content: maxContent, similar: maxSimilar };
  return { ranked, evidence: (doc) => evidenceOf(index, ticket, s, weights, doc, maxima) };
}

function evidenceOf(
  index: MatchIndex,
  ticket: PreparedTicket,
  s: Signals,
  weights: MatchWeights,
  doc: number,
  maxima: { text: number; content: number; similar: number },
): Evidence {
  const similarSignal = s.similar.get(doc);
  const mentionSignal = s.mentions.get(doc);
  const nameSignal = s.names.get(doc);
  const rules = s.rules.get(doc) ?? [];
  const feedback = s.feedback.get(doc);
  const text = maxima.text > 0 ? (weights.text * s.text.scores[doc]) / maxima.text : 0;
  const content = maxima.content > 0 ? (weights.content * s.content.scores[doc]) / maxima.content : 0;
  const similar =
    similarSignal && maxima.similar > 0 ? (weights.similar * similarSignal.value) / maxima.similar : 0;
  const mention = weights.mention * (mentionSignal?.value ?? 0);
  const name = weights.nameMatch * (nameSignal?.value ?? 0);
  const rule = rules.length > 0 ? weights.pathRule : 0;
  const priors = priorParts(index, doc, weights, ticket.bugLike);
  const base =
    text + content + similar + mention + name + rule + priors.reduce((a, p) => a + p.contribution, 0);
  let contribution = 0;
  if (feedback) contribution = feedback.value < 0 ? base * feedback.value : weights.feedback * feedback.value;
  return {
    total: base + Math.max(0, contribution),
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
