import {
  AnalysisInputError,
  GitCommandError,
  collectRepositoryCorpus,
  isMatchablePath,
  type AnalysisCache,
  type AnalysisProgress,
  type CorpusResult,
} from '@sightline/analysis';
import { buildMatchIndex, matchCorpusFromAnalysis, type MatchIndex } from '@sightline/matching';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from '../../cli-error';
import { readTreeContents } from './tree-contents';

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface RepositoryIndex extends CorpusResult {
  index: MatchIndex;
  /** Source text of the indexed files. */
  contents: { path: string; content: string }[];
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

// Files above this are skipped by the analysis too.
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Analyses the repository at `rev` (tree and history up to it), reads the source text of the
 * files the matcher ranks, and indexes both.
 */
export async function buildRepositoryIndex(
  path: string,
  rev: string,
  io: CommandIo,
  previous?: AnalysisCache,
): Promise<RepositoryIndex> {
  const started = Date.now();
  const progress = progressLine(io, `indexing ${rev}`);
  let result: CorpusResult;
  try {
    result = await collectRepositoryCorpus(path, { rev }, (p) => progress.update(p), previous);
  } catch (error) {
    if (error instanceof AnalysisInputError) throw new CliError(error.message, EXIT_USAGE);
    if (error instanceof GitCommandError) throw new CliError(error.message, EXIT_FAILURE);
    throw error;
  } finally {
    progress.clear();
  }
  for (const warning of result.snapshot.warnings) io.stderr.write(`sightline: warning: ${warning}\n`);
  const contents = await readTreeContents(
    path,
    result.snapshot.repository.head,
    isMatchablePath,
    MAX_FILE_BYTES,
  );
  const byPath = new Map(contents.map((c) => [c.path, c.content]));
  const index = buildMatchIndex(
    matchCorpusFromAnalysis(result.corpus, result.snapshot, { contents: byPath }),
  );
  return { ...result, index, contents, millis: Date.now() - started };
}
