import { Bm25fScorer, WeightedTerm } from '../index/bm25f-scorer';
import { InvertedIndex, InvertedIndexBuilder } from '../index/inverted-index';
import { isStopWord } from '../text/stop-words';
import { tokenize } from '../text/tokenizer';

/**
 * The baselines `sightline eval` prints beside Sightline: BM25 (k1 = 1.2, b = 0.75) over each
 * file's whole content. `plain` is BM25 as a search engine ships it: words split on anything
 * that is not a letter or digit, lowercased, English stop words dropped, no identifier splitting
 * and no stemming. `tokenized` uses Sightline's own tokenizer, so the gap between it and Sightline
 * is what the ranking signals add, and the gap between the two baselines is what text processing
 * adds.
 */
export type BaselineKind = 'plain' | 'tokenized';

export interface ContentIndex {
  kind: BaselineKind;
  paths: readonly string[];
  index: InvertedIndex;
  scorer: Bm25fScorer;
}

const PARAMS = { k1: 1.2, fields: [{ weight: 1, b: 0.75 }] };
const MAX_QUERY_TERMS = 64;
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const DIGITS = /^\p{N}+$/u;

export function plainTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length > 1 && !DIGITS.test(w) && !isStopWord(w));
}

function tokensFor(kind: BaselineKind, text: string): string[] {
  return kind === 'plain' ? plainTokens(text) : tokenize(text);
}

export function buildContentIndex(
  kind: BaselineKind,
  files: Iterable<{ path: string; content: string }>,
): ContentIndex {
  const builder = new InvertedIndexBuilder(1);
  const paths: string[] = [];
  for (const file of files) {
    paths.push(file.path);
    builder.add([tokensFor(kind, file.content)]);
  }
  const index = builder.build();
  return { kind, paths, index, scorer: new Bm25fScorer(index) };
}

/** Paths best first, at most `top`. */
export function rankByContent(content: ContentIndex, text: string, top: number): string[] {
  const counts = new Map<number, number>();
  for (const token of tokensFor(content.kind, text)) {
    const termId = content.index.termId(token);
    if (termId !== undefined) counts.set(termId, (counts.get(termId) ?? 0) + 1);
  }
  const terms: WeightedTerm[] = [...counts].map(([termId, weight]) => ({ termId, weight }));
  terms.sort((a, b) => b.weight * content.index.idf(b.termId) - a.weight * content.index.idf(a.termId));
  if (terms.length === 0) return [];
  const { scores, docs } = content.scorer.score(terms.slice(0, MAX_QUERY_TERMS), PARAMS);
  return Array.from(docs)
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, top)
    .map((d) => content.paths[d]);
}
