import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { buildHistory } from './scripted-history.fixture-spec';
import { fileFiguresSchema, snapshotSchema, type RepositorySnapshot } from './snapshot.schema';

describe('analyseRepository on a scripted history', () => {
  let repo: FixtureRepo;
  let hashes: Record<string, string>;
  let snapshot: RepositorySnapshot;
  const file = (path: string) => {
    const found = snapshot.files.find((f) => f.path === path);
    if (!found) throw new Error(`${path} is not in the snapshot`);
    return found;
  };

  beforeAll(async () => {
    repo = FixtureRepo.create();
    hashes = buildHistory(repo);
    snapshot = (await analyseRepository(repo.path, {}, undefined, { now: () => new Date(0) })).snapshot;
  });
  afterAll(() => repo.dispose());

  it('matches the published schema exactly (no missing or extra fields)', () => {
    expect(snapshotSchema.strict().parse(snapshot)).toEqual(snapshot);
    for (const f of snapshot.files)
      expect(Object.keys(f).sort()).toEqual(Object.keys(fileFiguresSchema.shape).sort());
  });

  it('describes the repository: head, non-merge commit count, renames mode', () => {
    expect(snapshot.schemaVersion).toBe(1);
    expect(snapshot.repository).toMatchObject({
      head: hashes.c6,
      headTime: '2020-12-22T12:26:40Z',
      commits: 7,
      renames: true,
      since: null,
      bare: false,
      shallow: false,
    });
  });

  it('lists the committed tree after exclusions, binary files skipped but present', () => {
    expect(snapshot.files.map((f) => f.path)).toEqual([
      '.mailmap',
      'README.md',
      'lib/util.ts',
      'logo.png',
      'package.json',
      'packages/api/index.ts',
      'packages/api/package.json',
      'src/app.ts',
      'src/feature.ts',
    ]);
    expect(snapshot.skipped).toEqual([{ path: 'logo.png', reason: 'binary', size: 18 }]);
  });

  it('follows the rename: lib/util.ts keeps the history of src/util.ts, merged side work included', () => {
    expect(file('lib/util.ts')).toMatchObject({
      revisions: 4,
      authors: 3,
      added: 4,
      deleted: 1,
      churn: 5,
      mainAuthor: 'ada@example.com',
      ownership: 0.625,
      mainAuthorByRevisions: 'ada@example.com',
      ownershipByRevisions: 0.375,
      fragmentation: 0.6563,
      bugFixRevisions: 1,
      recentBugFixRevisions: 1,
      firstSeen: '2020-09-13T12:26:40Z',
      lastChanged: '2020-09-17T12:26:40Z',
      ageMonths: 3,
    });
  });

  it('counts recent fixes within hotspotDays before the head: the fix 98 days back is out of 90', async () => {
    const narrow = (await analyseRepository(repo.path, { hotspotDays: 90 })).snapshot;
    expect(narrow.files.find((f) => f.path === 'lib/util.ts')).toMatchObject({
      bugFixRevisions: 1,
      recentBugFixRevisions: 0,
      recentRevisions: 0,
    });
  });

  it('applies the mailmap and credits co-authors', () => {
    expect(file('src/app.ts')).toMatchObject({
      revisions: 4,
      authors: 2,
      added: 7,
      deleted: 1,
      mainAuthor: 'ada@example.com',
      ownership: 0.5714,
      mainAuthorByRevisions: 'ada@example.com',
      ownershipByRevisions: 0.5,
      fragmentation: 0.5,
      bugFixRevisions: 0,
    });
    expect(file('src/feature.ts')).toMatchObject({
      revisions: 2,
      authors: 3,
      added: 5,
      deleted: 0,
      mainAuthor: 'bob@example.com',
      ownership: 0.8,
      fragmentation: 0.625,
      bugFixRevisions: 1,
      sumOfCoupling: 2,
    });
    expect(snapshot.authors.map((a) => [a.id, a.name, a.commits])).toEqual([
      ['ada@example.com', 'Ada', 3],
      ['bob@example.com', 'Bob', 3],
      ['carol@example.com', 'Carol', 2],
    ]);
  });

  it('counts binary changes as revisions with no churn and no line owner', () => {
    expect(file('logo.png')).toMatchObject({
      revisions: 2,
      authors: 2,
      added: 0,
      deleted: 0,
      mainAuthor: null,
      ownership: 0,
      loc: 0,
      language: null,
      hotspotPercentile: null,
      ageMonths: 0,
    });
  });

  it('measures code with the language parsers: LOC, complexity, hotspots', () => {
    expect(file('src/app.ts')).toMatchObject({
      language: 'typescript',
      loc: 6,
      complexity: { max: 1, total: 2, functions: 2 },
      hotspotScore: 24,
      hotspotPercentile: 75,
    });
    expect(file('lib/util.ts')).toMatchObject({
      loc: 3,
      complexity: { max: 2, total: 3, functions: 2 },
      hotspotScore: 12,
      hotspotPercentile: 50,
    });
    expect(file('src/feature.ts')).toMatchObject({
      loc: 5,
      complexity: { max: 2, total: 2, functions: 1 },
      hotspotPercentile: 25,
    });
    expect(file('packages/api/index.ts')).toMatchObject({
      loc: 1,
      hotspotScore: 1,
      hotspotPercentile: 0,
      knowledgeIsland: true,
    });
    expect(file('README.md')).toMatchObject({
      language: null,
      loc: 1,
      hotspotScore: 0,
      hotspotPercentile: null,
    });
    expect(snapshot.parseFailures).toEqual([]);
  });

  it('resolves imports into edges and fan-in/fan-out', () => {
    expect(snapshot.dependencies).toEqual([
      { from: 'src/app.ts', to: 'lib/util.ts', typeOnly: false },
      { from: 'src/app.ts', to: 'src/feature.ts', typeOnly: false },
    ]);
    expect([file('src/app.ts').fanOut, file('src/app.ts').fanIn]).toEqual([2, 0]);
    expect([file('lib/util.ts').fanIn, file('src/feature.ts').fanIn]).toEqual([1, 1]);
  });

  it('links ticket keys to commits, files (through renames) and subjects', () => {
    expect(snapshot.tickets).toEqual([
      {
        key: 'PROJ-1',
        commits: [hashes.c1],
        files: expect.arrayContaining(['lib/util.ts', 'src/app.ts', 'README.md']),
        subjects: ['Initial import PROJ-1'],
        bugFix: false,
        firstCommitted: '2020-09-13T12:26:40Z',
        lastCommitted: '2020-09-13T12:26:40Z',
      },
      {
        key: 'PROJ-2',
        commits: [hashes.c3, hashes.c2],
        files: ['lib/util.ts', 'src/app.ts', 'src/feature.ts'],
        subjects: ['fix: halve negative numbers (PROJ-2)', 'Add feature PROJ-2'],
        bugFix: true,
        firstCommitted: '2020-09-14T12:26:40Z',
        lastCommitted: '2020-09-15T12:26:40Z',
      },
    ]);
  });

  it('splits areas at package boundaries', () => {
    expect(snapshot.areas.map((a) => [a.path, a.name, a.kind, a.files])).toEqual([
      ['.', 'demo', 'package', 7],
      ['packages/api', '@demo/api', 'package', 2],
    ]);
    expect(file('packages/api/index.ts').area).toBe('packages/api');
    const root = snapshot.areas[0];
    // Root area revisions: every non-merge commit changing its code (c1 … c5 and the side commit);
    // c6 only replaced the logo. Its code lines leave out the lines of package.json and the README.
    expect(root).toMatchObject({ revisions: 6, authors: 3, bugFixRevisions: 1, hotspotScore: 46, loc: 14 });
  });
});

/** Every pair counts, so the small scripted histories show their coupling. */
