import {
  buildEvalSet,
  buildOtherWorkSet,
  cleanQuery,
  CutPaths,
  defaultCutIndex,
  newerCutIndices,
  goldFiles,
  HistoryCommit,
  isQualifying,
} from './eval-set';

const commit = (over: Partial<HistoryCommit>): HistoryCommit => ({
  hash: 'h',
  time: 0,
  subject: 'work',
  fix: false,
  tickets: [],
  files: [],
  ...over,
});

describe('cleanQuery', () => {
  it.each([
    [
      'fix(context): skip chmod on pre-existing dirs in SaveUploadedFile (#4702)',
      'skip chmod on pre-existing dirs in SaveUploadedFile',
    ],
    ['feat!: drop node 16', 'drop node 16'],
    ['(wasm) fix: set the Content-Type of a request body', 'set the Content-Type of a request body'],
    ['[FIXED] Reconnect after a lost JetStream consumer', 'Reconnect after a lost JetStream consumer'],
    ['[IMPROVED]: faster KeyValue watchers (#1302)', 'faster KeyValue watchers'],
    ['[fix dist] Remove a bunch of dependencies', 'Remove a bunch of dependencies'],
    ['[tiny] eslint auto-fix', 'eslint auto-fix'],
    [
      '[PR #12082/830b9421 backport][3.13] Fix ValueError with ClientTimeout(total=0)',
      'Fix ValueError with ClientTimeout(total=0)',
    ],
    ['[3.12] Adapt str.find to Argument Clinic (GH-117432)', 'Adapt str.find to Argument Clinic'],
    ['[docs] explain retries', '[docs] explain retries'],
    ['[LANG-1234] StringUtils.join ignores nulls', 'StringUtils.join ignores nulls'],
    ['LANG-12: fix(core): handle empty input', 'handle empty input'],
    ['[COLLECTIONS-510] Fix MultiValueMap.putAll', 'Fix MultiValueMap.putAll'],
    [
      'Fix CharRange.contains(CharRange) for negated ranges (#1775).',
      'Fix CharRange.contains(CharRange) for negated ranges',
    ],
    ['Revert "feat(router): add trailing slash redirect"', 'add trailing slash redirect'],
    ['Revert "Start observer first.  This should fix #621"', 'Start observer first'],
    ['Reverts removing the to_xxx_methods()', 'Reverts removing the to_xxx_methods()'],
    ['Merge branch fixes, closes #12 and #13', 'Merge branch fixes'],
    ['Fixed comparison to None warning (closes issue #64).', 'Fixed comparison to None warning'],
    ['Fix #4 (Thanks to murphy)', 'Fix (Thanks to murphy)'],
    // A CI directive steers the build, it says nothing about the change.
    ['Remove win-gem-test files and directory [ci skip]', 'Remove win-gem-test files and directory'],
    ['[skip ci] docs: fix the typo in Router', 'fix the typo in Router'],
    ['document inherited attributes, closes #1398 [ci skip]', 'document inherited attributes'],
    ['Only set memory/CPU limits on run (fix #7159)', 'Only set memory/CPU limits on run'],
    ['Document side effect of HTTP/3 early data (Closes #6936)', 'Document side effect of HTTP/3 early data'],
    // Names of standards are words of the title, not ticket keys.
    [
      '[LANG-1577] Fix UTF-8 and ISO-8859-1 decoding in CharEncoding',
      'Fix UTF-8 and ISO-8859-1 decoding in CharEncoding',
    ],
    ['Support cross domain long polling on IE8-9', 'Support cross domain long polling on IE8-9'],
    // A key-like part of a dated toolchain name is no key either.
    [
      'Add Swift 3 swift-DEVELOPMENT-SNAPSHOT-2016-05-09 compatibility',
      'Add Swift 3 swift-DEVELOPMENT-SNAPSHOT-2016-05-09 compatibility',
    ],
  ])('%s → %s', (subject, query) => {
    expect(cleanQuery(subject)).toBe(query);
  });
});

