import { FixtureRepo, RandomHistory } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { deserializeAnalysisCache, serializeAnalysisCache } from './analysis-cache';
import type { RepositorySnapshot } from './snapshot.schema';

const now = () => new Date(0);
const low = { maxChangesetSize: 30, minRevisions: 1, minShared: 1, minDegree: 1 };
const options = { coupling: low, ticketCoupling: low, areaCoupling: low, maxAreaFiles: 4, minAreaLoc: 0 };

async function full(path: string, extra = {}): Promise<RepositorySnapshot> {
  return (await analyseRepository(path, { ...options, ...extra }, undefined, { now })).snapshot;
}

describe('incremental analysis equals a full run', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`on a generated history (seed ${seed})`, async () => {
      const repo = FixtureRepo.create();
      try {
        const history = new RandomHistory(repo, { seed, commits: 0, coAuthors: true, merges: true });
        history.grow(25);
        const first = await analyseRepository(repo.path, options, undefined, { now });
        history.grow(20);
        // The cache survives serialisation, as it does between ingestion runs.
        const previous = deserializeAnalysisCache(serializeAnalysisCache(first.cache));
        const incremental = await analyseRepository(repo.path, options, undefined, { now, previous });
        expect(incremental.stats.commitsReused).toBeGreaterThan(0);
        expect(incremental.stats.commitsRead).toBeLessThan(incremental.snapshot.repository.commits);
        expect(incremental.snapshot).toEqual(await full(repo.path));
      } finally {
        repo.dispose();
      }
    }, 60_000);
  }

  it('after a force push that rewrote recent history', async () => {
    const repo = FixtureRepo.create();
    try {
      const history = new RandomHistory(repo, { seed: 7, commits: 0, merges: true });
      history.grow(15);
      const base = repo.head();
      history.grow(10);
      const first = await analyseRepository(repo.path, options, undefined, { now });
      repo.git(['reset', '-q', '--hard', base]);
      new RandomHistory(repo, { seed: 99, commits: 0, startTime: 1_700_000_000 }).grow(8);
      const incremental = await analyseRepository(repo.path, options, undefined, {
        now,
        previous: first.cache,
      });
      expect(incremental.stats.commitsRead).toBe(8);
      expect(incremental.snapshot).toEqual(await full(repo.path));
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('parsing on worker threads gives the same snapshot as parsing in process', async () => {
    const repo = FixtureRepo.create();
    try {
      new RandomHistory(repo, { seed: 5, commits: 0 }).grow(10);
      repo.commit({
        message: 'code',
        time: 1_800_000_000,
        files: {
          'src/x.ts': 'export function f(a?: number) {\n  return a ?? (a! > 1 ? 2 : 3);\n}\n',
          'src/y.py': 'def g(x):\n    return x or 1\n',
        },
      });
      const threaded = await analyseRepository(repo.path, { ...options, parserThreads: 2 }, undefined, {
        now,
      });
      expect(threaded.snapshot).toEqual(await full(repo.path));
      expect(threaded.snapshot.files.find((f) => f.path === 'src/x.ts')?.complexity.max).toBe(3);
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('with a window, and falls back to a full read when the window widens', async () => {
    const repo = FixtureRepo.create();
    try {
      const history = new RandomHistory(repo, { seed: 11, commits: 0 });
      const end = history.grow(20);
      const since = new Date((end - 20 * 3600) * 1000).toISOString().slice(0, 10);
      const first = await analyseRepository(repo.path, { ...options, since }, undefined, { now });
      history.grow(5);
      const narrow = await analyseRepository(repo.path, { ...options, since }, undefined, {
        now,
        previous: first.cache,
      });
      expect(narrow.snapshot).toEqual(await full(repo.path, { since }));
      const wide = await analyseRepository(repo.path, options, undefined, { now, previous: narrow.cache });
      expect(wide.stats.commitsReused).toBe(0);
      expect(wide.stats.blobsParsed).toBe(0);
      expect(wide.snapshot).toEqual(await full(repo.path));
    } finally {
      repo.dispose();
    }
  }, 60_000);
});
