import { MatchIndex, ticketsOfKey } from '../index/match-index';
import { withoutReferences } from '../text/commit-references';
import { QueryTerm } from '../ticket/prepare-ticket';
import { partitionTop } from './candidates';
import { OtherWorkEvidence } from './match-result';
import { MatchWeights } from './match-weights';
import { roundScore } from './round-score';
import { resolveTerms } from './query-terms';

/**
 * "Similar past tickets" (BugLocator's SimiScore, Zhou et al. 2012): the ticket text is scored
 * against past ticket titles, and each of the most similar past tickets votes for the files it
 * changed, its vote divided by (number of files)^spread so a sweeping refactor says little about
 * any one file.
 */
export interface SimilarTicket {
  index: number;
  similarity: number;
}

export interface SimilarSignal {
  value: number;
  tickets: SimilarTicket[];
}

/**
 * How much of the similar past work changed no ranked file (documentation, CI, build
 * configuration): the share of the similarity of the MOST_SIMILAR best matches. A ticket like
 * "Update the deployment docs" matches the code its words name, but its nearest neighbours say
 * what kind of work it is; the confidence model reads the share.
 */
export interface OtherWorkSignal {
  share: number;
  /** Those past tickets, most similar first. */
  tickets: SimilarTicket[];
}

export interface SimilarSignals {
  files: Map<number, SimilarSignal>;
  otherWork: OtherWorkSignal;
}

const MAX_QUERY_TERMS = 64;
// Tickets scoring below this share of the best one are noise, not neighbours.
const MIN_RELATIVE_SIMILARITY = 0.2;
const TICKETS_KEPT_PER_FILE = 3;
const MOST_SIMILAR = 10;
const NO_OTHER_WORK: OtherWorkSignal = { share: 0, tickets: [] };

export function noSimilarTickets(): SimilarSignals {
  return { files: new Map(), otherWork: NO_OTHER_WORK };
}

/** `ownKey`: the ticket's own earlier commits are its work, not a similar ticket (mention-signal.ts). */
export function similarTicketSignals(
  index: MatchIndex,
  terms: readonly QueryTerm[],
  weights: MatchWeights,
  ownKey?: string,
): SimilarSignals {
  if (index.pastTickets.length === 0) return noSimilarTickets();
  const query = resolveTerms(index.tickets, terms, MAX_QUERY_TERMS);
  if (query.length === 0) return noSimilarTickets();
  const out = new Map<number, SimilarSignal>();
  const { scores, docs } = index.ticketScorer.score(query, {
    k1: weights.k1,
    fields: [{ weight: 1, b: 0.5 }],
  });
  const own = ownKey ? new Set(ticketsOfKey(index, ownKey)) : undefined;
  const candidates = own ? Array.from(docs).filter((t) => !own.has(t)) : Array.from(docs);
  const isCode = (t: number) => index.ticketDocs[t].length > 0;
  // One selection serves both: the code work among the best (usually all that votes) and the best ten.
  const ranked = bestFirst(candidates, scores, 2 * weights.similarTickets);
  let others = ranked.filter(isCode).slice(0, weights.similarTickets);
  if (others.length < weights.similarTickets && ranked.length < candidates.length) {
    // Work outside the code crowds the best: look further, among code work alone.
    others = bestFirst(candidates.filter(isCode), scores, weights.similarTickets);
  }
  const otherWork = otherWorkSignal(index, ranked.slice(0, MOST_SIMILAR), scores);
  const best = others.length > 0 ? scores[others[0]] : 0;
  for (const t of others) {
    const similarity = scores[t] / best;
    if (similarity < MIN_RELATIVE_SIMILARITY) break;
    const files = index.ticketDocs[t];
    const vote = scores[t] / Math.pow(files.length, weights.similarSpread);
    for (const doc of files) {
      const signal = out.get(doc) ?? { value: 0, tickets: [] };
      signal.value += vote;
      if (signal.tickets.length < TICKETS_KEPT_PER_FILE) signal.tickets.push({ index: t, similarity });
      out.set(doc, signal);
    }
  }
  return { files: out, otherWork };
}

/** The `k` best of `candidates` (which it reorders), best first. */
function bestFirst(candidates: number[], scores: Float64Array, k: number): number[] {
  const kept = partitionTop(candidates, candidates.length, scores, k);
  return candidates.slice(0, kept).sort((a, b) => scores[b] - scores[a] || a - b);
}

/** `top`: the most similar past work, best first. */
function otherWorkSignal(index: MatchIndex, top: readonly number[], scores: Float64Array): OtherWorkSignal {
  if (top.length === 0) return NO_OTHER_WORK;
  const best = scores[top[0]];
  let total = 0;
  let other = 0;
  const tickets: SimilarTicket[] = [];
  for (const t of top) {
    if (scores[t] < best * MIN_RELATIVE_SIMILARITY) break;
    const outside = (index.pastTickets[t].otherFiles?.length ?? 0) > 0;
    // Work on files the snapshot no longer holds is neither kind.
    if (!outside && index.ticketDocs[t].length === 0) continue;
    total += scores[t];
    if (!outside) continue;
    other += scores[t];
    tickets.push({ index: t, similarity: scores[t] / best });
  }
  return total > 0 && other > 0 ? { share: other / total, tickets } : NO_OTHER_WORK;
}

const OTHER_WORK_SHOWN = 3;

/** The signal as a result carries it: its past work by title and files. */
export function otherWorkEvidence(
  index: MatchIndex,
  signal: OtherWorkSignal,
): { otherWork?: OtherWorkEvidence } {
  if (signal.share === 0) return {};
  const tickets = signal.tickets.slice(0, OTHER_WORK_SHOWN).map(({ index: t, similarity }) => {
    const past = index.pastTickets[t];
    return {
      ...(past.key ? { key: past.key } : {}),
      title: withoutReferences(past.title),
      files: [...(past.otherFiles ?? [])],
      similarity: roundScore(similarity),
    };
  });
  return { otherWork: { share: roundScore(signal.share), tickets } };
}
