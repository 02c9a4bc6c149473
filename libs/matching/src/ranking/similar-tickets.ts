import { MatchIndex, ticketsOfKey } from '../index/match-index';
import { QueryTerm } from '../ticket/prepare-ticket';
import { MatchWeights } from './match-weights';
import { partitionTop } from './candidates';
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

const MAX_QUERY_TERMS = 64;
// Tickets scoring below this share of the best one are noise, not neighbours.
const MIN_RELATIVE_SIMILARITY = 0.2;
const TICKETS_KEPT_PER_FILE = 3;

/** `ownKey`: the ticket's own earlier commits are its work, not a similar ticket (mention-signal.ts). */
export function similarTicketSignals(
  index: MatchIndex,
  terms: readonly QueryTerm[],
  weights: MatchWeights,
  ownKey?: string,
): Map<number, SimilarSignal> {
  const out = new Map<number, SimilarSignal>();
  if (index.pastTickets.length === 0) return out;
  const query = resolveTerms(index.tickets, terms, MAX_QUERY_TERMS);
  if (query.length === 0) return out;
  const { scores, docs } = index.ticketScorer.score(query, {
    k1: weights.k1,
    fields: [{ weight: 1, b: 0.5 }],
  });
  const candidates = Array.from(docs);
  const kept = partitionTop(candidates, candidates.length, scores, weights.similarTickets);
  const ranked = candidates.slice(0, kept).sort((a, b) => scores[b] - scores[a] || a - b);
  const own = new Set(ownKey ? ticketsOfKey(index, ownKey) : []);
  const others = ranked.filter((t) => !own.has(t));
  const best = others.length > 0 ? scores[others[0]] : 0;
  for (const t of others) {
    const similarity = scores[t] / best;
    if (similarity < MIN_RELATIVE_SIMILARITY) break;
    const files = index.ticketDocs[t];
    if (files.length === 0) continue;
    const vote = scores[t] / Math.pow(files.length, weights.similarSpread);
    for (const doc of files) {
      const signal = out.get(doc) ?? { value: 0, tickets: [] };
      signal.value += vote;
      if (signal.tickets.length < TICKETS_KEPT_PER_FILE) signal.tickets.push({ index: t, similarity });
      out.set(doc, signal);
    }
  }
  return out;
}
