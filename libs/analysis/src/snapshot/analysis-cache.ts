import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnalysisOptions } from '../analysis-options';
import type { CommitRecord } from '../history/commit-record';
import { MESSAGE_RULES_VERSION } from '../history/message-facts';
import type { BlobFacts } from '../tree/blob-facts';

/**
 * Bump when the parsers or the record format change meaning: a cache from another version is
 * ignored (the run is then a full one), never misread.
 */
export const CACHE_FORMAT_VERSION = 16;

/**
 * What an incremental run reuses: the compact history records of every commit in the window
 * (keyed by hash, so any commit already read is never read again, force pushes included) and the
 * facts of every blob read before. Produced by `analyseRepository`, opaque to callers.
 */
export interface AnalysisCache {
  version: number;
  /** Options that shape the records; a cache made under other values is not reused. */
  historyKey: string;
  /** Start of the window the records cover (Unix seconds), or null for the whole history. */
  since: number | null;
  paths: string[];
  identities: string[];
  commits: CommitRecord[];
  blobs: Map<string, BlobFacts>;
}

/** The options that decide what a commit record holds. */
export function historyKey(options: AnalysisOptions): string {
  return JSON.stringify([
    MESSAGE_RULES_VERSION,
    options.renames,
    options.fixPattern,
    options.ticketPatterns,
    options.ticketIgnoredPrefixes,
  ]);
}

/** Whether `cache` holds every commit record that a run with these options and window needs. */
export function cacheCovers(
  cache: AnalysisCache | undefined,
  options: AnalysisOptions,
  since: number | null,
): cache is AnalysisCache {
  if (!cache || cache.version !== CACHE_FORMAT_VERSION || cache.historyKey !== historyKey(options))
    return false;
  if (cache.since === null) return true;
  return since !== null && since >= cache.since;
}

interface SerializedCache {
  version: number;
  historyKey: string;
  since: number | null;
  paths: string[];
  identities: string[];
  commits: [string, number, number, number[], boolean, string[], string, number[], true?][];
  blobs: [string, BlobFacts][];
}

/** A compact, portable form (gzip'd JSON) for storing the cache between runs. */
export function serializeAnalysisCache(cache: AnalysisCache): Buffer {
  const data: SerializedCache = {
    version: cache.version,
    historyKey: cache.historyKey,
    since: cache.since,
    paths: cache.paths,
    identities: cache.identities,
    commits: cache.commits.map((c) => {
      const record: SerializedCache['commits'][number] = [
        c.hash,
        c.time,
        c.author,
        c.coAuthors,
        c.fix,
        c.tickets,
        c.subject,
        Array.from(c.changes),
      ];
      if (c.linesUnknown) record.push(true);
      return record;
    }),
    blobs: [...cache.blobs],
  };
  return gzipSync(Buffer.from(JSON.stringify(data), 'utf8'));
}

/** Reads a serialized cache; anything unreadable or of another version yields undefined (a full run follows). */
export function deserializeAnalysisCache(bytes: Buffer): AnalysisCache | undefined {
  try {
    const data = JSON.parse(gunzipSync(bytes).toString('utf8')) as SerializedCache;
    if (data.version !== CACHE_FORMAT_VERSION) return undefined;
    return {
      version: data.version,
      historyKey: data.historyKey,
      since: data.since,
      paths: data.paths,
      identities: data.identities,
      commits: data.commits.map(
        ([hash, time, author, coAuthors, fix, tickets, subject, changes, linesUnknown]) => ({
          hash,
          time,
          author,
          coAuthors,
          fix,
          tickets,
          subject,
          changes: Int32Array.from(changes),
          ...(linesUnknown ? { linesUnknown } : {}),
        }),
      ),
      blobs: new Map(data.blobs),
    };
  } catch {
    return undefined;
  }
}
