/**
 * Confidence of a ranking as a whole: a logistic model over the features that separated right from
 * wrong rankings in evaluation (how strong the best file is, how far it leads, whether an exact
 * mention or similar past tickets back it, how much of the ticket's vocabulary the repository
 * knows). The coefficients were fitted on held-out evaluation queries; docs/matching.md shows the
 * calibration table.
 */
/** Confidence estimates the chance that a changed file is among this many top-ranked files. */
export const CONFIDENCE_HIT_RANK = 3;

export interface ConfidenceFeatures {
  /** Best file's score in [0, 1]. */
  topScore: number;
  /** (best − second) / best. */
  margin: number;
  mention: boolean;
  similar: boolean;
  /** Share of the query's idf mass found in the index. */
  coverage: number;
  /** Best file's BM25F score per unit of query idf mass, capped at 1: how fully it covers the ticket's words. */
  textMatch: number;
  /** Distinct ticket terms the index knows. */
  queryTerms: number;
}

export const CONFIDENCE_COEFFICIENTS = {
  intercept: -2.0,
  topScore: 3.0,
  margin: 1.5,
  mention: 1.0,
  similar: 0.5,
  coverage: 1.0,
};

export function rankingConfidence(f: ConfidenceFeatures): number {
  const c = CONFIDENCE_COEFFICIENTS;
  const z =
    c.intercept +
    c.topScore * f.topScore +
    c.margin * f.margin +
    c.mention * Number(f.mention) +
    c.similar * Number(f.similar) +
    c.coverage * f.coverage;
  return 1 / (1 + Math.exp(-z));
}
