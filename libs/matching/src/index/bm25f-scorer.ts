import { InvertedIndex } from './inverted-index';

/**
 * BM25F (Robertson, Zaragoza & Taylor 2004): per-field term frequencies are length-normalised and
 * weighted *before* the saturation, so a term found in both a file's name and its comments counts
 * as more evidence without counting twice. The result keeps every document with a positive score.
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
  /** Dense, indexed by document id. */
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

export class Bm25fScorer {
  private readonly normCache = new Map<string, Float32Array>();
  private readonly accumulator: Float64Array;
  private readonly termTouched: Uint32Array;

  constructor(readonly index: InvertedIndex) {
    this.accumulator = new Float64Array(index.documentCount);
    this.termTouched = new Uint32Array(index.documentCount);
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

  score(terms: readonly WeightedTerm[], params: Bm25fParams): DocScores {
    const n = this.index.documentCount;
    const scores = new Float64Array(n);
    const hit: number[] = [];
    const acc = this.accumulator;
    const touched = this.termTouched;
    const norms = params.fields.map((f, i) => (f.weight > 0 ? this.inverseNorms(i, f.b) : undefined));
    for (const { termId, weight } of terms) {
      const idf = this.index.idf(termId) * weight;
      if (idf <= 0) continue;
      let touchedCount = 0;
      for (let f = 0; f < params.fields.length; f++) {
        const fieldNorms = norms[f];
        if (!fieldNorms) continue;
        const w = params.fields[f].weight;
        const postings = this.index.fields[f];
        const end = postings.offsets[termId + 1];
        for (let i = postings.offsets[termId]; i < end; i++) {
          const d = postings.docs[i];
          if (acc[d] === 0) touched[touchedCount++] = d;
          acc[d] += w * postings.tfs[i] * fieldNorms[d];
        }
      }
      for (let i = 0; i < touchedCount; i++) {
        const d = touched[i];
        const s = acc[d];
        acc[d] = 0;
        if (scores[d] === 0) hit.push(d);
        scores[d] += (idf * s) / (params.k1 + s);
      }
    }
    return { scores, docs: Uint32Array.from(hit) };
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
