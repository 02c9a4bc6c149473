import { analyseRepository } from '@sightline/analysis';
import {
  buildMatchIndex,
  matchCorpusFromAnalysis,
  rankTicket,
  type MatchIndex,
  type MatchResult,
} from '@sightline/matching';
import { assessRisk, calibrateRisk, type RiskCalibration } from '@sightline/risk';
import { buildRiskHistory } from '@sightline/testing';
import { renderNote } from './render-note';
import { riskNoteReportSchema } from './risk-note-report';
import type { RepositorySnapshot } from '@sightline/analysis';
import type { RiskReason } from '@sightline/risk';
import { noteReportOf } from './assessment-note';
import { combineAssessments, type RepositoryAssessment } from './combined-assessment';

const INVOICE = {
  title: 'Invoice total rounding is wrong when discounts apply',
  description: 'invoiceTotal per tax rate',
};
const LABEL = { title: 'Trim whitespace in the UI label text', description: 'labelText should trim' };
const VAGUE = { title: 'Follow up on the thing from the meeting' };
const OPTIONS = {
  ticketKey: 'SHOP-1',
  reportUrl: 'https://sightline.example/api/tickets/jira/SHOP-1/report',
};

describe('combining repositories and mapping the note report', () => {
  let index: MatchIndex;
  let snapshot: RepositorySnapshot;
  let calibration: RiskCalibration;

  function assessed(name: string, ticket: { title: string; description?: string }): RepositoryAssessment {
    const match = rankTicket(index, ticket);
    return {
      repositoryId: `id-${name}`,
      repositoryName: name,
      snapshotId: `snap-${name}`,
      head: snapshot.repository.head,
      match,
      assessment: assessRisk({ match, snapshot, calibration }),
    };
  }

  beforeAll(async () => {
    const repo = buildRiskHistory();
    try {
      const result = await analyseRepository(repo.path, {}, undefined, { corpus: true });
      snapshot = result.snapshot;
      index = buildMatchIndex(matchCorpusFromAnalysis(result.corpus!, snapshot));
      calibration = calibrateRisk(snapshot);
    } finally {
      repo.dispose();
    }
  });

  it('writes one repository’s areas with plain paths, figures and the level’s reasons', () => {
    const combined = combineAssessments([assessed('billing', INVOICE)]);
    expect(combined).toEqual(expect.objectContaining({ level: 'high', labelled: false, noMatch: false }));
    const report = riskNoteReportSchema.parse(noteReportOf(combined, OPTIONS));
    expect(report.riskLevel).toBe('high');
    // The ledger changes with billing. Its posting.ts is matched, but weakly (under 30% of the best
    // file, its area under the note's cut), so the note names the ledger as what to plan for too.
    expect(report.areas.map((area) => area.path)).toEqual(['packages/billing']);
    expect(combined.primary.match.files.map((f) => f.path)).toContain('packages/ledger/src/posting.ts');
    expect(report.dependencyWarnings).toEqual([
      {
        area: 'packages/ledger',
        message: expect.stringMatching(/^changes together with packages\/billing in \d+% of commits/),
      },
    ]);
    expect(report.areas[0].figures.map((f) => f.label)).toEqual(expect.arrayContaining(['size', 'authors']));
    expect(report.riskReasons.join(' ')).toMatch(/ranks above \d+% of/);
    expect(report.summary).toBeDefined();
    expect(report.matchReasons.length).toBeGreaterThan(0);
    expect(renderNote(report).contentHash).toBe(renderNote(noteReportOf(combined, OPTIONS)).contentHash);
  });

  it('writes large figures with thousands separators, as the reasons do', () => {
    const one = assessed('billing', INVOICE);
    const [area] = one.assessment.areas;
    const large = {
      ...one,
      assessment: {
        ...one.assessment,
        areas: [
          {
            ...area,
            loc: 12418,
            files: 29,
            recentRevisions: 1183,
            revisions: 1796,
            bugFixRevisions: 1013,
            authors: 1385,
          },
        ],
      },
    };
    const figures = noteReportOf(combineAssessments([large]), OPTIONS).areas[0].figures;
    expect(Object.fromEntries(figures.map((f) => [f.label, f.value]))).toMatchObject({
      size: '12,418 code lines in 29 files',
      [`changes (${area.windowDays} days)`]: '1,183',
      'bug-fix share': '56% (1,013 of 1,796 changes)',
      authors: '1,385',
    });
  });

  it('ranks a hot area among the top files, and says a quiet one is below the median', () => {
    const one = assessed('billing', INVOICE);
    const hotspotOf = (maxHotspotPercentile: number) => {
      const [area] = one.assessment.areas;
      const withPercentile = {
        ...one,
        assessment: { ...one.assessment, areas: [{ ...area, maxHotspotPercentile }] },
      };
      const figures = noteReportOf(combineAssessments([withPercentile]), OPTIONS).areas[0].figures;
      return figures.find((f) => f.label === 'hotspot')?.value;
    };
    expect(hotspotOf(96.4)).toBe('top 4% of files in this repository');
    expect(hotspotOf(50)).toBe('top 50% of files in this repository');
    expect(hotspotOf(0)).toBe("below the median of this repository's files");
    expect(hotspotOf(31)).toBe("below the median of this repository's files");
  });

  it('names the root area as the root, never as `.`', () => {
    const one = assessed('billing', INVOICE);
    const atRoot = (name: string) => ({
      ...one,
      repositoryName: name,
      assessment: {
        ...one.assessment,
        areas: one.assessment.areas.map((area, i) => (i === 0 ? { ...area, path: '.' } : area)),
        dependencyWarnings: [
          {
            kind: 'change-coupling' as const,
            area: '.',
            coupledWith: 'packages/billing',
            degree: 40,
            shared: 7,
            basis: 'files' as const,
          },
        ],
      },
    });
    const single = noteReportOf(combineAssessments([atRoot('billing')]), OPTIONS);
    expect(single.areas[0].path).toBe('repository root');
    expect(single.dependencyWarnings[0].area).toBe('repository root');
    const labelled = noteReportOf(combineAssessments([atRoot('billing'), atRoot('shop')]), OPTIONS);
    expect(labelled.areas.map((area) => area.path)).toContain('billing (root)');
  });

  it('prints an area’s reason under that area, not under a wider area that contains it', () => {
    const one = assessed('billing', INVOICE);
    const [area] = one.assessment.areas;
    const complexity: RiskReason = {
      kind: 'complexity',
      area: 'packages/billing',
      file: 'packages/billing/src/invoice.ts',
      percentile: 99,
      maxComplexity: 40,
      totalComplexity: 300,
    };
    const nested = {
      ...one,
      assessment: {
        ...one.assessment,
        // The wider area ranks first, as the repository's top folder can.
        areas: [
          { ...area, path: 'packages', matchScore: 1 },
          { ...area, path: 'packages/billing', matchScore: 0.7 },
        ],
        reasons: [complexity],
      },
    };
    const report = noteReportOf(combineAssessments([nested]), OPTIONS);
    const reasonsOf = (path: string) => report.areas.find((a) => a.path === path)?.reasons;
    expect(reasonsOf('packages')).toEqual([]);
    expect(reasonsOf('packages/billing')).toEqual([
      expect.stringMatching(/^packages\/billing\/src\/invoice\.ts is more complex/),
    ]);
  });

  it('gives a similar ticket the tracker’s created → done when known, else its commit span', () => {
    const combined = combineAssessments([assessed('billing', INVOICE)]);
    const similar = combined.primary.assessment.similarTickets;
    expect(similar.length).toBeGreaterThanOrEqual(2);
    const [tracked, ...untracked] = similar;
    const created = new Date('2024-03-01T10:00:00Z');
    const pastTickets = new Map([
      [
        tracked.key,
        {
          key: tracked.key,
          createdAt: created,
          completedAt: new Date('2024-03-13T16:00:00Z'),
          estimate: null,
        },
      ],
    ]);
    const report = noteReportOf(combined, { ...OPTIONS, pastTickets });
    expect(report.similarTickets[0]).toEqual(
      expect.objectContaining({ key: tracked.key, duration: '12 days from created to done' }),
    );
    for (const [i, ticket] of untracked.entries()) {
      expect(report.similarTickets[i + 1].duration ?? 'no span').toMatch(
        ticket.commitSpanDays === null ? /^no span$/ : /from first to last commit$/,
      );
    }
    // An open ticket has no duration yet: the commit span stands.
    const open = new Map([
      [tracked.key, { key: tracked.key, createdAt: created, completedAt: null, estimate: 3 }],
    ]);
    expect(
      noteReportOf(combined, { ...OPTIONS, pastTickets: open }).similarTickets[0].duration ?? '',
    ).not.toMatch(/created to done/);
  });

  it('says why a past ticket with no similar text is listed: it changed the same files', () => {
    const repository = assessed('billing', INVOICE);
    const [first] = repository.assessment.similarTickets;
    const sharing = (key: string, similarity: number | null, sharedFiles: string[]) => ({
      ...first,
      key,
      similarity,
      sharedFiles,
    });
    repository.assessment.similarTickets = [
      sharing('SHOP-7', 0.8, ['packages/billing/src/invoice.ts']),
      sharing('SHOP-8', null, ['packages/billing/src/invoice.ts']),
      sharing('SHOP-9', null, ['packages/billing/src/invoice.ts', 'packages/billing/src/tax.ts', 'x.ts']),
    ];
    const report = noteReportOf(combineAssessments([repository]), OPTIONS);
    expect(report.similarTickets.map((ticket) => ticket.relation)).toEqual([
      undefined,
      'also changed packages/billing/src/invoice.ts',
      'also changed packages/billing/src/invoice.ts and packages/billing/src/tax.ts',
    ]);
  });

  it('leaves out similar tickets the tracker does not know', () => {
    const combined = combineAssessments([assessed('billing', INVOICE)]);
    const keys = combined.primary.assessment.similarTickets.map((ticket) => ticket.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const report = noteReportOf(combined, { ...OPTIONS, unknownTickets: new Set([keys[0]]) });
    expect(report.similarTickets.map((ticket) => ticket.key)).toEqual(keys.slice(1));
  });

  it('lets a confident repository decide the level over a guess in another, and names repositories in paths', () => {
    const confident = assessed('billing', INVOICE);
    const guess = assessed('other', VAGUE);
    expect(guess.assessment.lowConfidence).toBe(true);
    const combined = combineAssessments([guess, confident]);
    expect(combined.primary).toBe(confident);
    expect(combined).toEqual(
      expect.objectContaining({ level: 'high', lowConfidence: false, labelled: true }),
    );
    const report = noteReportOf(combined, OPTIONS);
    expect(report.areas.map((area) => area.path)).toEqual(['billing:packages/billing']);
    expect(report.riskReasons.every((reason) => reason.startsWith('billing: '))).toBe(true);
  });

  it('takes the riskier of two confident repositories', () => {
    const low = assessed('ui-repo', LABEL);
    const high = assessed('billing', INVOICE);
    expect(low.assessment.level).not.toBe('high');
    const combined = combineAssessments([low, high]);
    expect(combined.level).toBe('high');
    expect(combined.primary.repositoryName).toBe('billing');
  });

  it('says among the level’s reasons when past work like the ticket changed no source file', () => {
    const one = assessed('billing', INVOICE);
    const match = {
      ...one.match,
      otherWork: {
        share: 0.7,
        tickets: [{ title: 'Document invoices', files: ['docs/invoices.md'], similarity: 1 }],
      },
    };
    const combined = combineAssessments([
      { ...one, match, assessment: assessRisk({ match, snapshot, calibration }) },
    ]);
    const report = noteReportOf(combined, OPTIONS);
    expect(report.riskReasons).toContain(
      'Most of the past work most like this ticket changed no source file (70% of the similarity; e.g. "Document invoices" (docs/invoices.md)): it may be documentation, CI or build work rather than a code change.',
    );
    expect(report.areas.flatMap((area) => area.reasons).join(' ')).not.toContain('no source file');
  });

  it('lets a repository whose past work says what an unmatched ticket is speak when none matched', () => {
    const noCode = (name: string, otherWork?: MatchResult['otherWork']): RepositoryAssessment => {
      const match: MatchResult = {
        files: [],
        areas: [],
        confidence: 0,
        noMatch: true,
        noMatchReason: 'no-signal',
        truncated: false,
        ...(otherWork ? { otherWork } : {}),
      };
      return { ...assessed(name, VAGUE), match, assessment: assessRisk({ match, snapshot, calibration }) };
    };
    const ci = noCode('ci', {
      share: 1,
      tickets: [{ title: 'Group dependabot updates', files: ['.github/dependabot.yml'], similarity: 1 }],
    });
    const combined = combineAssessments([noCode('billing'), ci]);
    expect([combined.noMatch, combined.primary]).toEqual([true, ci]);
    const report = noteReportOf(combined, OPTIONS);
    // The summary says "no code matched"; the reasons do not say it again.
    expect(report.summary).toBe("No code matched: nothing in the repository's code matches the ticket.");
    expect(report.riskReasons).toEqual([
      'ci: Most of the past work most like this ticket changed no source file (100% of the similarity; e.g. "Group dependabot updates" (.github/dependabot.yml)): it may be documentation, CI or build work rather than a code change.',
    ]);
  });

  it('marks the note low-confidence when no repository matched with confidence', () => {
    const combined = combineAssessments([assessed('billing', VAGUE)]);
    expect(combined.lowConfidence).toBe(true);
    const report = noteReportOf(combined, OPTIONS);
    expect(report.lowConfidence).toBe(true);
    expect(report.riskLevel).not.toBe('high');
  });
});
