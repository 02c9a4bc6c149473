/**
 * Confidence of a ranking as a whole: the estimated probability that a file the ticket will
 * change is among the top CONFIDENCE_HIT_RANK files. A logistic model over what separated right
 * from wrong rankings in evaluation: how strong the best file is and how far it leads, whether an
 * exact mention or similar past tickets back it, how fully it covers the ticket's words, and how
 * many words the ticket gives. Fitted on the evaluation queries of nine repositories, then
 * rescaled (CONFIDENCE_RECALIBRATION) on twenty-two more, because code the weights never saw
 * matches less well than those nine, and raised for small indexes (SMALL_INDEX), where the few
 * files a code ticket can touch are found more often than the ranking's own strength says
 * (docs/matching.md has the calibration tables); `sightline eval` prints the same table for any
 * repository.
 */
export const CONFIDENCE_HIT_RANK = 3;

export interface ConfidenceFeatures {
  /** Best file's score in [0, 1]. */
  topScore: number;
  /** (best − second) / best. */
  margin: number;
  mention: boolean;
  similar: boolean;
  /** Best file's BM25F score per unit of query idf mass, capped at 1: how fully it covers the ticket's words. */
  textMatch: number;
  /** Distinct title terms the index knows (all the ticket's when the title gives none). */
  queryTerms: number;
  /** Share of the most similar past work that changed no ranked file (similar-tickets.ts). */
  otherWork: number;
  /** Files in the index the ticket was ranked on. */
  indexedFiles: number;
}

export const CONFIDENCE_COEFFICIENTS = {
  intercept: -3.861,
  topScore: 0.708,
  margin: 1.558,
  mention: 0.651,
  similar: 0.418,
  textMatch: 1.842,
  /** Applied to ln(1 + min(terms, 12)): the model was fitted on titles, so longer texts earn no more. */
  queryTerms: 1.678,
  /** Applied to (otherWork − OTHER_WORK_CENTRE); see OTHER_WORK_CENTRE. */
  otherWork: -1.8,
};

/**
 * Tickets that change no source file — documentation, CI, dependency bumps — have no right file
 * to find, yet their words still name code (mean confidence 0.44 on ten repositories' histories).
 * What their most similar past work changed tells them apart (AUC 0.76–0.99 per repository). The
 * coefficient was fitted beside a free intercept on those tickets and the code tickets (one in ten
 * of the weight non-code; −1.5 to −2.0 leaving each repository out); the share is centred on its
 * mean over code tickets, so the code tickets the rest of the model was calibrated on keep their
 * calibration (mean confidence 0.674 → 0.663) while the others fall (0.44 → 0.31).
 * docs/matching.md has the figures.
 */
export const OTHER_WORK_CENTRE = 0.17;

/**
 * Platt rescale of the model's log-odds (`slope · z + shift`), fitted on the evaluation queries
 * of twenty-two repositories, each weighted equally. Checked leaving each repository out in turn:
 * on seventeen never tuned on, calibration error 0.167 → 0.136 and log loss 0.582 → 0.545.
 */
export const CONFIDENCE_RECALIBRATION = { slope: 0.982, shift: -0.644 };

/**
 * In an index of a few dozen files the top three are a large share of the code, and a weak
 * ranking still often holds the changed file: on 23 repositories' evaluation queries, indexes
 * under 100 files had a changed file in the top three for 73% of tickets against a mean
 * confidence of 0.61; larger ones 70% against 0.73. Below `files` indexed files the log-odds rise
 * by `coefficient · ln(files / n)`, scaled by the share of the most similar past work that changed
 * code (1 − otherWork): a ticket like documentation or CI work has no file to find however small
 * the index. At or above `files`, nothing changes. Fitted on those queries; leaving each
 * repository out, log loss 0.500 → 0.479 and calibration error 0.066 → 0.017, better on 12 and
 * worse on 2 (docs/matching.md, "Confidence: small indexes").
 */
export const SMALL_INDEX = { files: 100, coefficient: 0.97 };

const MAX_COUNTED_TERMS = 12;

export function rankingConfidence(f: ConfidenceFeatures): number {
  const c = CONFIDENCE_COEFFICIENTS;
  const z =
    c.intercept +
    c.topScore * f.topScore +
    c.margin * f.margin +
    c.mention * Number(f.mention) +
    c.similar * Number(f.similar) +
    c.textMatch * f.textMatch +
    c.queryTerms * Math.log1p(Math.min(MAX_COUNTED_TERMS, f.queryTerms)) +
    c.otherWork * (f.otherWork - OTHER_WORK_CENTRE);
  const codeShare = 1 - f.otherWork;
  const smallIndex = Math.max(0, Math.log(SMALL_INDEX.files / Math.max(1, f.indexedFiles))) * codeShare;
  const calibrated =
    CONFIDENCE_RECALIBRATION.slope * z +
    CONFIDENCE_RECALIBRATION.shift +
    SMALL_INDEX.coefficient * smallIndex;
  return 1 / (1 + Math.exp(-calibrated));
}
