import { IndexField } from '../index/corpus';

/**
 * Every tunable of the ranking in one place. The defaults were fitted on held-out repository
 * histories with `sightline eval` (docs/matching.md records how); override them only to experiment.
 */
export interface FieldWeight {
  weight: number;
  /** BM25 length normalisation for the field (0 = none, 1 = full). */
  b: number;
}

export interface MatchWeights {
  k1: number;
  fields: Record<IndexField, FieldWeight>;
  /** Field-weighted BM25 over the file's own text and history, scaled to the best file. */
  text: number;
  /** BM25 over the files' source text, scaled to the best file (when the corpus has it). */
  content: number;
  /** Past tickets with similar titles, spread over the files they changed. */
  similar: number;
  /** How many of the most similar past tickets vote. */
  similarTickets: number;
  /** A past ticket's vote is divided by (files it changed)^this: broad changes say less per file. */
  similarSpread: number;
  /** Exact mentions of a file, symbol or stack frame. */
  mention: number;
  /**
   * Strength of a name the ticket writes as code that no file declares, credited to the few files
   * whose source text uses it (a share of a declared symbol's strength).
   */
  usedName: number;
  /** File or symbol names written as plain words. */
  nameMatch: number;
  /** Component/label path rules of the project mapping. */
  pathRule: number;
  changeFrequency: number;
  recency: number;
  recencyHalfLifeDays: number;
  size: number;
  /** Past bug fixes, used for bug-like tickets only. */
  bugFix: number;
  /** "Right"/"wrong" feedback on this or similar tickets. */
  feedback: number;
  /** Area score = best file + this × second + this² × third … */
  areaDecay: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  k1: 1.2,
  fields: {
    name: { weight: 1, b: 0.3 },
    directories: { weight: 1, b: 0.75 },
    symbols: { weight: 2.25, b: 0 },
    comments: { weight: 1, b: 0.75 },
    commits: { weight: 1.33, b: 0.5 },
    tickets: { weight: 0.5, b: 0.25 },
  },
  text: 1,
  content: 0.5,
  similar: 0.6,
  similarTickets: 30,
  similarSpread: 0.5,
  mention: 1,
  usedName: 0.5,
  nameMatch: 1.5,
  pathRule: 0.5,
  changeFrequency: 0.1,
  recency: 0.25,
  recencyHalfLifeDays: 180,
  size: 0.1,
  bugFix: 0.05,
  feedback: 1,
  areaDecay: 0.5,
};

export type WeightOverrides = Partial<Omit<MatchWeights, 'fields'>> & {
  fields?: Partial<Record<IndexField, Partial<FieldWeight>>>;
};

export function resolveWeights(overrides: WeightOverrides | undefined): MatchWeights {
  if (!overrides) return DEFAULT_WEIGHTS;
  const fields = { ...DEFAULT_WEIGHTS.fields };
  for (const [name, value] of Object.entries(overrides.fields ?? {}) as [
    IndexField,
    Partial<FieldWeight>,
  ][]) {
    fields[name] = { ...fields[name], ...value };
  }
  return { ...DEFAULT_WEIGHTS, ...overrides, fields };
}
