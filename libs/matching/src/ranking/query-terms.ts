import { WeightedTerm } from '../index/bm25f-scorer';
import { InvertedIndex } from '../index/inverted-index';
import { QueryTerm } from '../ticket/prepare-ticket';

/** A query term resolved against one index. */
export interface ResolvedTerm extends WeightedTerm {
  term: string;
  surface: string;
  inTitle: boolean;
}

/**
 * The ticket's terms that exist in `index`, strongest first by weight × idf, capped: a very long
 * description should cost no more than a few dozen posting-list walks, and its rarest words are
 * the ones that discriminate.
 */
export function resolveTerms(
  index: InvertedIndex,
  terms: readonly QueryTerm[],
  limit: number,
): ResolvedTerm[] {
  const resolved: { t: ResolvedTerm; rank: number }[] = [];
  for (const q of terms) {
    const termId = index.termId(q.term);
    if (termId === undefined) continue;
    resolved.push({
      t: { termId, weight: q.weight, term: q.term, surface: q.surface, inTitle: q.inTitle },
      rank: q.weight * index.idf(termId),
    });
  }
  resolved.sort((a, b) => b.rank - a.rank);
  return resolved.slice(0, limit).map((r) => r.t);
}
