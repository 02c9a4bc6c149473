import { MatchIndex } from '../index/match-index';
import { MEMBER_SEPARATOR } from '../text/mentions';
import { StackFrame } from '../text/stack-traces';

// Paths a ticket writes — in its text or in stack-trace frames, often from another machine
// (`/srv/venv/lib/python3.11/site-packages/flask/sessions.py`) — resolved to this repository's files.

function segments(path: string): string[] {
  return path
    .toLowerCase()
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..');
}

function trailingMatch(mention: readonly string[], path: readonly string[]): number {
  let n = 0;
  while (
    n < mention.length &&
    n < path.length &&
    mention[mention.length - 1 - n] === path[path.length - 1 - n]
  )
    n++;
  return n;
}

/**
 * What a compiled file was written as: a published TypeScript package's frames name `.js` files
 * (`node_modules/typeorm/repository/Repository.js` is this repository's `src/repository/Repository.ts`).
 */
const SOURCE_OF_COMPILED: Readonly<Record<string, readonly string[]>> = {
  js: ['ts', 'tsx'],
  jsx: ['tsx'],
  mjs: ['mts', 'ts'],
  cjs: ['cts', 'ts'],
};

function withExtension(name: string, extension: string): string {
  return `${name.slice(0, name.lastIndexOf('.'))}.${extension}`;
}

/**
 * Files a written path refers to: the ones sharing the longest run of trailing path segments, under
 * the name written or, when no file has it, under the name of the source it was compiled from.
 */
export function resolveFile(index: MatchIndex, mention: string): readonly number[] {
  const parts = segments(mention);
  const name = parts[parts.length - 1];
  if (name === undefined) return [];
  const extension = name.slice(name.lastIndexOf('.') + 1);
  for (const written of [name, ...(SOURCE_OF_COMPILED[extension] ?? []).map((e) => withExtension(name, e))]) {
    const candidates = index.nameDocs.get(written) ?? [];
    if (candidates.length === 0) continue;
    const asWritten = [...parts.slice(0, -1), written];
    let best = 0;
    let kept: number[] = [];
    for (const doc of candidates) {
      const m = trailingMatch(asWritten, segments(index.paths[doc]));
      if (m > best) {
        best = m;
        kept = [doc];
      } else if (m === best) kept.push(doc);
    }
    return kept;
  }
  return [];
}

// Folders a deployment or build may drop from a repository path (`/app/invoice.py` for `src/invoice.py`).
const SOURCE_ROOTS = new Set(['src', 'lib', 'source', 'app']);

/**
 * The files a stack frame's path is, where the frame says which folder its file is in: a match on
 * the file name alone, under another folder (`site-packages/requests/sessions.py` against this
 * repository's `flask/sessions.py`), is a different file of the same name.
 */
export function resolveFrameFile(index: MatchIndex, framePath: string): readonly number[] {
  const parts = segments(framePath);
  const docs = resolveFile(index, framePath);
  if (parts.length < 2 || docs.length === 0) return docs;
  const path = segments(index.paths[docs[0]]);
  const folders = parts.slice(0, -1);
  if (trailingMatch(folders, path.slice(0, -1)) > 0 || path.length < 2) return docs;
  return SOURCE_ROOTS.has(path[path.length - 2]) ? docs : [];
}

/** The function and file names of the frames that are this repository's code, as words. */
export function ownFrameWords(index: MatchIndex, frames: readonly StackFrame[]): string {
  return frames
    .filter((frame) => frame.file && resolveFrameFile(index, frame.file).length > 0)
    .map((frame) => {
      // The extension is no word of the ticket's: "json.go" says "json", not "go".
      const name = frame.file!.slice(frame.file!.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
      const member = frame.symbol?.split(MEMBER_SEPARATOR).slice(-2).join('.') ?? '';
      return `${member} ${name}`.trim();
    })
    .join('\n');
}
