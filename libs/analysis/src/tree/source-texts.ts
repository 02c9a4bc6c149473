import { isMinified } from './blob-facts';
import { readBlobs, type TreeEntry } from './tree-reader';

export interface SourceText {
  path: string;
  content: string;
}

/**
 * The text of the given tree entries, read with the analysis's blob reader (one `git cat-file`);
 * files over `maxBytes`, minified bundles and files the clone lacks are left out, as the analysis
 * leaves them out.
 */
export async function readSourceTexts(
  cwd: string,
  entries: readonly TreeEntry[],
  maxBytes: number,
  signal?: AbortSignal,
): Promise<SourceText[]> {
  const read = entries.filter((entry) => !entry.missing && entry.size <= maxBytes);
  const texts = read.map((entry) => ({ path: entry.path, content: '' }));
  await readBlobs(
    cwd,
    read.map((entry) => entry.oid),
    (index, content) => {
      texts[index].content = content.toString('utf8');
    },
    signal,
  );
  return texts.filter((text) => !isMinified(text.path, text.content));
}
