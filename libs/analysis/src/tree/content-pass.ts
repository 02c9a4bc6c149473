import { decodeBytes } from '../git/git-process';
import { languageOf } from '../source/language-of';
import type { SourceFacts } from '../source/source-facts';
import { BlobFacts, factsFromText, isBinary, isMinified, unreadFacts } from './blob-facts';
import { readBlobs, TreeEntry } from './tree-reader';

/** The per-language parsers as the content pass sees them: synchronous in-process, or a worker pool. */
export interface SourceAnalyser {
  analyse(path: string, content: string): SourceFacts | undefined | Promise<SourceFacts | undefined>;
  /** Requests a pool can work on at once; 1 for an in-process parser. */
  readonly concurrency: number;
}

export interface SkippedFile {
  path: string;
  reason: 'binary' | 'minified' | 'too-large' | 'missing' | 'generated';
  size: number;
}

export interface ContentPassResult {
  /** Facts per cache key (see blobCacheKey) for every file that was read. */
  facts: Map<string, BlobFacts>;
  skipped: SkippedFile[];
  /** Lines of the blobs parsed in this run (cached ones excluded) and the time spent on them. */
  parsedLines: number;
  parsedBlobs: number;
  parseMillis: number;
}

/** The facts depend on the blob and on how its path is read (extension → language; manifest names). */
export function blobCacheKey(entry: TreeEntry): string {
  const slash = entry.path.lastIndexOf('/');
  const base = entry.path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return `${entry.oid}:${dot > 0 ? base.slice(dot + 1).toLowerCase() : ''}:${base.length <= 64 ? base : ''}`;
}

/** Time the main thread may work before letting `git log` output be drained. */
const SLICE_MS = 8;

/** A parser that throws must not end the analysis: the file is listed as a parse failure instead. */
function crashFacts(path: string, text: string, error: unknown): SourceFacts | undefined {
  const language = languageOf(path);
  if (!language) return undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    language,
    loc: 0,
    functions: [],
    imports: [],
    symbols: [],
    comments: '',
    parseError: `parser crashed: ${reason}`,
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/**
 * Reads and analyses the tree's files through one `git cat-file --batch`, reusing cached facts by
 * blob. Binary and over-size files are listed, not read as source. Runs alongside the history
 * reader on the same thread, so it yields regularly to keep git's pipes flowing.
 */
export async function runContentPass(
  cwd: string,
  entries: readonly TreeEntry[],
  options: {
    maxFileBytes: number;
    cache: ReadonlyMap<string, BlobFacts>;
    analyser: SourceAnalyser;
    onFile?: () => void;
    signal?: AbortSignal;
  },
): Promise<ContentPassResult> {
  const facts = new Map<string, BlobFacts>();
  const skipped: SkippedFile[] = [];
  const toRead: TreeEntry[] = [];
  const pendingKeys = new Set<string>();
  for (const entry of entries) {
    const key = blobCacheKey(entry);
    const cached = options.cache.get(key);
    if (entry.missing) {
      skipped.push({ path: entry.path, reason: 'missing', size: 0 });
      options.onFile?.();
    } else if (entry.size > options.maxFileBytes) {
      skipped.push({ path: entry.path, reason: 'too-large', size: entry.size });
      options.onFile?.();
    } else if (cached) {
      facts.set(key, cached);
      options.onFile?.();
    } else if (!pendingKeys.has(key)) {
      pendingKeys.add(key);
      toRead.push(entry);
    }
  }
  const result: ContentPassResult = { facts, skipped, parsedLines: 0, parsedBlobs: 0, parseMillis: 0 };
  const inFlight = new Set<Promise<void>>();
  let sliceStart = Date.now();

  await readBlobs(
    cwd,
    toRead.map((e) => e.oid),
    async (index, content) => {
      const entry = toRead[index];
      const key = blobCacheKey(entry);
      if (isBinary(content)) {
        facts.set(key, unreadFacts('binary'));
        options.onFile?.();
        return;
      }
      const text = decodeBytes(content);
      if (isMinified(entry.path, text)) {
        facts.set(key, unreadFacts('minified'));
        options.onFile?.();
        return;
      }
      const started = Date.now();
      const work = Promise.resolve()
        .then(() => options.analyser.analyse(entry.path, text))
        .catch((error: unknown): SourceFacts | undefined => crashFacts(entry.path, text, error))
        .then((source) => {
          if (source) {
            result.parsedLines += countLines(text);
            result.parsedBlobs++;
            result.parseMillis += Date.now() - started;
          }
          facts.set(key, factsFromText(entry.path, text, source));
          options.onFile?.();
        });
      const tracked = work.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= options.analyser.concurrency) await Promise.race(inFlight);
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    },
    options.signal,
  );
  await Promise.all(inFlight);
  for (const entry of entries) {
    const kind = facts.get(blobCacheKey(entry))?.kind;
    if (kind === 'binary' || kind === 'minified')
      skipped.push({ path: entry.path, reason: kind, size: entry.size });
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}
