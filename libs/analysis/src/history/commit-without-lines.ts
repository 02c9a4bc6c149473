import { gitOutput } from '../git/git-process';
import { CommitRecord, InternTable } from './commit-record';
import { LOG_FORMAT, LogParser } from './log-parser';
import { MessageFacts } from './message-facts';

const NUL = Buffer.from([0]);
// A numstat entry of a binary file: the parser counts it as changed with 0 lines.
const UNCOUNTED = Buffer.from('-\t-\t', 'latin1');

/**
 * Reads a commit whose diff git cannot compute because a version of a file it changed is missing
 * (a clone made with a blob size filter, or a damaged one). Its message and the paths it touched
 * need commits and trees only, so the commit still counts — for revisions, authors, fixes,
 * tickets and coupling — with every file's lines unknown (counted 0, as binary files are) and
 * renames not followed.
 */
export async function readCommitWithoutLines(
  cwd: string,
  hash: string,
  tables: { paths: InternTable; identities: InternTable; messages: MessageFacts },
): Promise<CommitRecord> {
  const header = await gitOutput(cwd, ['log', '--no-walk', '-z', LOG_FORMAT, hash, '--']);
  const names = await gitOutput(cwd, [
    'diff-tree',
    '-r',
    '-z',
    '--root',
    '--no-renames',
    '--no-commit-id',
    '--name-only',
    hash,
    '--',
  ]);
  let record: CommitRecord | undefined;
  const parser = new LogParser(tables.paths, tables.identities, tables.messages, (r) => (record = r));
  parser.push(Buffer.concat([header, NUL]));
  let start = 0;
  for (let nul = names.indexOf(0, start); nul !== -1; nul = names.indexOf(0, start)) {
    if (nul > start) parser.push(Buffer.concat([UNCOUNTED, names.subarray(start, nul), NUL]));
    start = nul + 1;
  }
  parser.end();
  if (!record || record.hash !== hash) throw new Error(`git log did not return commit ${hash}`);
  return { ...record, linesUnknown: true };
}
