import type { AnalysisOptionsInput } from '../analysis-options';
import { AnalyseExtras, analyseRepository, AnalysisResult } from '../snapshot/analyse-repository';
import type { ProgressListener } from '../snapshot/analysis-progress';
import type { RepositoryCorpus } from './corpus-builder';

export interface CorpusResult extends AnalysisResult {
  corpus: RepositoryCorpus;
}

/**
 * One analysis that also returns the text the matcher indexes per file: symbols, comments, the
 * subjects of the commits that changed it and the tickets they named. The snapshot and cache
 * come along, so a caller that needs both runs the analysis once.
 */
export async function collectRepositoryCorpus(
  path: string,
  options: AnalysisOptionsInput = {},
  onProgress?: ProgressListener,
  extras: Pick<AnalyseExtras, 'previous' | 'trustUncounted'> = {},
): Promise<CorpusResult> {
  const result = await analyseRepository(path, options, onProgress, { ...extras, corpus: true });
  if (!result.corpus) throw new Error('the analysis did not collect the corpus it was asked for');
  return { ...result, corpus: result.corpus };
}
