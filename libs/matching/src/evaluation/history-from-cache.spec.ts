import type { AnalysisCache } from '@sightline/analysis';
import { historyFromAnalysisCache } from './history-from-cache';

const cache = (commits: AnalysisCache['commits']): AnalysisCache => ({
  version: 0,
  historyKey: '',
  since: null,
  paths: ['src/a.ts', 'src/b.ts', 'src/old.ts'],
  identities: ['Ada <ada@example.com>'],
  commits,
  blobs: new Map(),
});

const commit = (hash: string, changes: number[], linesUnknown?: true) => ({
  hash,
  time: 1_600_000_000,
  author: 0,
  coAuthors: [],
  fix: true,
  tickets: ['SHOP-1'],
  subject: `Fix ${hash}`,
  changes: Int32Array.from(changes),
  ...(linesUnknown ? { linesUnknown } : {}),
});

describe('historyFromAnalysisCache', () => {
  it('lists both sides of a rename and sums the lines a commit changed', () => {
    const [history] = historyFromAnalysisCache(cache([commit('c1', [0, 3, 1, -1, 1, 2, 0, 2])]));
    expect(history).toEqual({
      hash: 'c1',
      time: 1_600_000_000,
      subject: 'Fix c1',
      fix: true,
      tickets: ['SHOP-1'],
      files: ['src/a.ts', 'src/b.ts', 'src/old.ts'],
      renames: [['src/old.ts', 'src/b.ts']],
      linesChanged: 6,
    });
  });

  it('gives a commit read without line counts no size, rather than a size of 0', () => {
    const [history] = historyFromAnalysisCache(cache([commit('c2', [0, 0, 0, -1], true)]));
    expect(history.files).toEqual(['src/a.ts']);
    expect(history.linesChanged).toBeUndefined();
  });
});