describe('isQualifying', () => {
  it('accepts fixes, ticket keys and #numbers, nothing else', () => {
    expect(isQualifying(commit({ fix: true }))).toBe(true);
    expect(isQualifying(commit({ tickets: ['ENG-1'] }))).toBe(true);
    expect(isQualifying(commit({ subject: 'add router groups (#45)' }))).toBe(true);
    expect(isQualifying(commit({ subject: 'bump version to 2.0' }))).toBe(false);
    expect(isQualifying(commit({ subject: 'use C# naming' }))).toBe(false);
  });
});

describe('goldFiles', () => {
  it('keeps changed source files that existed at the cut, not tests, docs or new files', () => {
    const c = commit({ files: ['src/a.ts', 'src/a.spec.ts', 'README.md', 'src/new.ts', 'src/a.ts'] });
    expect(goldFiles(c, new CutPaths((p) => p !== 'src/new.ts'))).toEqual(['src/a.ts']);
  });
});

describe('buildEvalSet', () => {
  const exists = () => true;

  it('turns qualifying commits into queries, oldest first, up to the limit', () => {
    const after = [
      commit({ hash: '1', time: 1, subject: 'fix: a breaks', fix: true, files: ['src/a.ts'] }),
      commit({ hash: '2', time: 2, subject: 'chore: tidy', files: ['src/b.ts'] }),
      commit({ hash: '3', time: 3, subject: 'fix: tests only', fix: true, files: ['test/a.test.ts'] }),
      commit({
        hash: '4',
        time: 4,
        subject: 'ENG-9 speed up b',
        tickets: ['ENG-9'],
        files: ['src/b.ts', 'src/c.ts'],
      }),
      commit({ hash: '5', time: 5, subject: 'fix: c', fix: true, files: ['src/c.ts'] }),
    ];
    expect(buildEvalSet(after, exists, { limit: 2, maxGoldFiles: 30 })).toEqual([
      { id: '1', query: 'a breaks', gold: ['src/a.ts'], changed: ['src/a.ts'], time: 1 },
      {
        id: '4',
        query: 'speed up b',
        gold: ['src/b.ts', 'src/c.ts'],
        changed: ['src/b.ts', 'src/c.ts'],
        time: 4,
      },
    ]);
  });

  it('asks a change a backport bot copied to another branch once', () => {
    const after = [
      commit({ hash: '1', subject: 'Fix multipart injection (#11950)', fix: true, files: ['src/a.ts'] }),
      commit({
        hash: '2',
        subject: '[PR #11950/1ab2 backport][3.13] Fix multipart injection (#11951)',
        fix: true,
        files: ['src/a.ts'],
      }),
      commit({ hash: '3', subject: 'Fix multipart injection', fix: true, files: ['src/b.ts'] }),
      commit({ hash: '4', subject: 'Fix multipart injection', fix: true, files: ['src/a.ts'] }),
    ];
    expect(buildEvalSet(after, exists).map((q) => q.id)).toEqual(['1', '3', '4']);
  });

  it('skips a subject left with no word the matcher reads ("Fixes #812")', () => {
    const after = [
      commit({ hash: '1', subject: 'Fixes #812', tickets: [], files: ['src/a.ts'] }),
      commit({ hash: '2', subject: 'Fixed', fix: true, files: ['src/a.ts'] }),
      commit({ hash: '3', subject: 'Fixes #813 cart total', files: ['src/a.ts'] }),
    ];
    expect(buildEvalSet(after, exists).map((q) => q.query)).toEqual(['Fixes cart total']);
  });

  it('skips a release: a subject that is only a version names no change', () => {
    const after = [
      commit({ hash: '1', subject: 'v7.0.0 (#3722)', files: ['lib/puma/const.rb'] }),
      commit({ hash: '2', subject: 'Release v8.0.1 (#3801)', files: ['lib/puma/const.rb'] }),
      commit({ hash: '3', subject: 'chore(release): v1.7.0-beta.2 (#6412)', files: ['lib/env/data.js'] }),
      commit({ hash: '4', subject: 'bump to v1.7.1 (#2712)', files: ['version.go'] }),
      commit({ hash: '5', subject: 'release version 0.15.1', fix: true, files: ['src/__init__.py'] }),
      commit({ hash: '5a', subject: 'release v1.8.1 version (#3)', files: ['version.go'] }),
      commit({ hash: '5b', subject: 'Release/v0.22.0 (#4)', files: ['lib/env/data.js'] }),
      commit({ hash: '5c', subject: 'bump main to 4.18.1 (#5)', files: ['lodash.js'] }),
      commit({ hash: '5d', subject: '6.4.0 [ci skip] (#6)', files: ['lib/puma/const.rb'] }),
      commit({ hash: '6', subject: 'Fix v2 release notes link (#90)', files: ['src/a.ts'] }),
      commit({ hash: '7', subject: 'Support TLS 1.3 (#91)', files: ['src/a.ts'] }),
    ];
    expect(buildEvalSet(after, exists).map((q) => q.query)).toEqual([
      'Fix v2 release notes link',
      'Support TLS 1.3',
    ]);
  });

  it("skips a formatting bot's fixes: no one filed a ticket for them", () => {
    const after = [
      commit({
        hash: '1',
        subject: '[pre-commit.ci] auto fixes from pre-commit.com hooks',
        fix: true,
        files: ['src/a.py'],
      }),
      commit({
        hash: '2',
        subject: '[pre-commit.ci lite] apply automatic fixes',
        fix: true,
        files: ['src/a.py'],
      }),
      commit({ hash: '3', subject: '[autofix.ci] apply automated fixes', fix: true, files: ['src/a.ts'] }),
      commit({ hash: '4', subject: '[CI] fix flaky upload test', fix: true, files: ['src/a.ts'] }),
    ];
    expect(buildEvalSet(after, exists).map((q) => q.query)).toEqual(['[CI] fix flaky upload test']);
  });

  it("skips the revert of a merge: what it leaves is a merge's subject, no ticket's title", () => {
    const after = [
      commit({ hash: '1', subject: 'Revert "Merge branch \'10.5\'"', fix: true, files: ['src/a.ts'] }),
      commit({
        hash: '2',
        subject: 'Revert "Merge pull request #12 from a/b"',
        fix: true,
        files: ['src/a.ts'],
      }),
      commit({
        hash: '3',
        subject: 'Revert "Merge cart totals into the order"',
        fix: true,
        files: ['src/a.ts'],
      }),
    ];
    expect(buildEvalSet(after, exists).map((q) => q.query)).toEqual(['Merge cart totals into the order']);
  });

  it('names a file moved after the cut by its path at the cut, and the commit by its own', () => {
    const atCut = new Set(['lib/a.dart', 'lib/b.dart']);
    const after = [
      // a move in a commit that is no query still counts
      commit({
        hash: '1',
        subject: 'restructure into packages',
        files: ['lib/a.dart', 'pkgs/http/lib/a.dart'],
        renames: [['lib/a.dart', 'pkgs/http/lib/a.dart']],
      }),
      commit({ hash: '2', subject: 'fix: a drops headers', fix: true, files: ['pkgs/http/lib/a.dart'] }),
      // moved again, and a new file where the old one was is no file of the cut
      commit({
        hash: '3',
        subject: 'fix: move a and add a stub (#12)',
        fix: true,
        files: ['pkgs/http/lib/a.dart', 'pkgs/http/lib/src/a.dart', 'lib/a.dart'],
        renames: [['pkgs/http/lib/a.dart', 'pkgs/http/lib/src/a.dart']],
      }),
      commit({ hash: '4', subject: 'fix: stub only', fix: true, files: ['lib/a.dart'] }),
    ];
    expect(buildEvalSet(after, (p) => atCut.has(p), { limit: 10, maxGoldFiles: 30 })).toEqual([
      { id: '2', query: 'a drops headers', gold: ['lib/a.dart'], changed: ['pkgs/http/lib/a.dart'], time: 0 },
      {
        id: '3',
        query: 'move a and add a stub',
        gold: ['lib/a.dart'],
        changed: ['pkgs/http/lib/src/a.dart'],
        time: 0,
      },
    ]);
  });

  it('skips sweeping commits and subjects that are only a ticket key', () => {
    const wide = Array.from({ length: 31 }, (_, i) => `src/f${i}.ts`);
    const after = [
      commit({ hash: '1', subject: 'fix: reformat everything', fix: true, files: wide }),
      commit({ hash: '2', subject: 'ENG-3', tickets: ['ENG-3'], files: ['src/a.ts'] }),
    ];
    expect(buildEvalSet(after, exists, { limit: 10, maxGoldFiles: 30 })).toEqual([]);
  });
});

