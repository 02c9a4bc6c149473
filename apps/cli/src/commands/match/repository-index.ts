import {
  collectRepositoryCorpus,
  type AnalysisCache,
  type AnalysisProgress,
  type CorpusResult,
} from '@sightline/analysis';
import { buildMatchIndex, matchCorpusFromAnalysis, type MatchIndex } from '@sightline/matching';
import { asCliError } from '../../cli-error';

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface RepositoryIndex extends CorpusResult {
  index: MatchIndex;
  /** Analysis plus index build, in milliseconds. */
  millis: number;
}

/** One status line on a terminal's stderr, redrawn in place; silent when stderr is not a terminal. */
function progressLine(io: CommandIo, label: string): { update(p: AnalysisProgress): void; clear(): void } {
  let drawn = false;
  return {
    update(p) {
      if (!io.stderr.isTTY) return;
      io.stderr.write(`\r\x1b[2K${label}: ${p.phase} ${p.done}/${p.total}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * Analyses the repository at `rev` (tree and history up to it) and indexes its corpus, reusing
 * what `previous.cache`, an earlier analysis of the clone, already read. `sameRun`: it was made
 * in this run (an evaluation), so even its commits without line counts are taken as they are;
 * a `--cache` file's are read again, since the clone may have been repaired since.
 */
export async function buildRepositoryIndex(
  path: string,
  rev: string,
  io: CommandIo,
  previous: { cache?: AnalysisCache; sameRun: boolean } = { sameRun: false },
): Promise<RepositoryIndex> {
  const started = Date.now();
  const progress = progressLine(io, `indexing ${rev}`);
  let result: CorpusResult;
  try {
    result = await collectRepositoryCorpus(path, { rev }, (p) => progress.update(p), {
      previous: previous.cache,
      trustUncounted: previous.sameRun,
    });
  } catch (error) {
    throw asCliError(error);
  } finally {
    progress.clear();
  }
  for (const warning of result.snapshot.warnings) io.stderr.write(`sightline: warning: ${warning}\n`);
  const index = buildMatchIndex(matchCorpusFromAnalysis(result.corpus, result.snapshot));
  return { ...result, index, millis: Date.now() - started };
}
