import { collectRepositoryCorpus, type CorpusResult } from '@sightline/analysis';
import { buildMatchIndex, matchCorpusFromAnalysis, rankTicket, type MatchIndex } from '@sightline/matching';
import { buildRiskHistory, type FixtureRepo } from '@sightline/testing';
import { calibrateRisk, type RiskCalibration } from '../calibration/risk-calibration';
import { assessRisk } from './assess-risk';
import { describeAreaRiskClaim, describeAssessment } from './risk-claim';
import type { RiskAssessment } from './risk-assessment';
import type { RiskReason } from './risk-reason';

interface IndexedHistory extends CorpusResult {
  index: MatchIndex;
}

async function indexHistory(repo: FixtureRepo): Promise<IndexedHistory> {
  const result = await collectRepositoryCorpus(repo.path, { rev: 'HEAD' });
  return { ...result, index: buildMatchIndex(matchCorpusFromAnalysis(result.corpus, result.snapshot)) };
}

const INVOICE = 'packages/billing/src/invoice.ts';
const LABEL = 'packages/ui/src/label.ts';

function reason<K extends RiskReason['kind']>(
  a: RiskAssessment,
  kind: K,
): Extract<RiskReason, { kind: K }> | undefined {
  return a.reasons.find((r): r is Extract<RiskReason, { kind: K }> => r.kind === kind);
}

