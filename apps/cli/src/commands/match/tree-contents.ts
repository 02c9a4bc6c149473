import { isMinified, listTree, readBlobs } from '@sightline/analysis';
import { CliError, EXIT_FAILURE } from '../../cli-error';

/**
 * File contents at a revision, for the content-BM25 baseline of `sightline eval` (the analysis
 * keeps parsed facts, not text). The files are those the analysis lists — regular files, no
 * symbolic links — read with the analysis's own blob reader; files over `maxBytes` and minified
 * bundles are left out as the analysis leaves them out.
 */
export async function readTreeContents(
  cwd: string,
  rev: string,
  keep: (path: string) => boolean,
  maxBytes: number,
): Promise<{ path: string; content: string }[]> {
  try {
    const entries = (await listTree(cwd, rev)).filter((e) => e.size <= maxBytes && keep(e.path));
    const files = entries.map((entry) => ({ path: entry.path, content: '' }));
    await readBlobs(
      cwd,
      entries.map((entry) => entry.oid),
      (index, content) => {
        files[index].content = content.toString('utf8');
      },
    );
    return files.filter((file) => !isMinified(file.path, file.content));
  } catch (error) {
    // git failing here (a damaged clone) is a failure while working, reported with git's message.
    throw new CliError(error instanceof Error ? error.message : String(error), EXIT_FAILURE);
  }
}
