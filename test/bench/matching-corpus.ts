// Deterministic synthetic corpora for the matching benchmark: repositories of any size with the
// shape of real ones (nested folders, camel-case names, Zipf-distributed vocabulary, per-file
// commit subjects, past tickets). Real repositories can be benchmarked too; these make the 50k-file
// case reproducible without fetching one.
import type { FileDocument, MatchCorpus, PastTicket } from '@sightline/matching';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zo'.split(
    ' ',
  );
const SUFFIXES = ['', '', '', 'er', 'ing', 'ed', 's', 'tion', 'ment', 'able'];

export class Vocabulary {
  readonly words: string[] = [];
  private readonly cumulative: Float64Array;

  constructor(
    size: number,
    private readonly rand: () => number,
  ) {
    const seen = new Set<string>();
    while (this.words.length < size) {
      const syllables = 2 + Math.floor(rand() * 3);
      let w = '';
      for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
      w += SUFFIXES[Math.floor(rand() * SUFFIXES.length)];
      if (!seen.has(w)) {
        seen.add(w);
        this.words.push(w);
      }
    }
    // Zipf with s = 1.07, the usual fit for identifiers and prose.
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let i = 0; i < size; i++) this.cumulative[i] = total += 1 / Math.pow(i + 1, 1.07);
    for (let i = 0; i < size; i++) this.cumulative[i] /= total;
  }

  word(): string {
    const x = this.rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo];
  }

  sentence(n: number): string {
    return Array.from({ length: n }, () => this.word()).join(' ');
  }

  identifier(parts: number, pascal: boolean): string {
    return Array.from({ length: parts }, (_, i) => {
      const w = this.word();
      return i === 0 && !pascal ? w : w[0].toUpperCase() + w.slice(1);
    }).join('');
  }
}

const DAY = 86_400_000;

export function syntheticCorpus(fileCount: number, seed = 1): MatchCorpus {
  const rand = random(seed);
  const vocab = new Vocabulary(30_000, rand);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const directories = Array.from({ length: Math.max(8, Math.round(fileCount / 12)) }, () =>
    Array.from({ length: between(1, 4) }, () => vocab.word()).join('/'),
  );
  const now = Date.UTC(2025, 0, 1);
  const files: FileDocument[] = [];
  for (let i = 0; i < fileCount; i++) {
    const dir = directories[Math.floor(Math.pow(rand(), 1.5) * directories.length)];
    const revisions = Math.max(1, Math.round(Math.pow(rand(), 3) * 150));
    files.push({
      path: `src/${dir}/${vocab.identifier(between(1, 3), true)}${i}.ts`,
      symbols: Array.from({ length: between(3, 40) }, () => vocab.identifier(between(1, 3), rand() < 0.3)),
      comments: vocab.sentence(between(10, 300)),
      commitSubjects: Array.from({ length: Math.min(revisions, 200) }, () => vocab.sentence(between(4, 10))),
      loc: between(10, 1500),
      revisions,
      bugFixRevisions: Math.floor(revisions * rand() * 0.4),
      lastChangedAt: now - Math.floor(rand() * 1500) * DAY,
    });
  }
  const pastTickets: PastTicket[] = Array.from({ length: Math.round(fileCount * 0.6) }, (_, i) => ({
    key: rand() < 0.5 ? `PRJ-${i + 1}` : undefined,
    title: vocab.sentence(between(4, 10)),
    files: Array.from({ length: between(1, 6) }, () => files[Math.floor(rand() * fileCount)].path),
  }));
  return { files, pastTickets, asOf: now };
}

/** Ticket titles in the corpus's vocabulary; every fourth names a symbol, as real tickets often do. */
export function syntheticQueries(corpus: MatchCorpus, count: number, corpusSeed = 1): string[] {
  const rand = random(corpusSeed + 1000);
  // The same seed rebuilds the corpus's word list; later draws differ, as they should.
  const vocab = new Vocabulary(30_000, random(corpusSeed));
  return Array.from({ length: count }, (_, i) => {
    const words = vocab.sentence(5 + Math.floor(rand() * 8));
    if (i % 4 !== 0) return words;
    const file = corpus.files[Math.floor(rand() * corpus.files.length)];
    const symbols = file.symbols ?? [];
    return symbols.length ? `${words} in ${symbols[Math.floor(rand() * symbols.length)]}` : words;
  });
}
