import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnalysisInputError } from '../analysis-error';
import { gitOutput, runGit } from './git-process';

export interface RepositoryInfo {
  /** Absolute path of the work tree (or of the git directory for a bare repository). */
  path: string;
  bare: boolean;
  shallow: boolean;
  /** The analysed commit. */
  head: string;
  /** Committer time of the analysed commit, Unix seconds: every "recent" window ends here. */
  headTime: number;
}

/** Checks the path and revision and describes the repository; every bad input becomes an AnalysisInputError. */
export async function probeRepository(path: string, rev: string): Promise<RepositoryInfo> {
  const absolute = resolve(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    throw new AnalysisInputError('path-not-found', `${path}: no such directory`);
  }
  if (!isDirectory) throw new AnalysisInputError('not-a-repository', `${path}: not a directory`);
  // A revision starting with a dash would be read by git as an option.
  if (rev.startsWith('-') || rev.includes('\0') || rev.trim() === '') {
    throw new AnalysisInputError('invalid-revision', `invalid revision "${rev}"`);
  }

  const probe = await runGit(absolute, [
    'rev-parse',
    '--is-bare-repository',
    '--is-shallow-repository',
    '--git-dir',
  ]);
  if (probe.exitCode !== 0) {
    const reason = probe.stderr.trim().split('\n').pop() ?? '';
    if (/dubious ownership/.test(probe.stderr)) {
      throw new AnalysisInputError(
        'not-a-repository',
        `${path}: git refuses a repository owned by another user (${reason})`,
      );
    }
    throw new AnalysisInputError('not-a-repository', `${path}: not a git repository`);
  }
  const [bareFlag, shallowFlag, gitDir] = probe.stdout.toString('utf8').trim().split('\n');
  const bare = bareFlag === 'true';
  const top = bare
    ? resolve(absolute, gitDir)
    : (await gitOutput(absolute, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();

  const verified = await runGit(absolute, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${rev}^{commit}`,
  ]);
  if (verified.exitCode !== 0) {
    const anyRef = await runGit(absolute, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    const refs = await runGit(absolute, ['for-each-ref', '--count=1', '--format=%(refname)']);
    if (anyRef.exitCode !== 0 && refs.stdout.length === 0) {
      throw new AnalysisInputError('empty-repository', `${path}: the repository has no commits yet`);
    }
    throw new AnalysisInputError('unknown-revision', `unknown revision "${rev}" in ${path}`);
  }
  const head = verified.stdout.toString('utf8').trim();
  // `git log`, not `git show`: show still looks for renames with -s, and fails where a damaged
  // clone lacks a renamed file's earlier version, which the analysis otherwise reads around.
  const time = (await gitOutput(absolute, ['log', '-1', '--format=%ct', head, '--'])).toString('utf8').trim();
  return { path: top, bare, shallow: shallowFlag === 'true', head, headTime: Number(time) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?( ?(Z|[+-]\d{2}:?\d{2}))?$/;
const RELATIVE_DATE = /^\d+ ?(second|minute|hour|day|week|month|year)s?( ago)?$/i;

/**
 * Resolves `--since` to a fixed Unix time with git's own date parser, once, so that the window
 * does not drift while the analysis runs. Only unambiguous shapes are accepted: git's parser
 * silently reads nonsense as "now".
 */
export async function resolveSince(cwd: string, since: string): Promise<number> {
  const text = since.trim();
  if (!ISO_DATE.test(text) && !RELATIVE_DATE.test(text)) {
    throw new AnalysisInputError(
      'invalid-option',
      `unrecognised date "${since}" (use YYYY-MM-DD, an ISO date-time, or "N days|weeks|months|years ago")`,
    );
  }
  // git reads a bare date as that day at the current time of day; midnight UTC makes it reproducible.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} 00:00:00 +0000` : text;
  const out = (await gitOutput(cwd, ['rev-parse', `--since=${date}`])).toString('utf8').trim();
  const match = /^--max-age=(\d+)$/.exec(out);
  if (!match) throw new AnalysisInputError('invalid-option', `unrecognised date "${since}"`);
  return Number(match[1]);
}
