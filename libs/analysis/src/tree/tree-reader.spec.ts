import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { FixtureRepo } from '@sightline/testing';
import { GitCommandError } from '../analysis-error';
import { readBlobs } from './tree-reader';

describe('readBlobs', () => {
  let repo: FixtureRepo;
  let present: string;
  let lost: string;

  beforeAll(() => {
    repo = FixtureRepo.create();
    repo.commit({
      message: 'Start',
      time: 1_600_000_000,
      files: { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n' },
    });
    const oid = (path: string) =>
      execFileSync('git', ['rev-parse', `HEAD:${path}`], { cwd: repo.path })
        .toString()
        .trim();
    present = oid('src/a.ts');
    lost = oid('src/b.ts');
    // A damaged or partial clone: the tree names a blob the object store no longer holds.
    rmSync(join(repo.path, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));
  });

  afterAll(() => repo.dispose());

  it('reads the blobs it is given, in order', async () => {
    const read: string[] = [];
    await readBlobs(repo.path, [present, present], (i, content) => {
      read.push(`${i}:${content.toString('utf8')}`);
    });
    expect(read).toEqual(['0:export const a = 1;\n', '1:export const a = 1;\n']);
  });

  it('reports a missing blob as a git error that asks for the clone to be repaired', async () => {
    const failure = readBlobs(repo.path, [present, lost], () => undefined);
    await expect(failure).rejects.toThrow(GitCommandError);
    await expect(failure).rejects.toMatchObject({
      missingObjects: true,
      message: expect.stringMatching(
        new RegExp(`^git cat-file: object ${lost} is missing\\. .*git fetch --refetch`),
      ),
    });
  });
});
