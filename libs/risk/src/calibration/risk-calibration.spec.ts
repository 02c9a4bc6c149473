import { assessRisk } from '../assessment/assess-risk';
import { percentRank } from './positions';
import { calibrateRisk } from './risk-calibration';
import { MIN_REFERENCE_TICKETS } from './risk-reference';
import { complexity, fileFigures, matchOf, snapshotOf } from './snapshot.fixture-spec';

function ticket(key: string, files: string[]) {
  return {
    key,
    commits: [key.toLowerCase()],
    files,
    subjects: [`${key} work`],
    bugFix: false,
    firstCommitted: '2024-01-01T00:00:00Z',
    lastCommitted: '2024-01-01T00:00:00Z',
  };
}

/** 95 quiet files, all alike, and 5 hot ones: the shape real repositories have (hotspots are a few % of files). */
function skewedSnapshot(scale = 1) {
  const files = [];
  for (let i = 0; i < 95; i++)
    files.push(
      fileFigures(`src/quiet/q${i}.ts`, {
        loc: 20 * scale,
        authors: 1,
        recentRevisions: 0,
        complexity: complexity(2),
      }),
    );
  for (let i = 0; i < 5; i++) {
    files.push(
      fileFigures(`src/hot/h${i}.ts`, {
        loc: (500 + 100 * i) * scale,
        authors: 3 + i,
        recentRevisions: 20 + 5 * i,
        complexity: complexity(40 + 10 * i),
      }),
    );
  }
  return snapshotOf({ files });
}

