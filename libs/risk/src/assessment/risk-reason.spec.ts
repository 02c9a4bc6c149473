import { describeDependencyWarning, describeRiskReason, type RiskReason } from './risk-reason';

const fixRate = (over: Partial<Extract<RiskReason, { kind: 'fix-rate' }>>): RiskReason => ({
  kind: 'fix-rate',
  multiple: 1.7,
  rate: 0.426,
  repositoryRate: 0.25,
  typicalRate: 0.3,
  perDays: 30,
  fixes: 12,
  windowDays: 365,
  files: 3,
  supported: true,
  ...over,
});

describe('describeRiskReason', () => {
  it.each<[RiskReason, string]>([
    [
      {
        kind: 'hotspot',
        area: 'services/checkout',
        percentile: 91.4,
        basis: 'tickets',
        file: 'services/checkout/cart.ts',
        filePercentile: 97.2,
        loc: 1240,
        authors: 6,
        recentRevisions: 37,
        windowDays: 365,
      },
      "On size, authors, complexity and recent changes, the matched code in services/checkout ranks above 91% of this repository's past tickets; the file that contributes most is services/checkout/cart.ts (hotspot percentile 97; 1,240 code lines, 6 authors, 37 changes in 365 days).",
    ],
    [
      {
        kind: 'hotspot',
        area: 'src',
        percentile: 59.2,
        basis: 'matched',
        file: 'src/JsonConvert.cs',
        filePercentile: 0,
        loc: 573,
        authors: 12,
        recentRevisions: 0,
        windowDays: 365,
      },
      "On size, authors, complexity and recent changes, the matched code in src ranks above 59% of this repository's past changes; the file that contributes most is src/JsonConvert.cs (573 code lines, 12 authors, 0 changes in 365 days).",
    ],
    [
      fixRate({}),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.30 for the files of its typical change (12 fix commits in the last 365 days on 3 matched files); 1.7× this repository's 30-day fix rate, where follow-up fixes concentrate.",
    ],
    [
      fixRate({ multiple: 4, fixes: 2, supported: false }),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.30 for the files of its typical change (2 fix commits in the last 365 days on 3 matched files); 4.0× this repository's 30-day fix rate, too few fixes to call a concentration.",
    ],
    [
      fixRate({ multiple: 1.1, supported: false }),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.30 for the files of its typical change (12 fix commits in the last 365 days on 3 matched files); 1.1× this repository's 30-day fix rate, close to the average.",
    ],
    [
      fixRate({ typicalRate: 0.5, supported: false }),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.50 for the files of its typical change (12 fix commits in the last 365 days on 3 matched files); 1.7× this repository's 30-day fix rate, less than its typical change meets.",
    ],
    [
      fixRate({ typicalRate: 0.4, supported: false }),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.40 for the files of its typical change (12 fix commits in the last 365 days on 3 matched files); 1.7× this repository's 30-day fix rate, about what its typical change meets.",
    ],
    [
      fixRate({ multiple: 0, rate: 0, fixes: 0, supported: false }),
      'No fix commit has touched the matched files in the last 365 days (this repository averages 0.25 fix commits per file per 30 days).',
    ],
    [
      // A report made on a snapshot whose fixes were counted over the files' whole history.
      fixRate({ windowDays: null }),
      "Fix commits on the matched files: 0.43 per file per 30 days against 0.25 for this repository's average file and 0.30 for the files of its typical change (12 fix commits on 3 matched files); 1.7× this repository's 30-day fix rate, where follow-up fixes concentrate.",
    ],
    [
      {
        kind: 'complexity',
        area: 'src',
        file: 'src/parser.ts',
        percentile: 95.5,
        maxComplexity: 41,
        totalComplexity: 1230,
      },
      "src/parser.ts is more complex than 95% of this repository's code files (most complex function 41, 1,230 in total).",
    ],
    [
      {
        kind: 'complexity',
        area: 'src',
        file: 'src/parser.ts',
        percentile: 99.96,
        maxComplexity: 41,
        totalComplexity: 1230,
      },
      "src/parser.ts is more complex than 99% of this repository's code files (most complex function 41, 1,230 in total).",
    ],
    [
      { kind: 'bug-fix-share', area: 'services/checkout', bugFixRevisions: 15, revisions: 37, share: 0.405 },
      '41% of the changes to services/checkout were bug fixes (15 of 37).',
    ],
    [
      {
        kind: 'bug-fix-share',
        area: 'lib/rubocop/cop/style',
        bugFixRevisions: 1894,
        revisions: 3545,
        share: 0.534,
      },
      '53% of the changes to lib/rubocop/cop/style were bug fixes (1,894 of 3,545).',
    ],
    [
      { kind: 'knowledge-island', area: 'src', file: 'src/sync.ts', ownership: 0.97, contact: null },
      'Knowledge risk: one person wrote 97% of src/sync.ts (bus factor 1); plan a review by someone who knows it.',
    ],
    [
      {
        kind: 'knowledge-loss',
        area: 'src',
        file: 'src/sync.ts',
        ownership: 0.98,
        expert: 'Ada Lovelace',
        lastCommit: '2025-03-02',
      },
      'Knowledge risk: Ada Lovelace wrote 98% of src/sync.ts and has not committed since 2025-03-02; nobody active knows it well, so plan time to learn it and a careful review.',
    ],
    [
      { kind: 'fan-in', target: 'libs/payments', targetKind: 'area', fanIn: 14, percentile: 96 },
      "14 other areas import libs/payments: a change there can reach all of them (blast radius; more importers than 96% of this repository's areas).",
    ],
    [
      // The most imported file, measured against the others: never "more than 100%".
      { kind: 'fan-in', target: 'types/index.d.ts', targetKind: 'file', fanIn: 224, percentile: 100 },
      "224 files import types/index.d.ts: a change there can reach all of them (blast radius; more importers than 99% of this repository's files).",
    ],
    [
      { kind: 'fan-in', target: 'src/db.ts', targetKind: 'file', fanIn: 1, percentile: null },
      '1 file imports src/db.ts: a change there can reach it (blast radius).',
    ],
    [
      // Go, C# and Swift import packages, namespaces and modules, not files.
      { kind: 'fan-in', target: 'api/queries_pr.go', targetKind: 'file', fanIn: 178, percentile: 95 },
      "178 files import the package that holds api/queries_pr.go: a change there can reach all of them (blast radius; more importers than 95% of this repository's files).",
    ],
    [
      { kind: 'fan-in', target: 'src/Shop/Cart.cs', targetKind: 'file', fanIn: 3, percentile: null },
      '3 files import the namespace that holds src/Shop/Cart.cs: a change there can reach all of them (blast radius).',
    ],
    [
      { kind: 'low-confidence', confidence: 0.21, minConfidence: 0.3, heldAt: 'medium' },
      'The match is uncertain (confidence 0.21, below 0.30): the level is held at medium until the areas are confirmed.',
    ],
    [
      {
        kind: 'other-work',
        share: 0.62,
        examples: [
          { title: '', files: ['.github/workflows/ci.yml', 'Dockerfile', 'tox.ini'] },
          { title: 'Run CI on 3.12', files: ['tox.ini'] },
        ],
      },
      'Most of the past work most like this ticket changed no source file (62% of the similarity; e.g. .github/workflows/ci.yml, Dockerfile, …): it may be documentation, CI or build work rather than a code change.',
    ],
    [
      { kind: 'no-match', why: 'no-signal' },
      "No code matched: nothing in the repository's code matches the ticket.",
    ],
    [
      { kind: 'no-figures', files: ['a.md', 'b.md'] },
      'The matched files (a.md, b.md) have no code figures in this snapshot, so no level can be derived from them.',
    ],
  ])('says %j in one sentence with its figures', (reason, sentence) => {
    expect(describeRiskReason(reason)).toBe(sentence);
  });

  it('says a dependency warning as what to plan for', () => {
    expect(
      describeDependencyWarning({
        kind: 'change-coupling',
        area: 'libs/payments',
        coupledWith: 'services/checkout',
        degree: 62,
        shared: 9,
        basis: 'files',
      }),
    ).toBe(
      'Also plan for libs/payments: it changes together with services/checkout in 62% of commits to their files (9 shared commits).',
    );
  });

  it('names the root area as the root in every sentence', () => {
    expect(
      describeDependencyWarning({
        kind: 'change-coupling',
        area: '.',
        coupledWith: 'src',
        degree: 40,
        shared: 7,
        basis: 'areas',
      }),
    ).toBe(
      'Also plan for the repository root: it changes together with src in 40% of commits (7 shared commits).',
    );
    expect(
      describeRiskReason({ kind: 'bug-fix-share', area: '.', bugFixRevisions: 3, revisions: 10, share: 0.3 }),
    ).toBe('30% of the changes to the repository root were bug fixes (3 of 10).');
    expect(
      describeRiskReason({ kind: 'fan-in', target: '.', targetKind: 'area', fanIn: 2, percentile: null }),
    ).toMatch(/^2 other areas import the repository root:/);
  });
});
