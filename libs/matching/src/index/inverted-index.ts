import { GrowableUint32 } from './growable';

/**
 * Multi-field inverted index with postings in compressed-sparse-row form per field: for term t in
 * field f, documents `docs[offsets[t] .. offsets[t+1])` ascending, with term frequencies alongside.
 * Typed arrays keep a 50k-file index compact and scoring loops free of allocation.
 */
export interface FieldPostings {
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  lengths: Float32Array;
  averageLength: number;
}

export class InvertedIndex {
  constructor(
    private readonly terms: ReadonlyMap<string, number>,
    readonly fields: readonly FieldPostings[],
    /** Documents holding the term in any field. */
    readonly documentFrequency: Uint32Array,
    readonly documentCount: number,
  ) {}

  get termCount(): number {
    return this.terms.size;
  }

  termId(term: string): number | undefined {
    return this.terms.get(term);
  }

  /** Frequency of `termId` in `field` of `doc` (binary search; for explanations, not scoring). */
  termFrequency(field: number, termId: number, doc: number): number {
    const postings = this.fields[field];
    let lo = postings.offsets[termId];
    let hi = postings.offsets[termId + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = postings.docs[mid];
      if (d === doc) return postings.tfs[mid];
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Inverse document frequency as in BM25 (Robertson–Spärck Jones, never negative). */
  idf(termId: number): number {
    const df = this.documentFrequency[termId];
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }
}

const MAX_TF = 0xffff;

export class InvertedIndexBuilder {
  private readonly terms = new Map<string, number>();
  private readonly termIds: GrowableUint32[];
  private readonly docs: GrowableUint32[];
  private readonly tfs: GrowableUint32[];
  private readonly lengths: GrowableUint32[];
  private documentCount = 0;
  private readonly counts = new Map<number, number>();

  constructor(readonly fieldCount: number) {
    this.termIds = Array.from({ length: fieldCount }, () => new GrowableUint32());
    this.docs = Array.from({ length: fieldCount }, () => new GrowableUint32());
    this.tfs = Array.from({ length: fieldCount }, () => new GrowableUint32());
    this.lengths = Array.from({ length: fieldCount }, () => new GrowableUint32());
  }

  private intern(term: string): number {
    let id = this.terms.get(term);
    if (id === undefined) {
      id = this.terms.size;
      this.terms.set(term, id);
    }
    return id;
  }

  /** Adds one document given its terms per field; returns its id (ids are dense, in order). */
  add(fieldTerms: ReadonlyArray<readonly string[] | undefined>): number {
    const doc = this.documentCount++;
    for (let f = 0; f < this.fieldCount; f++) {
      const terms = fieldTerms[f] ?? [];
      this.lengths[f].push(terms.length);
      if (terms.length === 0) continue;
      this.counts.clear();
      for (const term of terms) {
        const id = this.intern(term);
        this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      }
      for (const [id, tf] of this.counts) {
        this.termIds[f].push(id);
        this.docs[f].push(doc);
        this.tfs[f].push(Math.min(tf, MAX_TF));
      }
    }
    return doc;
  }

  build(): InvertedIndex {
    const termCount = this.terms.size;
    const fields: FieldPostings[] = [];
    for (let f = 0; f < this.fieldCount; f++) fields.push(this.buildField(f, termCount));
    return new InvertedIndex(
      this.terms,
      fields,
      this.documentFrequencies(fields, termCount),
      this.documentCount,
    );
  }

  /** Counting sort by term id; documents were added in order, so each posting list is ascending. */
  private buildField(f: number, termCount: number): FieldPostings {
    const termIds = this.termIds[f];
    const n = termIds.length;
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < n; i++) offsets[termIds.get(i) + 1]++;
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
    const cursor = offsets.slice(0, termCount);
    const docs = new Uint32Array(n);
    const tfs = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const at = cursor[termIds.get(i)]++;
      docs[at] = this.docs[f].get(i);
      tfs[at] = this.tfs[f].get(i);
    }
    const lengths = new Float32Array(this.documentCount);
    let total = 0;
    for (let d = 0; d < this.documentCount; d++) {
      lengths[d] = this.lengths[f].get(d);
      total += lengths[d];
    }
    const averageLength = this.documentCount > 0 ? total / this.documentCount : 0;
    return { offsets, docs, tfs, lengths, averageLength };
  }

  private documentFrequencies(fields: readonly FieldPostings[], termCount: number): Uint32Array {
    const df = new Uint32Array(termCount);
    if (fields.length === 1) {
      for (let t = 0; t < termCount; t++) df[t] = fields[0].offsets[t + 1] - fields[0].offsets[t];
      return df;
    }
    const seen = new Int32Array(this.documentCount).fill(-1);
    for (let t = 0; t < termCount; t++) {
      let count = 0;
      for (const postings of fields) {
        for (let i = postings.offsets[t]; i < postings.offsets[t + 1]; i++) {
          const d = postings.docs[i];
          if (seen[d] !== t) {
            seen[d] = t;
            count++;
          }
        }
      }
      df[t] = count;
    }
    return df;
  }
}
