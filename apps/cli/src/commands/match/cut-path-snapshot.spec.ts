import { analyseRepository } from '@sightline/analysis';
import { historyFromAnalysisCache } from '@sightline/matching';
import { FixtureRepo } from '@sightline/testing';
import { withCutPaths } from './cut-path-snapshot';

const source = (name: string, version: number) =>
  `import { helper } from './helper';\nexport function ${name}(x: number): number {\n  return helper(x) + ${version};\n}\n`;

describe('withCutPaths: a later snapshot named as the cut names its files', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = FixtureRepo.create();
    repo.commit({
      message: 'one',
      time: 1_600_000_000,
      files: {
        'flask/app.py': 'def run():\n    return 1\n',
        'flask/helper.ts': 'export const helper = (x: number) => x;\n',
        'flask/total.ts': source('total', 0),
      },
    });
    // After the cut the package moves under src/, is edited there, and a new file takes an old name.
    repo.commit({
      message: 'move into src',
      time: 1_600_100_000,
      moves: [
        ['flask/app.py', 'src/flask/app.py'],
        ['flask/helper.ts', 'src/flask/helper.ts'],
        ['flask/total.ts', 'src/flask/total.ts'],
      ],
    });
    repo.commit({ message: 'two', time: 1_600_200_000, files: { 'src/flask/total.ts': source('total', 2) } });
    repo.commit({
      message: 'three',
      time: 1_600_300_000,
      files: { 'flask/app.py': 'print("a new file under the old name")\n' },
    });
  });
  afterAll(() => repo.dispose());

  it('renames the moved files and everything that names them, and lets a newcomer give way', async () => {
    const cut = (await analyseRepository(repo.path, { rev: 'HEAD~3' })).snapshot;
    const head = await analyseRepository(repo.path);
    const atCut = new Set(cut.files.map((f) => f.path));
    const afterCut = historyFromAnalysisCache(head.cache).slice(0, 3).reverse();

    const renamed = withCutPaths(head.snapshot, afterCut, (p) => atCut.has(p));

    expect(renamed.files.map((f) => f.path).sort()).toEqual([
      'flask/app.py',
      'flask/helper.ts',
      'flask/total.ts',
    ]);
    // The moved app.py (two revisions) keeps the old name, not the newcomer (one).
    const app = renamed.files.find((f) => f.path === 'flask/app.py')!;
    expect(app.revisions).toBe(2);
    expect(renamed.files.find((f) => f.path === 'flask/total.ts')!.revisions).toBe(3);
    expect(renamed.dependencies).toEqual([
      { from: 'flask/total.ts', to: 'flask/helper.ts', typeOnly: false },
    ]);
    expect(head.snapshot.dependencies).toEqual([
      { from: 'src/flask/total.ts', to: 'src/flask/helper.ts', typeOnly: false },
    ]);
  });

  it('returns the snapshot itself when nothing moved', async () => {
    const cut = (await analyseRepository(repo.path, { rev: 'HEAD~3' })).snapshot;
    const atCut = new Set(cut.files.map((f) => f.path));
    expect(withCutPaths(cut, [], (p) => atCut.has(p))).toBe(cut);
  });
});
