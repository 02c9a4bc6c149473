import { GitCommandError } from '../analysis-error';
import { GitStream, streamGit } from '../git/git-process';
import { CommitRecord, InternTable } from './commit-record';
import { readCommitWithoutLines } from './commit-without-lines';
import { LOG_FORMAT, LogParser } from './log-parser';
import { MessageFacts } from './message-facts';

export interface CommitList {
  /** Non-merge commits reachable from the head, newest first in topological order (children before parents). */
  hashes: string[];
  times: number[];
}

/**
 * Lists the non-merge commits reachable from `head` (never `--all`) with their committer times.
 * The window is applied here, by time, rather than by `--since`: git's `--since` with
 * `--topo-order` also drops commits whose children are older, which no caller could reproduce.
 */
export async function listCommits(
  cwd: string,
  head: string,
  since: number | undefined,
  signal?: AbortSignal,
): Promise<CommitList> {
  const hashes: string[] = [];
  const times: number[] = [];
  let carry = '';
  const stream = streamGit(
    cwd,
    ['rev-list', '--topo-order', '--no-merges', '--timestamp', head, '--'],
    (chunk) => {
      const lines = (carry + chunk.toString('latin1')).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        const space = line.indexOf(' ');
        const time = Number(line.slice(0, space));
        if (since !== undefined && time < since) continue;
        times.push(time);
        hashes.push(line.slice(space + 1));
      }
    },
    signal,
  );
  stream.end();
  await stream.done;
  return { hashes, times };
}

export interface ReadCommitsOptions {
  renames: boolean;
  /** Number of `git log` processes to run side by side. */
  processes: number;
  paths: InternTable;
  identities: InternTable;
  messages: MessageFacts;
  onCommit?: () => void;
  signal?: AbortSignal;
  /**
   * Commits in the whole history the records join (default: those read). A run that reuses cached
   * records reads the commits without line counts again, so the allowance is a share of the whole.
   */
  historyLength?: number;
}

/**
 * Commits are dealt to the processes in blocks of neighbours: neighbouring commits share blobs,
 * which git's delta cache rewards (measured on git/git: 1-commit blocks cost 20% more CPU than
 * blocks of thousands). Eight blocks per process keep the expensive recent history shared evenly.
 */
const MIN_BLOCK = 32;
const MAX_BLOCK = 4096;
const BLOCKS_PER_PROCESS = 8;

// Commits whose diff needs a missing file version (a blob-filtered or damaged clone) are read
// without line counts; beyond this many the clone lacks too much for churn to mean anything.
const MIN_UNCOUNTED_ALLOWED = 50;
const MAX_UNCOUNTED_SHARE = 0.02;

const isMissingObjects = (error: unknown) => error instanceof GitCommandError && error.missingObjects;

/**
 * Reads the given commits with `git log --no-walk --stdin --numstat`, split over several git
 * processes (git's diff work is single-threaded and dominates the cost). Blocks of neighbouring
 * commits are dealt round-robin so that the expensive recent history is shared evenly.
 * A commit git cannot diff because a file version is missing is read without line counts
 * (`linesUnknown`), up to 2% of the history; more fails with the repair hint.
 * Returns the records in the order of `hashes`.
 */
export async function readCommits(
  cwd: string,
  hashes: readonly string[],
  options: ReadCommitsOptions,
): Promise<CommitRecord[]> {
  const records: CommitRecord[] = new Array<CommitRecord>(hashes.length);
  if (hashes.length === 0) return records;
  const processes = Math.max(1, Math.min(options.processes, Math.ceil(hashes.length / (MIN_BLOCK * 4))));
  const block = Math.max(
    MIN_BLOCK,
    Math.min(MAX_BLOCK, Math.floor(hashes.length / (processes * BLOCKS_PER_PROCESS))),
  );
  const parts: number[][] = Array.from({ length: processes }, () => []);
  for (let i = 0; i < hashes.length; i++) parts[Math.floor(i / block) % processes].push(i);

  const args = [
    'log',
    '--no-walk=unsorted',
    '--stdin',
    '-z',
    '--numstat',
    '--no-textconv',
    '--no-ext-diff',
    options.renames ? '-M' : '--no-renames',
    LOG_FORMAT,
  ];
  const streams = new Set<GitStream>();
  /** One git process over `indices`: how many records arrived before it ended, and why it failed. */
  const readRun = async (indices: readonly number[]): Promise<{ read: number; error?: unknown }> => {
    let read = 0;
    const parser = new LogParser(options.paths, options.identities, options.messages, (record) => {
      const index = indices[read++];
      if (index === undefined || hashes[index] !== record.hash) {
        throw new Error(`git log returned commit ${record.hash} out of the requested order`);
      }
      records[index] = record;
      options.onCommit?.();
    });
    const stream = streamGit(cwd, args, (chunk) => parser.push(chunk), options.signal);
    streams.add(stream);
    stream.write(indices.map((i) => hashes[i]).join('\n') + '\n');
    stream.end();
    try {
      await stream.done;
    } catch (error) {
      return { read, error };
    } finally {
      streams.delete(stream);
    }
    parser.end();
    if (read !== indices.length) throw new Error(`git log returned ${read} of ${indices.length} commits`);
    return { read };
  };

  let uncounted = 0;
  const historyLength = Math.max(hashes.length, options.historyLength ?? 0);
  const allowed = Math.max(MIN_UNCOUNTED_ALLOWED, Math.ceil(historyLength * MAX_UNCOUNTED_SHARE));
  let stopped = false;
  const readPart = async (indices: readonly number[]): Promise<void> => {
    let rest = indices;
    while (rest.length > 0 && !stopped) {
      const { read, error } = await readRun(rest);
      if (error === undefined) return;
      const failed = rest[read];
      if (!isMissingObjects(error) || failed === undefined) throw error;
      // git stopped in the commit after the last one it finished. Read alone, it either diffs (the
      // missing version belonged to a later commit) or it is the one that needs it.
      const alone = await readRun([failed]);
      if (alone.error !== undefined) {
        if (!isMissingObjects(alone.error) || ++uncounted > allowed) throw alone.error;
        records[failed] = await readCommitWithoutLines(cwd, hashes[failed], options);
        options.onCommit?.();
      }
      rest = rest.slice(read + 1);
    }
  };
  const runs = parts.map(readPart);
  try {
    await Promise.all(runs);
  } catch (error) {
    // One failed reader makes the others' work useless: stop them rather than wait for them.
    stopped = true;
    for (const stream of streams) stream.kill();
    await Promise.allSettled(runs);
    throw error;
  }
  return records;
}
