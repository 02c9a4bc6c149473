import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { ada, bob, buildHistory, DAY, T0 } from './scripted-history.fixture-spec';
import type { RepositorySnapshot } from './snapshot.schema';

async function withLowCouplingThresholds(repo: FixtureRepo): Promise<RepositorySnapshot> {
  const thresholds = { maxChangesetSize: 30, minRevisions: 1, minShared: 1, minDegree: 1 };
  const options = { coupling: thresholds, ticketCoupling: thresholds, areaCoupling: thresholds };
  return (await analyseRepository(repo.path, options)).snapshot;
}

describe('change coupling with lowered thresholds', () => {
  let repo: FixtureRepo;
  let snapshot: RepositorySnapshot;
  beforeAll(async () => {
    repo = FixtureRepo.create();
    buildHistory(repo);
    snapshot = await withLowCouplingThresholds(repo);
  });
  afterAll(() => repo.dispose());

  it('computes code-maat degrees over kept commits', () => {
    const pair = (a: string, b: string) => snapshot.coupling.find((p) => p.a === a && p.b === b);
    // app: c1 c2 c4 c5 (4); util: c1 c3 c4 side (4); shared c1 c4.
    expect(pair('lib/util.ts', 'src/app.ts')).toEqual({
      a: 'lib/util.ts',
      b: 'src/app.ts',
      shared: 2,
      degree: 50,
      averageRevisions: 4,
    });
    // feature: c2 c3 (2); shared with util: c3 → 100 × 1 / 3.
    expect(pair('lib/util.ts', 'src/feature.ts')).toEqual({
      a: 'lib/util.ts',
      b: 'src/feature.ts',
      shared: 1,
      degree: 33,
      averageRevisions: 3,
    });
    expect(pair('src/app.ts', 'src/feature.ts')).toEqual({
      a: 'src/app.ts',
      b: 'src/feature.ts',
      shared: 1,
      degree: 33,
      averageRevisions: 3,
    });
  });

  it('couples areas by the commits changing code in both', () => {
    // Root area: the 6 commits that change its code (not c6, the logo); packages/api: c1 only.
    // 1 shared of 3.5 on average.
    expect(snapshot.areaCoupling).toEqual([
      { a: '.', b: 'packages/api', shared: 1, degree: 28, averageRevisions: 4 },
    ]);
    expect(snapshot.areas.map((a) => [a.path, a.coupling])).toEqual([
      ['.', [{ area: 'packages/api', shared: 1, degree: 28 }]],
      ['packages/api', [{ area: '.', shared: 1, degree: 28 }]],
    ]);
  });

  it('groups commits by ticket for ticket coupling', () => {
    // PROJ-2 touches util, app, feature; PROJ-1 touches util and app (and others): app-util share 2 tickets.
    const pair = snapshot.ticketCoupling.find((p) => p.a === 'lib/util.ts' && p.b === 'src/app.ts');
    expect(pair).toEqual({ a: 'lib/util.ts', b: 'src/app.ts', shared: 2, degree: 100, averageRevisions: 2 });
  });
});

describe('change coupling leaves releases out', () => {
  let repo: FixtureRepo;
  let snapshot: RepositorySnapshot;
  beforeAll(async () => {
    repo = FixtureRepo.create();
    const versions = (v: string) => ({
      'packages/x/version.ts': `export const version = '${v}';\n`,
      'packages/y/version.ts': `export const version = '${v}';\n`,
    });
    repo.commit({ message: 'Initial import', time: T0, author: ada, files: versions('1.0.0') });
    repo.commit({ message: 'Bump version to 1.1.0', time: T0 + DAY, author: ada, files: versions('1.1.0') });
    repo.commit({ message: '1.2.0 release (#5)', time: T0 + 2 * DAY, author: ada, files: versions('1.2.0') });
    repo.commit({
      message: 'Read pre-release versions',
      time: T0 + 3 * DAY,
      author: bob,
      files: versions('1.2.0-rc'),
    });
    snapshot = await withLowCouplingThresholds(repo);
  });
  afterAll(() => repo.dispose());

  it('counts a release as a change of each file but not as coupling between them', () => {
    expect(snapshot.files.map((f) => [f.path, f.revisions])).toEqual([
      ['packages/x/version.ts', 4],
      ['packages/y/version.ts', 4],
    ]);
    // Only the initial import and the pre-release change couple them; the two releases do not.
    expect(snapshot.coupling).toEqual([
      {
        a: 'packages/x/version.ts',
        b: 'packages/y/version.ts',
        shared: 2,
        degree: 100,
        averageRevisions: 2,
      },
    ]);
  });
});
