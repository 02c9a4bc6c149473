import { GitCommandError } from '../analysis-error';
import { decodeBytes, gitOutput, streamGit } from '../git/git-process';

export interface TreeEntry {
  path: string;
  /** Blob id: the cache key for everything learnt from the content. */
  oid: string;
  size: number;
  /** The clone lacks the blob (a blob filter, or damage; `ls-tree` prints its size as BAD): size 0, content unknown. */
  missing?: true;
}

const TAB = 9;
/** Bytes of cat-file output held before git is made to wait. */
const MAX_QUEUED = 8 * 1024 * 1024;
const NUL = 0;

/**
 * The regular files of the committed tree at `head` (`git ls-tree -r -z --long`): not the work
 * tree, so bare repositories and dirty checkouts give the same answer. Symlinks and submodules
 * have no content of their own and are left out.
 */
export async function listTree(cwd: string, head: string): Promise<TreeEntry[]> {
  const out = await gitOutput(cwd, ['ls-tree', '-r', '-z', '--long', '--full-tree', head, '--']);
  const entries: TreeEntry[] = [];
  let start = 0;
  for (let nul = out.indexOf(NUL, start); nul !== -1; nul = out.indexOf(NUL, start)) {
    const tab = out.indexOf(TAB, start);
    const meta = out.subarray(start, tab).toString('latin1').split(/ +/);
    const path = decodeBytes(out.subarray(tab + 1, nul));
    start = nul + 1;
    const [mode, type, oid, size] = meta;
    if (type !== 'blob' || mode === '120000') continue;
    entries.push(size === 'BAD' ? { path, oid, size: 0, missing: true } : { path, oid, size: Number(size) });
  }
  return entries;
}

/**
 * Streams blob contents through one `git cat-file --batch` process. `onBlob` is called in the
 * order of `oids`; it may return a promise (the next blob waits for it), which lets a caller
 * yield to other I/O between files.
 */
export async function readBlobs(
  cwd: string,
  oids: readonly string[],
  onBlob: (index: number, content: Buffer) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  if (oids.length === 0) return;
  const queue: Buffer[] = [];
  let wake: (() => void) | undefined;
  let queued = 0;
  let paused = false;
  let ended = false;
  const stream = streamGit(
    cwd,
    ['cat-file', '--batch'],
    (chunk) => {
      queue.push(chunk);
      queued += chunk.length;
      if (queued > MAX_QUEUED && !paused) {
        paused = true;
        stream.pause();
      }
      wake?.();
    },
    signal,
  );
  stream.write(oids.join('\n') + '\n');
  stream.end();
  const finished = stream.done.finally(() => {
    ended = true;
    wake?.();
  });
  // Observed from the start: git stopped mid-read (the analysis aborted) rejects `finished` while
  // the loop below still waits for data, and an unobserved rejection would end the process.
  finished.catch(() => undefined);

  let buffer: Buffer = Buffer.alloc(0);
  const fill = async (needed: number): Promise<boolean> => {
    while (buffer.length < needed) {
      if (queue.length > 0) {
        buffer = buffer.length === 0 && queue.length === 1 ? queue[0] : Buffer.concat([buffer, ...queue]);
        queue.length = 0;
        queued = 0;
        if (paused) {
          paused = false;
          stream.resume();
        }
        continue;
      }
      if (ended) return false;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    return true;
  };

  try {
    for (let index = 0; index < oids.length; index++) {
      let newline = buffer.indexOf(10);
      while (newline === -1) {
        if (!(await fill(buffer.length + 1))) throw new Error('git cat-file ended early');
        newline = buffer.indexOf(10);
      }
      const header = buffer.subarray(0, newline).toString('latin1').split(' ');
      if (header[1] === 'missing' || header.length < 3)
        throw GitCommandError.missingObject(['cat-file', '--batch'], oids[index]);
      const size = Number(header[2]);
      if (!(await fill(newline + 1 + size + 1))) throw new Error('git cat-file ended early');
      const content = buffer.subarray(newline + 1, newline + 1 + size);
      buffer = buffer.subarray(newline + 1 + size + 1);
      await onBlob(index, content);
    }
  } catch (error) {
    // Stopped early (a missing object, a failed parse, the analysis aborted): end git too.
    stream.kill();
    await finished.catch(() => undefined);
    throw error;
  }
  await finished;
}
