import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import { fileFiguresSchema, snapshotSchema, type RepositorySnapshot } from './snapshot.schema';

const T0 = 1_600_000_000; // 2020-09-13T12:26:40Z
const DAY = 86_400;
const ada = { name: 'Ada', email: 'ada@example.com' };
const bobOld = { name: 'Bob Old', email: 'bob@old.example' };
const bob = { name: 'Bob', email: 'bob@example.com' };
const carol = { name: 'Carol', email: 'carol@example.com' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3]);

/**
 * The scripted history behind the exact figures below: a rename, a merged side branch, a
 * mailmap entry, a co-author, a binary file, a fix, ticket keys and an excluded vendored file.
 */
function buildHistory(repo: FixtureRepo): Record<string, string> {
  const hashes: Record<string, string> = {};
  hashes.c1 = repo.commit({
    message: 'Initial import PROJ-1',
    time: T0,
    author: ada,
    files: {
      '.mailmap': 'Bob <bob@example.com> <bob@old.example>\n',
      'README.md': '# Demo\n',
      'logo.png': PNG,
      'package.json': '{ "name": "demo" }\n',
      'packages/api/package.json': '{ "name": "@demo/api" }\n',
      'packages/api/index.ts': 'export const api = 1;\n',
      'node_modules/x/index.js': 'module.exports = 1;\n',
      'src/app.ts':
        "import { twice } from './util';\nexport const start = () => twice(1);\nexport const name = 'app';\n",
      'src/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => n / 2;\n',
    },
  });
  hashes.c2 = repo.commit({
    message: 'Add feature PROJ-2',
    time: T0 + DAY,
    author: bobOld,
    files: {
      'src/app.ts':
        "import { twice } from './util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\n",
      'src/feature.ts':
        'export function feature(n: number): number {\n  if (n > 1) return n;\n  return 0;\n}\n',
    },
  });
  hashes.c3 = repo.commit({
    message: 'fix: halve negative numbers (PROJ-2)\n\nCo-authored-by: Carol <carol@example.com>\n',
    time: T0 + 2 * DAY,
    author: ada,
    files: {
      'src/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => (n > 0 ? n / 2 : 0);\n',
      'src/feature.ts':
        'export function feature(n: number): number {\n  if (n > 1) return n;\n  return 0;\n}\nexport const flag = true;\n',
    },
  });
  hashes.c4 = repo.commit({
    message: 'Move util to lib',
    time: T0 + 3 * DAY,
    author: bob,
    moves: [['src/util.ts', 'lib/util.ts']],
    files: {
      'src/app.ts':
        "import { twice } from '../lib/util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\n",
    },
  });
  repo.git(['checkout', '-q', '-b', 'side']);
  hashes.side = repo.commit({
    message: 'Side work',
    time: T0 + 4 * DAY,
    author: carol,
    files: {
      'lib/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => (n > 0 ? n / 2 : 0);\nexport const zero = 0;\n',
    },
  });
  repo.git(['checkout', '-q', 'main']);
  hashes.c5 = repo.commit({
    message: 'Tweak app',
    time: T0 + 5 * DAY,
    author: ada,
    files: {
      'src/app.ts':
        "import { twice } from '../lib/util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\nexport const version = 1;\n",
    },
  });
  hashes.merge = repo.merge('side', T0 + 6 * DAY);
  hashes.c6 = repo.commit({
    message: 'Update logo',
    time: T0 + 100 * DAY,
    author: bob,
    files: { 'logo.png': Buffer.concat([PNG, Buffer.from([4, 5, 6])]) },
  });
  return hashes;
}

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
