import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureRepo } from '@sightline/testing';
import { AnalysisInputError } from '../analysis-error';
import { analyseRepository } from '../snapshot/analyse-repository';

async function inputError(promise: Promise<unknown>): Promise<AnalysisInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AnalysisInputError))
    throw new Error(`expected an AnalysisInputError, got ${String(error)}`);
  return error;
}

describe('bad input', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'sightline-bad-input-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a path that does not exist', async () => {
    const error = await inputError(analyseRepository(join(scratch, 'missing')));
    expect(error.kind).toBe('path-not-found');
  });

  it('refuses a directory that is not a git repository', async () => {
    const plain = join(scratch, 'plain');
    mkdirSync(plain);
    const error = await inputError(analyseRepository(plain));
    expect([error.kind, error.message]).toEqual(['not-a-repository', `${plain}: not a git repository`]);
  });

  it('says so for a repository without commits', async () => {
    const repo = FixtureRepo.create();
    try {
      const error = await inputError(analyseRepository(repo.path));
      expect(error.kind).toBe('empty-repository');
    } finally {
      repo.dispose();
    }
  });

  describe('on a repository with history', () => {
    let repo: FixtureRepo;
    beforeAll(() => {
      repo = FixtureRepo.create('sightline fixture -');
      repo.commit({ message: 'one', time: 1_600_000_000, files: { 'a.py': 'def f(x):\n    return x\n' } });
    });
    afterAll(() => repo.dispose());

    it('names an unknown revision', async () => {
      const error = await inputError(analyseRepository(repo.path, { rev: 'no-such-branch' }));
      expect([error.kind, error.message]).toEqual([
        'unknown-revision',
        `unknown revision "no-such-branch" in ${repo.path}`,
      ]);
    });

    it('never passes a revision starting with a dash to git', async () => {
      const error = await inputError(analyseRepository(repo.path, { rev: '--output=/tmp/x' }));
      expect(error.kind).toBe('invalid-revision');
    });

    it('rejects dates git would silently read as "now"', async () => {
      const error = await inputError(analyseRepository(repo.path, { since: 'yesterdayish' }));
      expect(error.kind).toBe('invalid-option');
    });

    it('rejects an invalid ticket pattern with the pattern named', async () => {
      const error = await inputError(analyseRepository(repo.path, { ticketPatterns: ['(['] }));
      expect(error.message).toMatch(/^invalid ticket pattern \/\(\[\//);
    });

    it('analyses a repository whose path has spaces and a dash', async () => {
      const { snapshot } = await analyseRepository(repo.path);
      expect(snapshot.repository.path).toBe(repo.path);
      expect(snapshot.files.map((f) => [f.path, f.revisions])).toEqual([['a.py', 1]]);
    });
  });

  it('handles non-UTF-8 paths and contents, binary and over-size files', async () => {
    const repo = FixtureRepo.create();
    try {
      writeFileSync(
        Buffer.from(join(repo.path, 'caf\xe9.py'), 'latin1'),
        Buffer.from('s = "h\xe9llo"\n', 'latin1'),
      );
      writeFileSync(join(repo.path, 'big.py'), 'x = 1\n'.repeat(200));
      writeFileSync(join(repo.path, 'data.bin'), Buffer.from([1, 0, 2, 0, 3]));
      writeFileSync(join(repo.path, '-dash.py'), 'y = 2\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'odd files'], { time: 1_600_000_000 });
      const { snapshot } = await analyseRepository(repo.path, { maxFileBytes: 1000 });
      expect(snapshot.files.map((f) => [f.path, f.revisions, f.loc])).toEqual([
        ['-dash.py', 1, 1],
        ['big.py', 1, 0],
        ['café.py', 1, 1],
        ['data.bin', 1, 0],
      ]);
      expect(snapshot.skipped).toEqual([
        { path: 'big.py', reason: 'too-large', size: 1200 },
        { path: 'data.bin', reason: 'binary', size: 5 },
      ]);
      expect(snapshot.parseFailures).toEqual([]);
    } finally {
      repo.dispose();
    }
  });

  it('analyses a bare clone exactly like its work tree', async () => {
    const origin = FixtureRepo.create();
    try {
      origin.commit({
        message: 'one',
        time: 1_600_000_000,
        files: { 'a.ts': 'export const a = 1;\n', '.mailmap': 'A <a@x> <b@y>\n' },
      });
      origin.commit({
        message: 'two',
        time: 1_600_000_100,
        moves: [['a.ts', 'b.ts']],
        author: { name: 'B', email: 'b@y' },
      });
      const bare = join(scratch, 'bare.git');
      origin.git(['clone', '-q', '--bare', origin.path, bare]);
      const now = () => new Date(0);
      const fromBare = (await analyseRepository(bare, {}, undefined, { now })).snapshot;
      const fromTree = (await analyseRepository(origin.path, {}, undefined, { now })).snapshot;
      expect(fromBare.repository).toMatchObject({ bare: true, path: bare });
      expect({ ...fromBare, repository: null }).toEqual({ ...fromTree, repository: null });
      expect(fromBare.authors.map((a) => a.id)).toEqual(['a@x', 'ada@example.com']);
    } finally {
      origin.dispose();
    }
  });

  it.each(['HEAD~1:a.ts', 'HEAD:a.ts'])(
    'reads around a file version the clone lacks (%s), says how to repair it, and leaves nothing unhandled',
    async (object) => {
      const repo = FixtureRepo.create();
      const unhandled: unknown[] = [];
      const record = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', record);
      try {
        repo.commit({ message: 'one', time: 1_600_000_000, files: { 'a.ts': 'export const a = 1;\n' } });
        repo.commit({ message: 'two', time: 1_600_000_100, files: { 'a.ts': 'export const a = 2;\n' } });
        const blob = repo.git(['rev-parse', object]).trim();
        rmSync(join(repo.path, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
        const { snapshot, stats } = await analyseRepository(repo.path);
        expect(snapshot.repository.commits).toBe(2);
        expect(stats.commitsWithoutLines + stats.filesWithoutContent).toBeGreaterThan(0);
        expect(snapshot.warnings.join('\n')).toContain('git fetch --refetch');
        // The git processes that stopped on the missing object settle without an unobserved rejection.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', record);
        repo.dispose();
      }
    },
  );

  it('reads a head that renamed a file whose earlier version the clone lacks', async () => {
    const repo = FixtureRepo.create();
    const lines = Array.from({ length: 40 }, (_, i) => `export const v${i} = ${i};\n`).join('');
    try {
      repo.commit({ message: 'one', time: 1_600_000_000, files: { 'a.ts': lines } });
      repo.commit({
        message: 'two',
        time: 1_600_000_100,
        moves: [['a.ts', 'b.ts']],
        files: { 'b.ts': `${lines}export const last = 1;\n` },
      });
      const blob = repo.git(['rev-parse', 'HEAD~1:a.ts']).trim();
      rmSync(join(repo.path, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
      // `git show -s` still looks for renames, which reads the missing version; the head's time
      // needs the commit alone.
      const { snapshot } = await analyseRepository(repo.path);
      expect(snapshot.repository.headTime).toBe('2020-09-13T12:28:20Z');
      expect(snapshot.files.map((f) => f.path)).toEqual(['b.ts']);
      expect(snapshot.warnings.join('\n')).toContain('git fetch --refetch');
    } finally {
      repo.dispose();
    }
  });

  it('warns that a shallow clone has truncated history', async () => {
    const origin = FixtureRepo.create();
    try {
      for (let i = 0; i < 3; i++)
        origin.commit({ message: `c${i}`, time: 1_600_000_000 + i, files: { 'a.txt': `${i}\n` } });
      const clone = join(scratch, 'shallow');
      origin.git(['clone', '-q', '--depth', '1', `file://${origin.path}`, clone]);
      const { snapshot } = await analyseRepository(clone);
      expect(snapshot.repository.shallow).toBe(true);
      expect(snapshot.repository.commits).toBe(1);
      expect(snapshot.warnings).toEqual([expect.stringContaining('git fetch --unshallow')]);
    } finally {
      origin.dispose();
    }
  });
});