describe('newerCutIndices', () => {
  const history = Array.from({ length: 20 }, (_, i) => ({ hash: String(i) }));

  it('moves a quarter of the way to the newest commit on each try', () => {
    expect(newerCutIndices(16, () => true, history)).toEqual([12, 8, 4]);
  });

  it('takes the own commit nearest each point, past an imported history', () => {
    // 5–14 came in with an imported history.
    const own = (hash: string) => Number(hash) < 5 || Number(hash) > 14;
    expect(newerCutIndices(16, own, history)).toEqual([15, 4, 3]);
    expect(newerCutIndices(1, () => true, history)).toEqual([]);
  });
});

describe('defaultCutIndex', () => {
  const history = Array.from({ length: 20 }, (_, i) =>
    commit({
      hash: String(i),
      subject: i % 2 ? 'fix: thing' : 'work',
      fix: i % 2 === 1,
      files: ['src/a.ts'],
    }),
  );

  it('cuts just before the limit-th newest qualifying commit', () => {
    // Newest first: qualifying commits sit at 1, 3, 5; the third is at 5, so the cut is 6.
    expect(defaultCutIndex(history, 3, 30)).toBe(6);
  });

  it('never cuts off more than half of the history', () => {
    expect(defaultCutIndex(history, 100, 30)).toBe(9);
  });

  it('moves the cut past a history merged in from another repository', () => {
    // 6 and 7 came in with an imported history; 8 is the project's own next older commit.
    const own = (hash: string) => hash !== '6' && hash !== '7';
    expect(defaultCutIndex(history, 3, 30, own)).toBe(8);
  });

  it("keeps the counted cut when no older commit is the project's own", () => {
    expect(defaultCutIndex(history, 3, 30, () => false)).toBe(6);
  });
});