describe('assessRisk on a history whose answer is known', () => {
  let repo: FixtureRepo;
  let history: IndexedHistory;
  let calibration: RiskCalibration;
  const assess = (title: string) =>
    assessRisk({ match: rankTicket(history.index, { title }), snapshot: history.snapshot, calibration });

  beforeAll(async () => {
    repo = buildRiskHistory();
    history = await indexHistory(repo);
    calibration = calibrateRisk(history.snapshot, { index: history.index });
  }, 60_000);
  afterAll(() => repo.dispose());

  it('flags the large, churned file that keeps receiving fixes high and the quiet one low', () => {
    const invoice = assess('Rounding of discounts is off');
    const label = assess('Label text should be trimmed');
    expect(invoice.areas[0].path).toBe('packages/billing');
    expect(label.areas[0].path).toBe('packages/ui');
    expect([invoice.level, label.level]).toEqual(['high', 'low']);
    expect(invoice.score).toBeGreaterThan(0.8);
    expect(label.score).toBeLessThan(0.1);
    expect(calibration.reference.basis).toBe('matched');
  });

  it('places tickets among past code work only: documentation work has no code to place', () => {
    const corpus = matchCorpusFromAnalysis(history.corpus, history.snapshot);
    const docs = Array.from({ length: 40 }, (_, i) => ({
      title: `Document invoice rounding, part ${i}`,
      files: [],
      otherFiles: [`docs/invoices-${i}.md`],
    }));
    const withDocs = buildMatchIndex({ ...corpus, pastTickets: [...(corpus.pastTickets ?? []), ...docs] });
    const reference = calibrateRisk(history.snapshot, { index: withDocs }).reference;
    // The same past tickets are placed (their values move a little: the index's word statistics did).
    expect(reference.values).toHaveLength(calibration.reference.values.length);
  });

  it('gives the hotspot reason the figures of the analysis', () => {
    const a = assess('Rounding of discounts is off');
    const file = history.snapshot.files.find((f) => f.path === INVOICE);
    expect(reason(a, 'hotspot')).toEqual({
      kind: 'hotspot',
      area: 'packages/billing',
      percentile: Math.round(a.score * 1000) / 10,
      basis: 'matched',
      file: INVOICE,
      filePercentile: file?.hotspotPercentile,
      loc: file?.loc,
      authors: 4,
      recentRevisions: 21,
      windowDays: 365,
    });
    expect(reason(a, 'complexity')).toMatchObject({
      file: INVOICE,
      maxComplexity: file?.complexity.max,
      totalComplexity: file?.complexity.total,
    });
    expect(reason(a, 'bug-fix-share')).toEqual({
      kind: 'bug-fix-share',
      area: 'packages/billing',
      bugFixRevisions: 10,
      revisions: 21,
      share: 0.476,
    });
  });

  it("computes the fix-rate multiple from the snapshot's history and words the claim with it", () => {
    const a = assess('Rounding of discounts is off');
    const { snapshot } = history;
    const head = Date.parse(snapshot.repository.headTime);
    const rate = (f: (typeof snapshot.files)[number]) =>
      (f.bugFixRevisions * 30) /
      Math.max(30, (head - Date.parse(f.firstSeen ?? snapshot.repository.headTime)) / 86_400_000);
    const code = snapshot.files.filter((f) => f.hotspotPercentile !== null && f.loc > 0);
    const mean = code.reduce((s, f) => s + rate(f), 0) / code.length;
    const invoice = code.find((f) => f.path === INVOICE);
    const multiple = invoice ? rate(invoice) / mean : 0;
    expect(reason(a, 'fix-rate')).toMatchObject({
      fixes: 10,
      files: 1,
      supported: true,
      multiple: Math.round(multiple * 100) / 100,
    });
    expect(describeAreaRiskClaim(a)).toBe(
      `The code this ticket touches is where follow-up fixes concentrate: ${Math.round(multiple)}× this repository's 30-day fix rate.`,
    );
  });

  it('warns about a coupled area the ticket does not point at', () => {
    const a = assess('Rounding of discounts is off');
    expect(a.areas.map((x) => x.path)).toEqual(['packages/billing']);
    expect(a.dependencyWarnings).toEqual([
      {
        kind: 'change-coupling',
        area: 'packages/ledger',
        coupledWith: 'packages/billing',
        degree: 68,
        shared: 11,
        basis: 'areas',
      },
    ]);
    expect(describeAssessment(a)).toContain(
      'Also plan for packages/ledger: it changes together with packages/billing in 68% of commits (11 shared commits).',
    );
  });

  it('lists similar past tickets with their commit span, labelled as such', () => {
    const invoice = assess('Rounding of discounts is off');
    expect(invoice.similarTickets.length).toBe(3);
    for (const t of invoice.similarTickets) {
      expect(t).toMatchObject({
        title: 'fix: invoice total rounding when discounts apply',
        commits: 1,
        commitSpanDays: null,
        sharedFiles: [INVOICE],
      });
    }
    const label = assess('Label text should be trimmed');
    expect(label.similarTickets).toEqual([
      expect.objectContaining({
        key: 'UI-1',
        title: 'Add label component',
        commits: 2,
        commitSpanDays: 3,
        sharedFiles: [LABEL],
      }),
    ]);
  });

  it('names who to ask about a one-person file without ranking anyone', () => {
    const a = assess('Label text should be trimmed');
    expect(reason(a, 'knowledge-island')).toEqual({
      kind: 'knowledge-island',
      area: 'packages/ui',
      file: LABEL,
      ownership: 1,
      contact: 'Margaret Hamilton',
    });
    const sentences = describeAssessment(a);
    const ownership = sentences.filter((s) => /person|Hamilton/.test(s));
    expect(ownership).toEqual([
      'Knowledge risk: one person wrote 100% of packages/ui/src/label.ts (bus factor 1); ask Margaret Hamilton, who knows it, to review, and share that knowledge.',
    ]);
    expect(ownership[0]).not.toMatch(
      /\b(top|best|worst|rank\w*|most active|leading|productiv\w*|contributor|expert)\b/i,
    );
    expect(sentences.join('\n').match(/Lovelace|Hopper|Torvalds|Hamilton/g)).toEqual(['Hamilton']);
  });

  it('answers an empty ticket with no match and zero confidence', () => {
    const a = assess('');
    expect([a.noMatch, a.confidence, a.reasons]).toEqual([true, 0, [{ kind: 'no-match', why: 'empty' }]]);
  });
});
