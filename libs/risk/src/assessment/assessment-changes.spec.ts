import { describeRiskChanges, type RiskSummary } from './assessment-changes';
import type { RiskReason } from './risk-reason';

const hotspot = (overrides: Partial<Extract<RiskReason, { kind: 'hotspot' }>> = {}): RiskReason => ({
  kind: 'hotspot',
  area: 'packages/billing',
  percentile: 60,
  basis: 'matched',
  file: 'packages/billing/src/invoice.ts',
  filePercentile: 70,
  loc: 400,
  authors: 3,
  recentRevisions: 3,
  windowDays: 90,
  ...overrides,
});

const summary = (
  level: RiskSummary['level'],
  reasons: RiskReason[],
  warnings: string[] = [],
): RiskSummary => ({
  level,
  repositories: [
    {
      repositoryId: 'r1',
      repositoryName: 'shop',
      reasons,
      dependencyWarnings: warnings.map((area) => ({
        kind: 'change-coupling',
        area,
        coupledWith: 'packages/billing',
        degree: 60,
        shared: 6,
        basis: 'areas',
      })),
    },
  ],
});

describe('describeRiskChanges', () => {
  it('says nothing when the figures drifted less than the material thresholds', () => {
    const before = summary('medium', [hotspot()]);
    const after = summary('medium', [hotspot({ recentRevisions: 4, authors: 4, loc: 430, percentile: 70 })]);
    expect(describeRiskChanges(before, after)).toEqual([]);
  });

  it('names the level change and the figure that made the area a hotspot', () => {
    const before = summary('medium', [hotspot()]);
    const after = summary('high', [hotspot({ recentRevisions: 12, percentile: 95 })]);
    expect(describeRiskChanges(before, after)).toEqual([
      'Risk level rose from medium to high.',
      'Now a hotspot: 12 changes in the last 90 days (was 3) in packages/billing.',
    ]);
  });

  it('reports a calmer area when the level falls back', () => {
    const before = summary('high', [hotspot({ recentRevisions: 12, percentile: 95 })]);
    const after = summary('medium', [hotspot({ recentRevisions: 1, percentile: 55 })]);
    expect(describeRiskChanges(before, after)).toEqual([
      'Risk level fell from high to medium.',
      'packages/billing: 1 change in the last 90 days (was 12).',
    ]);
  });

  it('falls back to the percentile when no single figure moved enough', () => {
    const before = summary('low', [hotspot({ percentile: 40 })]);
    const after = summary('low', [hotspot({ percentile: 58 })]);
    expect(describeRiskChanges(before, after)).toEqual([
      "packages/billing now ranks above 58% of this repository's past changes (was 40%).",
    ]);
  });

  it('names reasons that appeared and disappeared, and new dependency warnings', () => {
    const island: RiskReason = {
      kind: 'knowledge-island',
      area: 'packages/billing',
      file: 'packages/billing/src/invoice.ts',
      ownership: 0.86,
      contact: null,
    };
    const fanIn: RiskReason = {
      kind: 'fan-in',
      target: 'packages/billing',
      targetKind: 'area',
      fanIn: 4,
      percentile: 80,
    };
    const before = summary('medium', [hotspot(), island]);
    const after = summary('medium', [hotspot(), fanIn], ['packages/ledger']);
    expect(describeRiskChanges(before, after)).toEqual([
      'packages/billing is now imported by 4 other areas.',
      'packages/billing/src/invoice.ts is no longer a knowledge island: more people have worked on it.',
      'New: also plan for packages/ledger, which now changes together with packages/billing.',
    ]);
  });

  it('says when the only expert stopped committing, not that the file stopped being an island', () => {
    const island: RiskReason = {
      kind: 'knowledge-island',
      area: 'packages/billing',
      file: 'packages/billing/src/invoice.ts',
      ownership: 0.97,
      contact: 'Ada Lovelace',
    };
    const loss: RiskReason = {
      kind: 'knowledge-loss',
      area: 'packages/billing',
      file: 'packages/billing/src/invoice.ts',
      ownership: 0.97,
      expert: 'Ada Lovelace',
      lastCommit: '2026-03-01',
    };
    expect(
      describeRiskChanges(summary('medium', [hotspot(), island]), summary('medium', [hotspot(), loss])),
    ).toEqual([
      'The person who wrote 97% of packages/billing/src/invoice.ts has stopped committing (last commit 2026-03-01): nobody active knows it well.',
    ]);
    expect(
      describeRiskChanges(summary('medium', [hotspot(), loss]), summary('medium', [hotspot(), island])),
    ).toEqual(['Someone who knows packages/billing/src/invoice.ts is committing again.']);
  });

  it('says when the best-matched area moved, and when fixes start to concentrate', () => {
    const fix = (supported: boolean): RiskReason => ({
      kind: 'fix-rate',
      multiple: 2.14,
      rate: 0.3,
      repositoryRate: 0.14,
      typicalRate: 0.2,
      perDays: 30,
      fixes: 9,
      files: 2,
      supported,
    });
    const before = summary('medium', [hotspot(), fix(false)]);
    const after = summary('medium', [hotspot({ area: 'packages/ledger' }), fix(true)]);
    expect(describeRiskChanges(before, after)).toEqual([
      'The best-matched area is now packages/ledger (was packages/billing).',
      "Follow-up fixes now concentrate here: 2.1× this repository's 30-day fix rate.",
    ]);
  });

  it('names the root area as the root, as every reason does', () => {
    const before = summary('medium', [hotspot({ area: '.' })]);
    const after = summary('high', [hotspot({ area: '.', recentRevisions: 12, percentile: 95 })]);
    expect(describeRiskChanges(before, after)).toContain(
      'Now a hotspot: 12 changes in the last 90 days (was 3) in the repository root.',
    );
    expect(describeRiskChanges(summary('medium', [hotspot()]), before)).toContain(
      'The best-matched area is now the repository root (was packages/billing).',
    );
  });

  it('prefixes lines with the repository when several are assessed', () => {
    const two = (recent: number): RiskSummary => ({
      level: 'medium',
      repositories: ['api', 'web'].map((name) => ({
        repositoryId: name,
        repositoryName: name,
        reasons: [hotspot({ recentRevisions: name === 'web' ? recent : 3 })],
        dependencyWarnings: [],
      })),
    });
    expect(describeRiskChanges(two(3), two(9))).toEqual([
      'web: packages/billing: 9 changes in the last 90 days (was 3).',
    ]);
  });
});
