import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { renderSnapshotSummary } from './snapshot-summary';

const HASKELL =
  'module Checker where\n\n-- | Runs every check.\ncheck :: String -> [String]\ncheck s =\n  lines s\n';

describe('code in a language without a parser', () => {
  it('ranks as a hotspot by its non-blank lines, and counts as its area’s code', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit({
        message: 'Add the checker, its script and docs',
        time: 1_700_000_000,
        files: {
          'src/Checker.hs': HASKELL,
          'src/main.ts': 'export const main = () => 1;\n',
          'README.md': '# Checker\n\nRuns checks.\n',
        },
      });
      repo.commit({
        message: 'Check empty input',
        time: 1_700_086_400,
        files: { 'src/Checker.hs': HASKELL + 'empty = []\n' },
      });
      const { snapshot } = await analyseRepository(repo.path, { rev: 'HEAD', parserThreads: 0 });
      const file = (path: string) => snapshot.files.find((f) => f.path === path)!;
      expect(file('src/Checker.hs')).toMatchObject({ language: null, loc: 6, hotspotPercentile: 50 });
      expect(file('src/main.ts').hotspotPercentile).toBe(0);
      expect(file('README.md').hotspotPercentile).toBeNull();
      expect(snapshot.summary.codeFiles).toBe(2);
      expect(snapshot.areas[0].loc).toBe(7);
      expect(renderSnapshotSummary(snapshot)).toContain('(2 code files, 7 lines of code)');
    } finally {
      repo.dispose();
    }
  });
});
