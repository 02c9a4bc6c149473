import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureRepo } from '@sightline/testing';
import { GitCommandError } from '../analysis-error';
import { deserializeAnalysisCache, serializeAnalysisCache } from '../snapshot/analysis-cache';
import { analyseRepository } from '../snapshot/analyse-repository';

/** Removes a blob from the object store, as a clone made with a blob size filter lacks it. */
function dropBlob(repo: FixtureRepo, revision: string, path: string): string {
  const oid = repo.git(['rev-parse', `${revision}:${path}`]).trim();
  rmLoose(repo, oid);
  return oid;
}

function rmLoose(repo: FixtureRepo, oid: string): void {
  rmSync(join(repo.path, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

const figures = (files: readonly { path: string; revisions: number; added: number }[], path: string) => {
  const file = files.find((f) => f.path === path);
  return file && [file.revisions, file.added];
};

describe('a clone that lacks old file versions', () => {
  let repo: FixtureRepo;
  let first: string;

  beforeEach(() => {
    repo = FixtureRepo.create();
    first = repo.commit({
      message: 'Start',
      time: 1_600_000_000,
      files: {
        'src/a.ts': 'export const a = 1;\n',
        'src/b.ts': 'export const b = 1;\n',
        'docs/big.json': '[1]\n',
      },
    });
    repo.commit({
      message: 'Regenerate the data, grow a',
      time: 1_600_000_100,
      files: { 'docs/big.json': '[1, 2]\n', 'src/a.ts': 'export const a = 1;\nexport const a2 = 2;\n' },
    });
    repo.commit({
      message: 'Grow b',
      time: 1_600_000_200,
      files: { 'src/b.ts': 'export const b = 1;\nexport const b2 = 2;\n' },
    });
  });

  afterEach(() => repo.dispose());

  it('reads the commits git cannot diff without line counts, counts everything else exactly, and says so', async () => {
    dropBlob(repo, first, 'docs/big.json');

    const { snapshot, stats, cache } = await analyseRepository(repo.path, { parserThreads: 0 });

    // The first two commits need the dropped version (added, then changed): both still count as
    // revisions, with their lines unknown; the third is exact.
    expect(snapshot.repository.commits).toBe(3);
    expect(figures(snapshot.files, 'src/a.ts')).toEqual([2, 0]);
    expect(figures(snapshot.files, 'src/b.ts')).toEqual([2, 1]);
    expect(stats).toMatchObject({ commitsWithoutLines: 2, filesWithoutContent: 0 });
    expect(snapshot.warnings).toEqual([
      expect.stringMatching(/^2 of 3 commits were read without line counts: .*git fetch --refetch/),
    ]);
    // The next run, from a stored cache, reads them again (the clone may have been repaired).
    const stored = deserializeAnalysisCache(serializeAnalysisCache(cache));
    const again = await analyseRepository(repo.path, { parserThreads: 0 }, undefined, { previous: stored });
    expect(again.stats).toMatchObject({ commitsRead: 2, commitsReused: 1, commitsWithoutLines: 2 });
    expect(again.snapshot.files).toEqual(snapshot.files);
  });

  it('takes them as they are from an analysis of the same clone made in the same run', async () => {
    dropBlob(repo, first, 'docs/big.json');
    const head = await analyseRepository(repo.path, { parserThreads: 0 });

    const before = await analyseRepository(repo.path, { rev: 'HEAD~1', parserThreads: 0 }, undefined, {
      previous: head.cache,
      trustUncounted: true,
    });

    expect(before.stats).toMatchObject({ commitsRead: 0, commitsReused: 2, commitsWithoutLines: 2 });
    expect(figures(before.snapshot.files, 'src/a.ts')).toEqual([2, 0]);
    expect(before.snapshot.warnings).toEqual([
      expect.stringMatching(/^2 of 2 commits were read without line counts/),
    ]);
  });

  it('counts the lines once the missing version is back', async () => {
    const oid = dropBlob(repo, first, 'docs/big.json');
    const partial = await analyseRepository(repo.path, { parserThreads: 0 });

    expect(repo.git(['hash-object', '-w', '--stdin'], { input: '[1]\n' }).trim()).toBe(oid);
    const repaired = await analyseRepository(repo.path, { parserThreads: 0 }, undefined, {
      previous: partial.cache,
    });

    expect(repaired.stats).toMatchObject({ commitsRead: 2, commitsReused: 1, commitsWithoutLines: 0 });
    expect(figures(repaired.snapshot.files, 'src/a.ts')).toEqual([2, 2]);
    expect(repaired.snapshot.warnings).toEqual([]);
  });

  it('lists a file whose content the clone lacks, without code figures', async () => {
    const head = repo.head();
    dropBlob(repo, head, 'src/b.ts');

    const { snapshot, stats } = await analyseRepository(repo.path, { parserThreads: 0 });

    expect(snapshot.skipped).toEqual([{ path: 'src/b.ts', reason: 'missing', size: 0 }]);
    expect(snapshot.files.find((f) => f.path === 'src/b.ts')).toMatchObject({
      revisions: 2,
      added: 1,
      loc: 0,
    });
    expect(snapshot.files.find((f) => f.path === 'src/a.ts')).toMatchObject({ loc: 2 });
    expect(stats).toMatchObject({ commitsWithoutLines: 1, filesWithoutContent: 1 });
    expect(snapshot.warnings).toContainEqual(
      expect.stringMatching(/^1 file has no content in this clone .*: listed with its history/),
    );
  });

  it('measures what is missing against the whole history when a cached run reads the gaps again', async () => {
    // 3,000 commits (2% = 60 may lack lines), 28 of their data versions missing: 56 commits each
    // run re-reads without line counts — more than the 50 a short read alone would allow.
    const big = FixtureRepo.create();
    try {
      const dropped = new Set(Array.from({ length: 28 }, (_, i) => 50 + i * 100));
      const loose: string[] = [];
      let script = '';
      for (let i = 0; i < 3_000; i++) {
        const content = `[${i}]\n`;
        // Written loose ahead of the import, so that they can be removed after it.
        const blob = dropped.has(i)
          ? big.git(['hash-object', '-w', '--stdin'], { input: content }).trim()
          : null;
        if (blob) loose.push(blob);
        script += `commit refs/heads/main\ncommitter Dev <dev@example.test> ${1_600_000_000 + i * 60} +0000\n`;
        script += `data <<EOM\nData ${i}\nEOM\n`;
        script += blob
          ? `M 100644 ${blob} docs/big.json\n`
          : `M 100644 inline docs/big.json\ndata ${content.length}\n${content}\n`;
      }
      big.git(['fast-import', '--quiet'], { input: script });
      for (const blob of loose) rmLoose(big, blob);
      const first = await analyseRepository(big.path, { parserThreads: 0 });
      expect(first.stats.commitsWithoutLines).toBe(56);

      big.git(['read-tree', 'HEAD']);
      big.commit({ message: 'Add c', time: 1_700_000_000, files: { 'src/c.ts': 'export const c = 1;\n' } });
      const next = await analyseRepository(big.path, { parserThreads: 0 }, undefined, {
        previous: first.cache,
      });

      expect(next.stats).toMatchObject({ commitsRead: 57, commitsWithoutLines: 56 });
      expect(next.snapshot.repository.commits).toBe(3_001);
    } finally {
      big.dispose();
    }
  });

  it('stops with the repair hint when too much is missing for churn to mean anything', async () => {
    for (let i = 0; i < 55; i++) {
      repo.commit({ message: `Data ${i}`, time: 1_600_001_000 + i, files: { 'docs/big.json': `[${i}]\n` } });
      dropBlob(repo, 'HEAD~1', 'docs/big.json');
    }

    const failure = analyseRepository(repo.path, { parserThreads: 0 });

    await expect(failure).rejects.toThrow(GitCommandError);
    await expect(failure).rejects.toMatchObject({
      missingObjects: true,
      message: expect.stringMatching(/git fetch --refetch/),
    });
  });
});
