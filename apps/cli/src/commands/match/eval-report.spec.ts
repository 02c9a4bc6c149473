import type { RankMetrics } from '@sightline/matching';
import { renderEvalReport } from './eval-report';
import type { EvalQueryResult, EvalReport } from './eval-runner';

const metrics: RankMetrics = { queries: 4, top1: 0.25, top5: 0.5, top10: 0.5, mrr: 0.4, map: 0.4 };

function reportWith(perQuery: EvalQueryResult[]): EvalReport {
  return {
    repository: '/repo',
    head: 'a'.repeat(40),
    cut: { rev: 'b'.repeat(40), time: '2024-01-01T00:00:00Z', chosenBy: 'default' },
    commitsAfterCut: 10,
    queries: perQuery.length,
    indexedFiles: 20,
    sightline: metrics,
    baselines: { plain: metrics, tokenized: metrics },
    calibration: [],
    otherWork: { queries: 0, meanConfidence: 0, atOrAbove: 0, threshold: 0.3 },
    perQuery,
    millis: { headAnalysis: 1, cutIndex: 1, queries: 1 },
  };
}

const query = (id: string, rank: number, baselineRank: number): EvalQueryResult => ({
  id: id.repeat(40),
  query: `query ${id}`,
  gold: [`src/${id}.ts`],
  rank,
  baselineRank,
  confidence: 0.5,
  top: rank === 0 ? [] : ['src/other.ts'],
});

describe('the per-query part of the eval report', () => {
  it('counts what each method alone finds and lists misses, those BM25 found first', () => {
    const text = renderEvalReport(
      reportWith([query('1', 1, 0), query('2', 0, 0), query('3', 14, 3), query('4', 2, 2)]),
    );
    expect(text).toContain(
      'Per query: Sightline has a changed file in its top 10 for 2 of 4; 1 of those plain BM25 misses, and BM25 finds 1 that Sightline misses.',
    );
    const listed = text.split('\n').filter((line) => line.startsWith('  ') && line.includes('"query'));
    expect(listed.map((line) => line.trim().slice(0, 3))).toEqual(['333', '222']);
    expect(text).toContain('Sightline #14 (confidence 0.50; ranked src/other.ts), plain BM25 #3');
    expect(text).toContain('Sightline not ranked (confidence 0.50; ranked nothing), plain BM25 not ranked');
  });
});

describe('the comparison line of the eval report', () => {
  const none: RankMetrics = { queries: 2, top1: 0, top5: 0, top10: 0, mrr: 0, map: 0 };

  it('gives the MRR ratio when plain BM25 found something', () => {
    expect(renderEvalReport(reportWith([]))).toContain(
      'Sightline vs plain BM25: Top-5 +0.0 points, MRR ×1.00',
    );
  });

  it('gives no ratio when plain BM25 ranked no answer at all', () => {
    const neither = renderEvalReport({
      ...reportWith([]),
      sightline: none,
      baselines: { plain: none, tokenized: none },
    });
    expect(neither).toContain('Sightline vs plain BM25: Top-5 +0.0 points; neither ranked an answer');
    expect(neither).not.toContain('∞');
    const onlySightline = renderEvalReport({
      ...reportWith([]),
      baselines: { plain: none, tokenized: none },
    });
    expect(onlySightline).toContain(
      'Sightline vs plain BM25: Top-5 +50.0 points; plain BM25 ranked no answer',
    );
  });
});

describe('the risk part of the eval report', () => {
  it('gives the reason and the counts per level when risk cannot be measured', () => {
    const text = renderEvalReport({
      ...reportWith([]),
      risk: {
        insufficient:
          'too few of each outcome to evaluate: 1 of 40 ticket-like changes was followed by a fix',
        horizonDays: 30,
        tickets: 40,
        dropped: 2,
        positives: 1,
        baseRate: 0.025,
        levels: { low: 20, medium: 12, high: 8 },
        laterFixesByLevel: { low: 0, medium: 1, high: 0 },
        fixClaims: { tickets: 5, followedByFix: 0 },
        score: null,
        highVsRest: null,
        baseline: null,
        liftTopThird: null,
        changeSize: null,
        snapshots: 3,
        fixClaimHeldOn: 2,
        refreshDays: 90,
      },
    });
    expect(text).toContain(
      'Risk: not measured — too few of each outcome to evaluate: 1 of 40 ticket-like changes was followed by a fix\n' +
        '  40 tickets (2 too recent to judge), 1 followed by a fix (3%); levels: high 8 (0% later fix), medium 12 (8% later fix), low 20 (0% later fix)',
    );
    expect(text).not.toContain('AUC');
  });
});

describe('the other-work line of the eval report', () => {
  it('says how confident the matcher was on tickets that changed no source file', () => {
    const text = renderEvalReport({
      ...reportWith([]),
      otherWork: { queries: 12, meanConfidence: 0.3125, atOrAbove: 5 / 12, threshold: 0.3 },
    });
    expect(text).toContain(
      'and 12 queries that changed no source file (documentation, CI, build; no right file to find): mean confidence 0.31, 42% at or above 0.30',
    );
  });

  it('is left out when there were none', () => {
    expect(renderEvalReport(reportWith([]))).not.toContain('changed no source file');
  });
});
