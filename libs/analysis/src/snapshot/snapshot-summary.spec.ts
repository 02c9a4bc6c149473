import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { renderSnapshotSummary } from './snapshot-summary';

const T0 = 1_600_000_000;
const DAY = 86_400;
const ada = { name: 'Ada', email: 'ada@example.com' };

const lines = (prefix: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `export const ${prefix}${i} = ${i};`).join('\n') + '\n';

/** The lines of the summary's section headed `title`, up to the next blank line. */
function section(summary: string, title: string): string[] {
  const all = summary.split('\n');
  const start = all.findIndex((l) => l.startsWith(title));
  const end = all.indexOf('', start);
  return all.slice(start + 1, end);
}

describe('renderSnapshotSummary', () => {
  let repo: FixtureRepo;

  beforeAll(() => {
    repo = FixtureRepo.create();
    // A large test suite and its fixtures change with every commit; so do two code files.
    for (let i = 0; i < 6; i++)
      repo.commit({
        message: `Change ${i}`,
        time: T0 + i * DAY,
        author: ada,
        files: {
          'src/cart.ts': lines(`cart${i}_`, 10 + i),
          'src/price.ts': lines(`price${i}_`, 5 + i),
          'src/__tests__/cart.test.ts': lines(`test${i}_`, 200 + i),
          'test/fixtures/order.ts': lines(`order${i}_`, 100 + i),
          'config/a.json': `{ "v": ${i} }\n`,
          'config/b.json': `{ "v": ${i} }\n`,
        },
      });
  });

  afterAll(() => repo.dispose());

  it('leaves test files, test areas and couplings without code out of its tables, and says so', async () => {
    const { snapshot } = await analyseRepository(repo.path, { rev: 'HEAD', maxAreaLoc: 50, minAreaLoc: 5 });
    // The snapshot itself keeps the test files, ranked first.
    const byScore = [...snapshot.files].sort((a, b) => b.hotspotScore - a.hotspotScore).map((f) => f.path);
    expect(byScore.slice(0, 2)).toEqual(['src/__tests__/cart.test.ts', 'test/fixtures/order.ts']);

    const summary = renderSnapshotSummary(snapshot, { top: 10 });
    // Six days of history: nothing to backtest the fix claim on.
    expect(summary.split('\n')).toContain(
      'Fix claim   no past change of code with 30 days after it to check the claim on; notes do not say "follow-up fixes concentrate here"',
    );
    const hotspots = section(summary, 'Top hotspots');
    expect(hotspots.slice(1, 3).map((l) => l.trim().split(/\s+/).pop())).toEqual([
      'src/cart.ts',
      'src/price.ts',
    ]);
    expect(hotspots.slice(3)).toEqual(['  (2 test files ranked among these are left out)']);

    const areas = section(summary, 'Riskiest areas').slice(1);
    expect(areas).toHaveLength(2);
    expect(areas[0]).toMatch(/ src$/);
    expect(areas[1]).toBe('  (2 test areas ranked among these are left out)');

    // Couplings need code on one side and no test on either: the two configs alone are not listed.
    // The four files are one family; with rows to spare, all of its pairs are listed.
    const coupling = section(summary, 'Strongest change coupling').slice(1);
    expect(coupling.map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual([
      'config/a.json <-> src/cart.ts',
      'config/a.json <-> src/price.ts',
      'config/b.json <-> src/cart.ts',
      'config/b.json <-> src/price.ts',
      'src/cart.ts <-> src/price.ts',
    ]);
  });

  it('says one of a thing in the singular', async () => {
    const single = FixtureRepo.create();
    try {
      single.commit({
        message: 'Start',
        time: T0,
        author: ada,
        files: { 'a.py': 'x = 1\n', 'README.md': '# A\n\nA one-line program.\n' },
      });
      const summary = renderSnapshotSummary((await analyseRepository(single.path)).snapshot);
      expect(summary).toContain('History     1 non-merge commit, ');
      // The README's lines are no code.
      expect(summary).toContain('Files       2 (1 code file, 1 line of code) in 1 area\n');
    } finally {
      single.dispose();
    }
  });
});

describe('renderSnapshotSummary: the fix claim', () => {
  let repo: FixtureRepo;

  beforeAll(() => {
    repo = FixtureRepo.create();
    // cart.ts takes a fix every four days; price.ts, as large, a feature on the days between.
    for (let day = 0; day < 120; day++) {
      const path = day % 4 === 0 ? 'src/cart.ts' : 'src/price.ts';
      repo.commit({
        message: day % 4 === 0 ? `Fix cart total ${day}` : `Add price rule ${day}`,
        time: T0 + day * DAY,
        author: ada,
        files: { [path]: lines(`${day % 4 === 0 ? 'cart' : 'price'}${day}_`, 20) },
      });
    }
  });

  afterAll(() => repo.dispose());

  it('says whether changes on code with many fixes were followed by more, and so whether notes claim it', async () => {
    const { snapshot } = await analyseRepository(repo.path);
    const check = snapshot.fixConcentration!;
    expect(check.supported).toBe(true);
    expect(check.claimedFollowedByFix).toBe(check.claimed);
    expect(check.restFollowedByFix).toBeLessThan(check.changes - check.claimed);
    expect(renderSnapshotSummary(snapshot).split('\n')[4]).toMatch(
      /^Fix claim {3}\d+ of \d+ past changes touched code with many recent fixes: 100% were followed by another fix within 30 days, the other \d+ \d+%; notes may say "follow-up fixes concentrate here"$/,
    );
  });
});
