import { listTree, readSourceTexts, type SourceText } from '@sightline/analysis';
import { CliError, EXIT_FAILURE } from '../../cli-error';

/**
 * File contents at a revision, for the content-BM25 baselines of `sightline eval`: every file of
 * the tree that `keep` accepts (eval keeps the files Sightline indexes), files over `maxBytes`,
 * minified bundles and files the clone lacks left out.
 */
export async function readTreeContents(
  cwd: string,
  rev: string,
  keep: (path: string) => boolean,
  maxBytes: number,
): Promise<SourceText[]> {
  try {
    const entries = (await listTree(cwd, rev)).filter((e) => keep(e.path));
    return await readSourceTexts(cwd, entries, maxBytes);
  } catch (error) {
    // git failing here (a damaged clone) is a failure while working, reported with git's message.
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT_FAILURE);
  }
}
