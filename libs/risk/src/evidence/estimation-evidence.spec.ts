import { calibrateRisk } from '../calibration/risk-calibration';
import { fileFigures, matchOf, snapshotOf } from '../calibration/snapshot.fixture-spec';
import {
  describeEstimationEvidence,
  estimationEvidence,
  nearestRank,
  type PastTicketDuration,
} from './estimation-evidence';
import { pastTicketCandidates } from './past-ticket-candidates';

const DAY = 86_400_000;
const created = new Date('2024-01-01T00:00:00Z');
const past = (key: string, days: number | null, estimate: number | null = null): PastTicketDuration => ({
  key,
  createdAt: created,
  completedAt: days === null ? null : new Date(created.getTime() + days * DAY),
  estimate,
});

describe('nearestRank', () => {
  it('is the smallest value with at least p% of the values at or below it', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5); // rank ⌈5⌉ = 5
    expect(nearestRank(ten, 90)).toBe(9); // rank ⌈9⌉ = 9
    expect(nearestRank([4, 8, 15], 50)).toBe(8); // rank ⌈1.5⌉ = 2
    expect(nearestRank([4, 8, 15], 90)).toBe(15); // rank ⌈2.7⌉ = 3
    expect(() => nearestRank([], 50)).toThrow('at least one value');
  });
});

describe('estimationEvidence', () => {
  it('gives P50/P90 of created → done over completed past tickets only', () => {
    const evidence = estimationEvidence([
      past('SHOP-1', 13),
      past('SHOP-2', 1),
      past('SHOP-3', 5),
      past('SHOP-4', 21),
      past('SHOP-5', 2),
      past('SHOP-6', 8),
      past('SHOP-7', 3),
      past('SHOP-8', null), // still open, or canceled: no duration
    ]);
    // Seven durations 1 2 3 5 8 13 21: P50 rank ⌈3.5⌉ = 4 → 5 days; P90 rank ⌈6.3⌉ = 7 → 21 days.
    expect(evidence).toEqual({
      tickets: 7,
      p50Days: 5,
      p90Days: 21,
      minDays: 1,
      maxDays: 21,
      keys: ['SHOP-2', 'SHOP-5', 'SHOP-7', 'SHOP-3', 'SHOP-6', 'SHOP-1', 'SHOP-4'],
      estimates: null,
    });
    expect(describeEstimationEvidence(evidence!)).toBe(
      'Similar past tickets in these areas took 5–21 days from created to done (P50 5 days, P90 21 days; 7 tickets).',
    );
  });

  it('compares estimates with actual durations where enough tickets carry points', () => {
    const evidence = estimationEvidence([
      past('A-1', 1, 1),
      past('A-2', 2, 2),
      past('A-3', 3, 3),
      past('A-4', 5, 3),
      past('A-5', 8, 5),
      past('A-6', 13, null),
      past('A-7', 0.5, 0), // zero points says nothing about days per point
    ]);
    // Points 1 2 3 3 5 → median 3; days per point 1 1 1 1.67 1.6 → sorted 1 1 1 1.6 1.67 → 1.
    // Durations 0.5 1 2 3 5 8 13: P50 rank 4 → 3 days, P90 rank ⌈6.3⌉ = 7 → 13 days.
    expect(evidence?.estimates).toEqual({ tickets: 5, medianPoints: 3, medianDaysPerPoint: 1 });
    expect([evidence?.p50Days, evidence?.p90Days, evidence?.minDays]).toEqual([3, 13, 0.5]);
    expect(describeEstimationEvidence(evidence!)).toBe(
      'Similar past tickets in these areas took 3–13 days from created to done (P50 3 days, P90 13 days; 7 tickets).' +
        ' Of those with story points (5): median estimate 3 points, median 1 day per point.',
    );
  });

  it('says nothing with fewer than three known durations', () => {
    expect(estimationEvidence([past('A-1', 2), past('A-2', 4), past('A-3', null)])).toBeNull();
    expect(estimationEvidence([])).toBeNull();
    expect(estimationEvidence([past('A-1', 2), past('A-2', 4)], 2)?.p90Days).toBe(4);
  });

  it('rounds to a tenth of a day and words equal percentiles once', () => {
    const evidence = estimationEvidence([past('A-1', 0.25), past('A-2', 0.26), past('A-3', 0.3)]);
    expect([evidence?.p50Days, evidence?.p90Days]).toEqual([0.3, 0.3]);
    expect(describeEstimationEvidence(evidence!)).toContain('took 0.3 days from created to done');
  });
});

describe('pastTicketCandidates', () => {
  const files = [
    fileFigures('src/cart/cart.ts'),
    fileFigures('src/cart/total.ts'),
    fileFigures('src/auth/login.ts'),
  ];
  const tickets = [
    ['SHOP-1', ['src/cart/cart.ts'], '2024-03-01T00:00:00Z'],
    ['SHOP-2', ['src/cart/total.ts'], '2024-05-01T00:00:00Z'],
    ['SHOP-3', ['src/auth/login.ts'], '2024-05-02T00:00:00Z'],
    ['SHOP-9', ['src/cart/cart.ts'], '2024-05-03T00:00:00Z'],
  ] as const;
  const snapshot = snapshotOf({
    files,
    tickets: tickets.map(([key, paths, last]) => ({
      key,
      commits: ['c'],
      files: [...paths],
      subjects: [`${key} work`],
      bugFix: false,
      firstCommitted: last,
      lastCommitted: last,
    })),
  });
  const calibration = calibrateRisk(snapshot);

  it('takes the tickets that changed the assessed areas, the ticket itself left out, best-matched files first', () => {
    const candidates = pastTicketCandidates({
      ticketKey: 'shop-9',
      match: matchOf([['src/cart/cart.ts', 0.9]]),
      assessment: { areas: [{ path: 'src/cart' }] as never },
      snapshot,
      calibration,
    });
    // SHOP-1 changed the best-matched file; SHOP-2 only the area. SHOP-3 is elsewhere, SHOP-9 is the ticket.
    expect(candidates.map((c) => [c.key, c.sharedFiles, c.areas])).toEqual([
      ['SHOP-1', 1, ['src/cart']],
      ['SHOP-2', 0, ['src/cart']],
    ]);
  });

  it('caps the number asked about and has none without areas', () => {
    const input = {
      ticketKey: 'SHOP-100',
      match: matchOf([]),
      snapshot,
      calibration,
    };
    expect(
      pastTicketCandidates({ ...input, assessment: { areas: [{ path: 'src/cart' }] as never } }, 1),
    ).toHaveLength(1);
    expect(pastTicketCandidates({ ...input, assessment: { areas: [] } })).toEqual([]);
  });
});
