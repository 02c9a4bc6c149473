import { InvertedIndex } from './inverted-index';

/**
 * BM25F (Robertson, Zaragoza & Taylor 2004): per-field term frequencies are length-normalised and
 * weighted *before* the saturation, so a term found in both a file's name and its comments counts
 * as more evidence without counting twice. The result keeps every document with a positive score.
 *
 * A term's weighted frequencies over all fields are merged into one list the first time a query
 * uses it with given parameters and kept for long lists (the common words that dominate query
 * time), so a repeated term costs one pass over its documents instead of one per field.
 */
export interface Bm25fField {
  weight: number;
  b: number;
}

export interface Bm25fParams {
  k1: number;
  fields: readonly Bm25fField[];
}

export interface WeightedTerm {
  termId: number;
  /** Query-side weight (repetitions, title vs description). */
  weight: number;
}

export interface DocScores {
  /** Dense, indexed by document id. Valid until the scorer's next `score` call. */
  scores: Float64Array;
  /** Documents with a positive score, in no particular order. */
  docs: Uint32Array;
}

/** How much of one term's score came from each field, for explanations. */
export interface TermFieldShare {
  termId: number;
  score: number;
  fieldScores: number[];
}

interface MergedPostings {
  docs: Uint32Array;
  /** Σ over fields of weight × tf × length normalisation. */
  tf: Float32Array;
}

// Lists shorter than this are merged on the fly; caching them would save little.
const CACHE_MIN_POSTINGS = 512;
// Upper bound on cached postings (8 bytes each) before the cache starts over.
const CACHE_MAX_POSTINGS = 8_000_000;

export class Bm25fScorer {
  private readonly normCache = new Map<string, Float32Array>();
  private readonly merged = new Map<string, Map<number, MergedPostings>>();
  private cachedPostings = 0;
  private readonly accumulator: Float64Array;
  private readonly touched: Uint32Array;
  private readonly scores: Float64Array;
  private hits: Uint32Array = new Uint32Array(0);
  private hitCount = 0;

  constructor(readonly index: InvertedIndex) {
    this.accumulator = new Float64Array(index.documentCount);
    this.touched = new Uint32Array(index.documentCount);
    this.scores = new Float64Array(index.documentCount);
  }

  /** 1 / (1 − b + b·len/avg) per document for one field, cached per b. */
  inverseNorms(field: number, b: number): Float32Array {
    const key = `${field}:${b}`;
    let norms = this.normCache.get(key);
    if (!norms) {
      const postings = this.index.fields[field];
      const avg = postings.averageLength || 1;
      norms = new Float32Array(this.index.documentCount);
      for (let d = 0; d < norms.length; d++) norms[d] = 1 / (1 - b + (b * postings.lengths[d]) / avg);
      this.normCache.set(key, norms);
    }
    return norms;
  }

  private mergePostings(termId: number, params: Bm25fParams): MergedPostings {
    const acc = this.accumulator;
    const touched = this.touched;
    let count = 0;
    for (let f = 0; f < params.fields.length; f++) {
      const { weight, b } = params.fields[f];
      if (weight <= 0) continue;
      const norms = this.inverseNorms(f, b);
      const postings = this.index.fields[f];
      const end = postings.offsets[termId + 1];
      for (let i = postings.offsets[termId]; i < end; i++) {
        const d = postings.docs[i];
        if (acc[d] === 0) touched[count++] = d;
        acc[d] += weight * postings.tfs[i] * norms[d];
      }
    }
    const docs = touched.slice(0, count);
    const tf = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      tf[i] = acc[docs[i]];
      acc[docs[i]] = 0;
    }
    return { docs, tf };
  }

  private postingsFor(termId: number, params: Bm25fParams): MergedPostings {
    const key = params.fields.map((f) => `${f.weight}/${f.b}`).join(',');
    let byTerm = this.merged.get(key);
    const cached = byTerm?.get(termId);
    if (cached) return cached;
    const merged = this.mergePostings(termId, params);
    if (merged.docs.length >= CACHE_MIN_POSTINGS) {
      if (this.cachedPostings + merged.docs.length > CACHE_MAX_POSTINGS) {
        this.merged.clear();
        this.cachedPostings = 0;
        byTerm = undefined;
      }
      if (!byTerm) {
        byTerm = new Map();
        this.merged.set(key, byTerm);
      }
      byTerm.set(termId, merged);
      this.cachedPostings += merged.docs.length;
    }
    return merged;
  }

  score(terms: readonly WeightedTerm[], params: Bm25fParams): DocScores {
    const scores = this.scores;
    for (let i = 0; i < this.hitCount; i++) scores[this.hits[i]] = 0;
    if (this.hits.length < this.index.documentCount) this.hits = new Uint32Array(this.index.documentCount);
    const hits = this.hits;
    let hitCount = 0;
    const k1 = params.k1;
    for (const { termId, weight } of terms) {
      const idf = this.index.idf(termId) * weight;
      if (idf <= 0) continue;
      const { docs, tf } = this.postingsFor(termId, params);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        const s = tf[i];
        if (scores[d] === 0) hits[hitCount++] = d;
        scores[d] += (idf * s) / (k1 + s);
      }
    }
    this.hitCount = hitCount;
    return { scores, docs: hits.subarray(0, hitCount) };
  }

  /** Per-term, per-field breakdown of one document's score (same formula as `score`). */
  explain(doc: number, terms: readonly WeightedTerm[], params: Bm25fParams): TermFieldShare[] {
    const out: TermFieldShare[] = [];
    for (const { termId, weight } of terms) {
      const parts = params.fields.map((field, f) => {
        if (field.weight <= 0) return 0;
        const tf = this.index.termFrequency(f, termId, doc);
        return tf > 0 ? field.weight * tf * this.inverseNorms(f, field.b)[doc] : 0;
      });
      const s = parts.reduce((a, b) => a + b, 0);
      if (s <= 0) continue;
      const score = (this.index.idf(termId) * weight * s) / (params.k1 + s);
      out.push({ termId, score, fieldScores: parts.map((p) => (score * p) / s) });
    }
    return out;
  }
}
