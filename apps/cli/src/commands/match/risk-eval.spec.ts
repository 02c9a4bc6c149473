import { analyseRepository, type AnalysisResult } from '@sightline/analysis';
import { buildRiskHistory, type FixtureRepo } from '@sightline/testing';
import { renderEvalReport } from './eval-report';
import { runEvaluation } from './eval-runner';

// The real analysis, watched: which parsed files each refreshed snapshot is offered.
jest.mock('@sightline/analysis', () => {
  const actual = jest.requireActual<typeof import('@sightline/analysis')>('@sightline/analysis');
  return { ...actual, analyseRepository: jest.fn(actual.analyseRepository) };
});

const io = { stdout: { write: () => true }, stderr: { write: () => true } };

describe('sightline eval --risk: each ticket assessed on a snapshot from before it', () => {
  let repo: FixtureRepo;
  let cut: string;
  beforeAll(() => {
    // The base history ends with CORE-48; the label burst (16 commits, two days apart), the label
    // simplification a day later, and sixty weekly core tickets follow it.
    repo = buildRiskHistory('calm');
    cut = repo.git(['log', '--format=%H', '-1', '--grep=^CORE-48 ']).trim();
  });
  afterAll(() => repo.dispose());

  it('refreshes the snapshot when a ticket comes more than 90 days after the last one', async () => {
    const report = await runEvaluation(repo.path, { cut, limit: 300, maxGoldFiles: 30, risk: true }, io);
    const risk = report.risk!;
    // Days after the cut: burst 2..32, simplification 33, core tickets 33 + 7k (k = 1..60).
    // Refreshed at the first ticket more than 90 days after the previous refresh: k = 9 (day 96),
    // 22 (187), 35 (278), 48 (369); day 453 is not more than 90 days after 369.
    expect(report.queries).toBe(77);
    expect(risk.refreshDays).toBe(90);
    expect(risk.snapshots).toBe(5);
    // The last 30 days (core tickets k = 56..60, days 425..453) have no outcome yet.
    expect(risk.dropped).toBe(5);
    expect(risk.tickets).toBe(72);
    const { low, medium, high } = risk.laterFixesByLevel;
    expect(low + medium + high).toBe(risk.positives);
    const text = renderEvalReport(report);
    expect(text).toContain(
      'assessed on 5 snapshots (the cut, refreshed when a ticket came more than 90 days after the last)',
    );
    const rate = (level: 'low' | 'medium' | 'high') =>
      risk.levels[level] > 0
        ? `${level} ${risk.levels[level]} (${((100 * risk.laterFixesByLevel[level]) / risk.levels[level]).toFixed(0)}% later fix)`
        : `${level} 0`;
    expect(text).toContain(`levels: ${rate('high')}, ${rate('medium')}, ${rate('low')}`);
    expect(risk.fixClaimHeldOn).toBeLessThanOrEqual(risk.snapshots);
    expect(text).toMatch(
      new RegExp(
        ` {2}"follow-up fixes concentrate here": (said of no ticket|said of \\d+ tickets, \\d+% later fix.*); it held on the history of ${risk.fixClaimHeldOn} of the 5 snapshots`,
      ),
    );
    expect(report.perQuery).toBeUndefined();
    expect(JSON.stringify(risk)).not.toContain('laterFixes"');
  }, 120_000);

  it('offers each refreshed snapshot the files the snapshot before it parsed', async () => {
    const analyse = jest.mocked(analyseRepository);
    analyse.mockClear();
    await runEvaluation(repo.path, { cut, limit: 300, maxGoldFiles: 30, risk: true }, io);
    const refreshes = analyse.mock.calls.flatMap(([, options, , extras], i) =>
      options?.rev?.endsWith('^') ? [{ extras, i }] : [],
    );
    expect(refreshes).toHaveLength(4);
    for (let r = 1; r < refreshes.length; r++) {
      const before = (await analyse.mock.results[refreshes[r - 1].i].value) as AnalysisResult;
      const offered = refreshes[r].extras?.previous?.blobs;
      const parsedBefore = [...before.cache.blobs.keys()];
      expect(parsedBefore.length).toBeGreaterThan(0);
      expect(parsedBefore.filter((key) => !offered?.has(key))).toEqual([]);
    }
  }, 120_000);

  it('with --per-query, gives every query its level and whether a fix followed it', async () => {
    const report = await runEvaluation(
      repo.path,
      { cut, limit: 300, maxGoldFiles: 30, risk: true, perQuery: true },
      io,
    );
    const risks = (report.perQuery ?? []).map((q) => q.risk!);
    expect(risks).toHaveLength(77);
    const judged = risks.filter((r) => r.laterFix !== null);
    expect(judged).toHaveLength(report.risk!.tickets);
    expect(judged.filter((r) => r.laterFix)).toHaveLength(report.risk!.positives);
    for (const level of ['low', 'medium', 'high'] as const) {
      expect(judged.filter((r) => r.level === level)).toHaveLength(report.risk!.levels[level]);
      expect(judged.filter((r) => r.level === level && r.laterFix)).toHaveLength(
        report.risk!.laterFixesByLevel[level],
      );
    }
    // The claim "follow-up fixes concentrate here" is counted over the same judged tickets.
    expect(judged.filter((r) => r.fixClaim)).toHaveLength(report.risk!.fixClaims.tickets);
    expect(judged.filter((r) => r.fixClaim && r.laterFix)).toHaveLength(report.risk!.fixClaims.followedByFix);
    // The newest five (no 30 days after them) are listed, unjudged.
    expect(risks.slice(-5).every((r) => r.laterFix === null)).toBe(true);
  }, 120_000);
});