describe('buildOtherWorkSet', () => {
  it('takes ticket-like commits that changed documentation, CI or build files and no code', () => {
    const set = buildOtherWorkSet(
      [
        commit({ hash: 'docs', subject: 'Document retries (#12)', files: ['docs/retries.md'] }),
        commit({
          hash: 'ci',
          subject: 'fix: run CI on Node 22',
          fix: true,
          files: ['.github/workflows/ci.yml'],
        }),
        commit({ hash: 'code', subject: 'Fix retries (#13)', files: ['src/retry.ts', 'docs/retries.md'] }),
        commit({ hash: 'tests', subject: 'Cover retries (#14)', files: ['test/retry.spec.ts', 'docs/a.md'] }),
        commit({ hash: 'changelog', subject: 'Note retries (#15)', files: ['CHANGELOG.md'] }),
        commit({ hash: 'plain', subject: 'Reword the README', files: ['README.md'] }),
        commit({ hash: 'release', subject: 'v1.2.0 (#16)', files: ['package.json'] }),
      ],
      10,
    );
    expect(set).toEqual([
      { id: 'docs', query: 'Document retries' },
      { id: 'ci', query: 'run CI on Node 22' },
    ]);
    expect(buildOtherWorkSet([commit({ hash: 'a', subject: 'Docs (#1)', files: ['a.md'] })], 0)).toEqual([]);
  });
});