describe('calibrateRisk', () => {
  it('places each code file by the mean of its positions in size, authors, complexity and recent changes', () => {
    const snapshot = snapshotOf({
      files: [
        fileFigures('a.ts', { loc: 10, authors: 1, complexity: complexity(1), recentRevisions: 0 }),
        fileFigures('b.ts', { loc: 20, authors: 1, complexity: complexity(2), recentRevisions: 0 }),
        fileFigures('c.ts', { loc: 30, authors: 1, complexity: complexity(3), recentRevisions: 0 }),
        fileFigures('d.ts', { loc: 40, authors: 4, complexity: complexity(4), recentRevisions: 10 }),
        fileFigures('README.md', { loc: 0, hotspotPercentile: null, language: null }),
      ],
    });
    const calibration = calibrateRisk(snapshot);
    // Shares strictly below: loc 0, ¼, ½, ¾; authors 0, 0, 0, ¾; complexity like loc; recent like authors.
    expect([...calibration.files.values()].map((f) => [f.path, f.dimension])).toEqual([
      ['a.ts', 0],
      ['b.ts', 0.125],
      ['c.ts', 0.25],
      ['d.ts', 0.75],
    ]);
    expect(calibration.codeFiles).toBe(4);
    expect(calibration.files.has('README.md')).toBe(false);
    expect(calibration.reference).toEqual({
      basis: 'changes',
      values: [0, 0.125, 0.25, 0.75],
      cumulative: [0, 1, 2, 3, 4],
      typicalFixRate: 0,
    });
  });

  it('keeps the quiet majority of a skewed repository at the bottom and flags only its hotspots', () => {
    const snapshot = skewedSnapshot();
    const calibration = calibrateRisk(snapshot);
    const levelOf = (path: string) =>
      assessRisk({ match: matchOf([[path, 0.9]]), snapshot, calibration }).level;
    const quiet = snapshot.files.filter((f) => f.path.startsWith('src/quiet/'));
    expect(new Set(quiet.map((f) => calibration.files.get(f.path)?.dimension))).toEqual(new Set([0]));
    expect(new Set(quiet.map((f) => levelOf(f.path)))).toEqual(new Set(['low']));
    const levels = snapshot.files.map((f) => levelOf(f.path));
    expect(levels.filter((l) => l === 'high').length).toBe(5);
    expect(levels.filter((l) => l === 'medium').length).toBe(0);
    expect(levelOf('src/hot/h4.ts')).toBe('high');
  });

  it('gives the same positions whatever the scale of the figures, so one threshold fits every codebase', () => {
    const small = calibrateRisk(skewedSnapshot(1));
    const verbose = calibrateRisk(skewedSnapshot(7));
    expect([...verbose.files.values()].map((f) => f.dimension)).toEqual(
      [...small.files.values()].map((f) => f.dimension),
    );
    expect(verbose.reference.values).toEqual(small.reference.values);
  });

  it('calls nothing high where every file looks alike: every ticket sits in the middle', () => {
    const files = Array.from({ length: 40 }, (_, i) =>
      fileFigures(`src/f${i}.ts`, { loc: 50, authors: 2, recentRevisions: 3, complexity: complexity(5) }),
    );
    const snapshot = snapshotOf({ files });
    const calibration = calibrateRisk(snapshot);
    const a = assessRisk({ match: matchOf([['src/f7.ts', 0.8]]), snapshot, calibration });
    expect([a.level, a.score]).toEqual(['medium', 0.5]);
  });

  it('weights files by the changes they received, a file that took most of the work sitting half-way through its own share', () => {
    // One hot file took 60 of the 100 changes: 40 below it, half of its own 60 → 0.7.
    const files = [
      fileFigures('src/hot.ts', {
        loc: 900,
        authors: 5,
        recentRevisions: 60,
        revisions: 60,
        complexity: complexity(90),
      }),
      ...Array.from({ length: 40 }, (_, i) =>
        fileFigures(`src/f${i}.ts`, { loc: 10 + i, revisions: 1, recentRevisions: 1 }),
      ),
    ];
    const snapshot = snapshotOf({ files });
    const calibration = calibrateRisk(snapshot);
    expect(calibration.reference.basis).toBe('changes');
    expect(calibration.reference.cumulative.at(-1)).toBe(100);
    const hot = assessRisk({ match: matchOf([['src/hot.ts', 0.8]]), snapshot, calibration });
    expect([hot.level, hot.score]).toEqual(['medium', 0.7]);
  });

  it('computes percent ranks with ties split evenly', () => {
    // Weights 1, 2, 3, 4 on values 1, 2, 3, 4.
    const values = [1, 2, 3, 4];
    const cumulative = [0, 1, 3, 6, 10];
    expect([0, 1, 2, 2.5, 3, 4, 5].map((x) => percentRank(values, cumulative, x))).toEqual([
      0, 0.05, 0.2, 0.3, 0.45, 0.8, 1,
    ]);
    expect(percentRank([], [0], 1)).toBe(0);
  });

  it('uses past tickets as the reference once the history names enough of them, ignoring sweeps', () => {
    const snapshot = skewedSnapshot();
    const quietTickets = Array.from({ length: MIN_REFERENCE_TICKETS - 1 }, (_, i) =>
      ticket(`Q-${i}`, [`src/quiet/q${i}.ts`]),
    );
    const sweep = ticket(
      'SWEEP-1',
      snapshot.files.map((f) => f.path),
    );
    const few = calibrateRisk({ ...snapshot, tickets: [...quietTickets, sweep] });
    expect(few.reference.basis).toBe('changes');
    const tickets = [...quietTickets, ticket('H-1', ['src/hot/h0.ts', 'src/quiet/q0.ts']), sweep];
    const enough = calibrateRisk({ ...snapshot, tickets });
    expect(enough.reference.basis).toBe('tickets');
    expect(enough.reference.values.length).toBe(MIN_REFERENCE_TICKETS);
    // 19 quiet tickets at 0 and one mixed ticket below the hottest file: it ranks above all of them.
    const hot = assessRisk({
      match: matchOf([['src/hot/h4.ts', 1]]),
      snapshot: { ...snapshot, tickets },
      calibration: enough,
    });
    expect(hot.score).toBe(1);
  });

  it('counts fixes within the recent window: an old burst of fixes is no concentration now', () => {
    const files = [
      // 40 fixes in three years, 3 of them in the 365 days before the head (2024-06-01).
      { path: 'burst.ts', bugFixRevisions: 40, recentBugFixRevisions: 3, firstSeen: '2021-06-01T00:00:00Z' },
      // 6 fixes, all recent, on a file first seen 180 days before the head: 1 per 30 days.
      { path: 'steady.ts', bugFixRevisions: 6, recentBugFixRevisions: 6, firstSeen: '2023-12-04T00:00:00Z' },
      { path: 'clean.ts', bugFixRevisions: 0, recentBugFixRevisions: 0 },
    ];
    const calibration = calibrateRisk(
      snapshotOf({ files: files.map(({ path, ...figures }) => fileFigures(path, figures)) }),
    );
    expect(calibration.fixWindowDays).toBe(365);
    expect(calibration.files.get('burst.ts')).toMatchObject({ fixes: 3 });
    expect(calibration.files.get('burst.ts')?.fixRate).toBeCloseTo((3 * 30) / 365, 10);
    expect(calibration.files.get('steady.ts')).toMatchObject({ fixes: 6 });
    expect(calibration.files.get('steady.ts')?.fixRate).toBeCloseTo(1, 10);

    // A snapshot made before recent fixes were counted: each file's whole history.
    const legacy = calibrateRisk(
      snapshotOf({
        files: files.map(({ path, recentBugFixRevisions: _, ...figures }) => fileFigures(path, figures)),
      }),
    );
    expect(legacy.fixWindowDays).toBeNull();
    expect(legacy.files.get('burst.ts')).toMatchObject({ fixes: 40 });
    expect(legacy.files.get('burst.ts')?.fixRate).toBeCloseTo((40 * 30) / 1096, 10);
  });

  it('measures fix rates per 30 days of each file’s history, a young file counting as one period', () => {
    const snapshot = snapshotOf({
      files: [
        // 6 fixes over the 180 days before the head: 1 per 30 days.
        fileFigures('old.ts', { bugFixRevisions: 6, firstSeen: '2023-12-04T00:00:00Z' }),
        // 1 fix on a 10-day-old file: counted over 30 days, not 10.
        fileFigures('young.ts', { bugFixRevisions: 1, firstSeen: '2024-05-22T00:00:00Z' }),
        fileFigures('clean.ts', { bugFixRevisions: 0 }),
      ],
    });
    const calibration = calibrateRisk(snapshot);
    expect(calibration.files.get('old.ts')?.fixRate).toBeCloseTo(1, 10);
    expect(calibration.files.get('young.ts')?.fixRate).toBeCloseTo(1, 10);
    expect(calibration.repositoryFixRate).toBeCloseTo(2 / 3, 10);
  });

  it('takes the typical fix rate from the reference: the files its median item touched', () => {
    const files = (quietRevisions: number) => [
      fileFigures('old.ts', { bugFixRevisions: 6, firstSeen: '2023-12-04T00:00:00Z', revisions: 10 }),
      fileFigures('clean.ts', { bugFixRevisions: 0, revisions: quietRevisions }),
    ];
    // Past file changes: 30 to a file without fixes and 10 to one with a fix a month → typically none.
    expect(calibrateRisk(snapshotOf({ files: files(30) })).reference.typicalFixRate).toBe(0);
    expect(calibrateRisk(snapshotOf({ files: files(5) })).reference.typicalFixRate).toBeCloseTo(1, 10);
    // Past tickets: each counts once, at the mean rate of its files.
    const tickets = Array.from({ length: MIN_REFERENCE_TICKETS }, (_, i) =>
      ticket(`T-${i}`, i < 11 ? ['old.ts', 'clean.ts'] : ['clean.ts']),
    );
    const calibration = calibrateRisk(snapshotOf({ files: files(30), tickets }));
    expect(calibration.reference.basis).toBe('tickets');
    expect(calibration.reference.typicalFixRate).toBeCloseTo(0.5, 10);
  });

  it('records the head it was computed for and the analysis window', () => {
    const calibration = calibrateRisk(skewedSnapshot(), { windowDays: 90 });
    expect([calibration.head, calibration.windowDays]).toEqual(['a'.repeat(40), 90]);
    expect(calibrateRisk(skewedSnapshot()).windowDays).toBe(365);
  });
});
