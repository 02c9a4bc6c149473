import { calibrateRisk } from '../calibration/risk-calibration';
import { fileFigures, matchOf, snapshotOf } from '../calibration/snapshot.fixture-spec';
import { repository } from './risk-repository.fixture-spec';
import { assessRisk } from './assess-risk';
import { describeAreaRiskClaim } from './risk-claim';
import { describeRiskReason } from './risk-reason';

describe('assessRisk', () => {
  it('rates the hotspot high and ordinary code lower, with the score a position in the repository', () => {
    const { snapshot, calibration } = repository();
    const hot = assessRisk({ match: matchOf([['src/hot.ts', 0.9]]), snapshot, calibration });
    const plain = assessRisk({ match: matchOf([['src/plain/p3.ts', 0.9]]), snapshot, calibration });
    // The reference is the repository's 31 code files, one change each: the hotspot ranks above
    // the other 30 and half-way through its own weight, (30 + ½) / 31.
    expect([hot.level, hot.score]).toEqual(['high', 0.984]);
    expect(plain.level).toBe('low');
    expect(plain.score).toBeLessThan(0.5);
  });

  it('weights the matched files by match score', () => {
    // Two fixes only: no fix concentration to hold the level up (below).
    const { snapshot, calibration } = repository(2);
    const mostlyHot = assessRisk({
      match: matchOf([
        ['src/hot.ts', 0.9],
        ['src/plain/p0.ts', 0.1],
      ]),
      snapshot,
      calibration,
    });
    const mostlyPlain = assessRisk({
      match: matchOf([
        ['src/plain/p0.ts', 0.9],
        ['src/hot.ts', 0.1],
      ]),
      snapshot,
      calibration,
    });
    expect(mostlyHot.score).toBeGreaterThan(mostlyPlain.score);
    expect(mostlyHot.level).toBe('high');
    expect(mostlyPlain.level).toBe('low');
  });

  it("names an area in the claim only when the note leads with it: the position is the whole match's", () => {
    const { snapshot, calibration } = repository(2);
    const match = (areas: [string, number][]) =>
      matchOf(
        [
          ['src/plain/p0.ts', 0.9],
          ['src/hot.ts', 0.1],
        ],
        0.9,
        areas,
      );
    // The hotspot weighs most in the level (0.1 × its dimension) but the note leads with src/plain.
    const led = assessRisk({
      match: match([
        ['src/plain', 0.9],
        ['src', 0.1],
      ]),
      snapshot,
      calibration,
    });
    expect(led.level).toBe('low');
    expect(describeAreaRiskClaim(led)).toMatch(/^The code this ticket touches is quieter than most/);
    const own = assessRisk({
      match: match([
        ['src', 0.9],
        ['src/plain', 0.1],
      ]),
      snapshot,
      calibration,
    });
    expect(describeAreaRiskClaim(own)).toMatch(/^The code this ticket touches in src is quieter than most/);
  });

  it('leaves the root area unnamed in the claim: it stands for the whole repository', () => {
    const { snapshot, calibration } = repository(2, '.');
    const a = assessRisk({ match: matchOf([['src/hot.ts', 0.9]], 0.9, [['.', 0.9]]), snapshot, calibration });
    expect(describeAreaRiskClaim(a)).toMatch(
      /^The code this ticket touches is among this repository's hotspots/,
    );
  });

  it('holds a high level at medium when the match is uncertain, and says so', () => {
    const { snapshot, calibration } = repository();
    const a = assessRisk({ match: matchOf([['src/hot.ts', 0.9]], 0.2), snapshot, calibration });
    expect([a.level, a.lowConfidence, a.confidence]).toEqual(['medium', true, 0.2]);
    expect(a.reasons[0]).toEqual({
      kind: 'low-confidence',
      confidence: 0.2,
      minConfidence: 0.3,
      heldAt: 'medium',
    });
  });

  it('says when the past work most like the ticket changed no source file', () => {
    const { snapshot, calibration } = repository();
    const docsWork = (share: number) => ({
      ...matchOf([['src/plain/p3.ts', 0.6]], 0.25),
      otherWork: {
        share,
        tickets: [{ title: 'Document the deployment', files: ['docs/deploy.md'], similarity: 1 }],
      },
    });
    const mostly = assessRisk({ match: docsWork(0.8), snapshot, calibration });
    const reason = mostly.reasons.find((r) => r.kind === 'other-work');
    expect(reason).toEqual({
      kind: 'other-work',
      share: 0.8,
      examples: [{ title: 'Document the deployment', files: ['docs/deploy.md'] }],
    });
    expect(describeRiskReason(reason!)).toBe(
      'Most of the past work most like this ticket changed no source file (80% of the similarity; e.g. "Document the deployment" (docs/deploy.md)): it may be documentation, CI or build work rather than a code change.',
    );
    const some = assessRisk({ match: docsWork(0.3), snapshot, calibration });
    expect(some.reasons.some((r) => r.kind === 'other-work')).toBe(false);
  });

  it('names past work outside the code beside "no code matched"', () => {
    const { snapshot, calibration } = repository();
    const otherWork = {
      share: 1,
      tickets: [{ title: 'Group dependabot updates', files: ['.github/dependabot.yml'], similarity: 1 }],
    };
    const noCode = {
      files: [],
      areas: [],
      confidence: 0,
      noMatch: true,
      noMatchReason: 'no-signal' as const,
      truncated: false,
    };
    const a = assessRisk({ match: { ...noCode, otherWork }, snapshot, calibration });
    expect([a.noMatch, a.level, a.score]).toEqual([true, 'low', 0]);
    expect(a.reasons.map(describeRiskReason)).toEqual([
      "No code matched: nothing in the repository's code matches the ticket.",
      'Most of the past work most like this ticket changed no source file (100% of the similarity; e.g. "Group dependabot updates" (.github/dependabot.yml)): it may be documentation, CI or build work rather than a code change.',
    ]);
    const plain = assessRisk({ match: noCode, snapshot, calibration });
    expect(plain.reasons.map((r) => r.kind)).toEqual(['no-match']);
  });

  it('applies the mapping’s thresholds', () => {
    const { snapshot, calibration } = repository();
    const match = matchOf([['src/plain/p29.ts', 0.9]]);
    const base = assessRisk({ match, snapshot, calibration });
    const strict = assessRisk({
      match,
      snapshot,
      calibration,
      thresholds: { high: 1, medium: base.score + 0.01 },
    });
    const lenient = assessRisk({ match, snapshot, calibration, thresholds: { high: base.score, medium: 0 } });
    expect([strict.level, lenient.level]).toEqual(['low', 'high']);
    expect(strict.thresholds).toEqual({ high: 1, medium: base.score + 0.01, minConfidence: 0.3 });
    expect(() =>
      assessRisk({ match, snapshot, calibration, thresholds: { high: 0.4, medium: 0.6 } }),
    ).toThrow(/medium must not exceed high/);
  });

  it('weakens confidence by the share of the match without figures', () => {
    const { snapshot, calibration } = repository();
    const a = assessRisk({
      match: matchOf(
        [
          ['src/hot.ts', 0.6],
          ['docs/guide.md', 0.2],
          ['src/gone.ts', 0.2],
        ],
        0.9,
      ),
      snapshot,
      calibration,
    });
    expect(a.evidence.knownShare).toBe(0.6);
    expect(a.confidence).toBe(0.54);
  });

  it('derives no level from files it has no figures for', () => {
    const { snapshot, calibration } = repository();
    const a = assessRisk({ match: matchOf([['docs/guide.md', 0.8]]), snapshot, calibration });
    expect([a.level, a.score, a.confidence, a.noMatch]).toEqual(['low', 0, 0, false]);
    expect(a.reasons).toEqual([{ kind: 'no-figures', files: ['docs/guide.md'] }]);
  });

  it('answers no match with zero confidence', () => {
    const { snapshot, calibration } = repository();
    const match = {
      files: [],
      areas: [],
      confidence: 0,
      noMatch: true,
      noMatchReason: 'empty' as const,
      truncated: false,
    };
    const a = assessRisk({ match, snapshot, calibration });
    expect([a.level, a.score, a.confidence, a.noMatch, a.reasons]).toEqual([
      'low',
      0,
      0,
      true,
      [{ kind: 'no-match', why: 'empty' }],
    ]);
    expect(describeAreaRiskClaim(a)).toBe('No code matched: the ticket has no words to match.');
  });

  it('says a low level relative to past work, not that the code is no hotspot', () => {
    const { snapshot, calibration } = repository();
    const plain = assessRisk({ match: matchOf([['src/plain/p12.ts', 0.9]]), snapshot, calibration });
    expect(plain.level).toBe('low');
    expect(describeAreaRiskClaim(plain)).toMatch(
      /^The code this ticket touches in src\/plain is quieter than most of this repository's past work: above only \d+% of this repository's past file changes/,
    );
    const strict = assessRisk({
      match: matchOf([['src/plain/p29.ts', 0.9]]),
      snapshot,
      calibration,
      thresholds: { medium: 0.95, high: 0.99 },
    });
    expect(strict.level).toBe('low');
    expect(describeAreaRiskClaim(strict)).toMatch(
      /sits at the low level for this repository: above only \d+%/,
    );
  });

  it('names the knowledge held by one person: an island while they are active, a loss once they left', () => {
    const owned = (path: string, mainAuthor: string, knowledgeIsland: boolean) =>
      fileFigures(path, { mainAuthor, ownership: 0.98, knowledgeIsland, loc: 200, recentRevisions: 3 });
    const snapshot = snapshotOf({
      files: [
        owned('src/kept.ts', 'ada@example.com', true),
        owned('src/also-ada.ts', 'ada@example.com', true),
        owned('src/left.ts', 'grace@example.com', false),
        ...Array.from({ length: 10 }, (_, i) => fileFigures(`src/p${i}.ts`)),
      ],
      authors: [
        {
          id: 'ada@example.com',
          name: 'Ada Lovelace',
          commits: 90,
          lastCommit: '2024-06-01T00:00:00Z',
          active: true,
        },
        {
          id: 'grace@example.com',
          name: 'Grace Hopper',
          commits: 10,
          lastCommit: '2023-09-14T10:00:00Z',
          active: false,
        },
      ],
    });
    const a = assessRisk({
      match: matchOf([
        ['src/kept.ts', 0.9],
        // One person is named once: the place goes to the next person's knowledge.
        ['src/also-ada.ts', 0.85],
        ['src/left.ts', 0.8],
      ]),
      snapshot,
      calibration: calibrateRisk(snapshot),
    });
    expect(a.reasons.filter((r) => r.kind.startsWith('knowledge'))).toEqual([
      {
        kind: 'knowledge-island',
        area: 'src',
        file: 'src/kept.ts',
        ownership: 0.98,
        contact: 'Ada Lovelace',
      },
      {
        kind: 'knowledge-loss',
        area: 'src',
        file: 'src/left.ts',
        ownership: 0.98,
        expert: 'Grace Hopper',
        lastCommit: '2023-09-14',
      },
    ]);
  });

  it('speaks of complexity, importers and knowledge only for files matched nearly as well as the best', () => {
    const { snapshot, calibration } = repository(2);
    const reasonsFor = (hotWeight: number) =>
      assessRisk({
        match: matchOf([
          ['src/plain/p0.ts', 0.9],
          ['src/hot.ts', hotWeight],
        ]),
        snapshot,
        calibration,
      }).reasons.filter((r) => r.kind === 'complexity');
    // A quarter of the best match: the ticket most likely does not touch it (its area's cut, 30%).
    expect(reasonsFor(0.22)).toEqual([]);
    expect(reasonsFor(0.3)).toEqual([expect.objectContaining({ kind: 'complexity', file: 'src/hot.ts' })]);
  });

  it('refuses a calibration made for another snapshot', () => {
    const { snapshot, calibration } = repository();
    const other = { ...snapshot, repository: { ...snapshot.repository, head: 'b'.repeat(40) } };
    expect(() => assessRisk({ match: matchOf([['src/hot.ts', 0.9]]), snapshot: other, calibration })).toThrow(
      /calibration is for a{40}/,
    );
  });
});
