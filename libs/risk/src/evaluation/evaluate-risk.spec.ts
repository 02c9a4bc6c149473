import type { RiskLevel } from '../assessment/risk-assessment';
import { evaluateRisk, type RiskEvalCommit, type RiskEvalTicket } from './evaluate-risk';

const DAY = 86_400;

function ticket(i: number, over: Partial<RiskEvalTicket> = {}): RiskEvalTicket {
  return {
    id: `T-${i}`,
    time: i * 2 * DAY,
    commits: [`t${i}`],
    keys: [`T-${i}`],
    files: [`f${i}.ts`],
    score: 0,
    level: 'low',
    baseline: 0,
    ...over,
  };
}

function commit(
  hash: string,
  day: number,
  files: string[],
  fix: boolean,
  tickets: string[] = [],
): RiskEvalCommit {
  return { hash, time: day * DAY, files, fix, tickets };
}

describe('evaluateRisk', () => {
  it('counts a later fix of another ticket on the same files within the horizon, and nothing else', () => {
    const t = ticket(1);
    const history = [
      commit('t1', 2, ['f1.ts'], false, ['T-1']),
      commit('own-follow-up', 3, ['f1.ts'], true, ['T-1']),
      commit('not-a-fix', 4, ['f1.ts'], false, ['X-1']),
      commit('other-file', 5, ['g.ts'], true, ['X-2']),
      commit('too-late', 33, ['f1.ts'], true, ['X-3']),
      commit('end', 100, ['h.ts'], false),
    ];
    const none = evaluateRisk([t], history, { minTickets: 1 });
    expect([none.tickets, none.positives]).toEqual([1, 0]);
    const hit = evaluateRisk([t], [...history, commit('in-time', 31, ['f1.ts', 'g.ts'], true, ['X-4'])], {
      minTickets: 1,
    });
    expect(hit.positives).toBe(1);
  });

  it('drops tickets with less than the horizon of history after them', () => {
    const history = [commit('a', 0, ['x.ts'], false), commit('b', 40, ['x.ts'], false)];
    const r = evaluateRisk([ticket(1), ticket(5), ticket(6)], history, { minTickets: 1 });
    // Days 2 and 10 have 30 days after them before day 40; day 12 has not.
    expect([r.tickets, r.dropped]).toEqual([2, 1]);
  });

  it('says why instead of giving a number when there is too little to measure', () => {
    const history = [commit('a', 0, ['x.ts'], false), commit('b', 400, ['x.ts'], false)];
    const few = evaluateRisk([ticket(1), ticket(2)], history);
    expect(few.insufficient).toBe(
      'too little history to evaluate: 2 ticket-like changes with 30 days of history after them (at least 20 needed)',
    );
    expect([few.score, few.highVsRest, few.baseline, few.liftTopThird]).toEqual([null, null, null, null]);
    const alike = evaluateRisk(
      Array.from({ length: 25 }, (_, i) => ticket(i)),
      history,
    );
    expect(alike.insufficient).toMatch(
      /every evaluated change had the same outcome \(no later fix within 30 days\)/,
    );
  });

  it('says why instead of giving a number when one outcome has only a handful of tickets', () => {
    // 30 tickets, a later fix after T-0..T-(k-1) only.
    const evaluate = (k: number) => {
      const history = [commit('end', 400, ['z.ts'], false)];
      for (let i = 0; i < k; i++) history.push(commit(`fix${i}`, i * 2 + 1, [`f${i}.ts`], true));
      return evaluateRisk(
        Array.from({ length: 30 }, (_, i) => ticket(i, { score: i < k ? 1 : 0 })),
        history,
        { bootstrapSamples: 20 },
      );
    };
    const one = evaluate(1);
    expect(one.insufficient).toBe(
      'too few of each outcome to evaluate: 1 of 30 ticket-like changes was followed by a fix within 30 days (at least 10 of each needed)',
    );
    expect([one.positives, one.score, one.highVsRest, one.baseline]).toEqual([1, null, null, null]);
    expect(evaluate(25).insufficient).toBe(
      'too few of each outcome to evaluate: 5 of 30 ticket-like changes were not followed by a fix within 30 days (at least 10 of each needed)',
    );
    const enough = evaluate(10);
    expect(enough.insufficient).toBeNull();
    expect(enough.score?.value).toBe(1);
  });

  it('scores the risk score, the high flag and the baseline against later fixes', () => {
    // 24 tickets; the 8 with the highest scores (and level high) get a later fix, except T-16 (high, no fix);
    // T-3 (low) gets one. The baseline orders them backwards.
    const tickets: RiskEvalTicket[] = [];
    const history: RiskEvalCommit[] = [commit('end', 400, ['z.ts'], false)];
    for (let i = 0; i < 24; i++) {
      const level: RiskLevel = i >= 16 ? 'high' : i >= 8 ? 'medium' : 'low';
      tickets.push(
        ticket(i, {
          score: i / 24,
          level,
          baseline: (24 - i) / 24,
          linesChanged: i < 12 ? 10 : 100,
          predictedSize: i,
          // Claimed for T-0..2 and T-20..23: four of the seven were followed by a fix.
          fixClaim: i < 3 || i >= 20,
        }),
      );
      history.push(commit(`t${i}`, i * 2, [`f${i}.ts`], false, [`T-${i}`]));
      if ((i > 16 || i === 3) && i !== 16)
        history.push(commit(`fix${i}`, i * 2 + 5, [`f${i}.ts`], true, ['BUG-1']));
    }
    const r = evaluateRisk(tickets, history, { bootstrapSamples: 200, minPerOutcome: 8 });
    expect(r.insufficient).toBeNull();
    expect([r.tickets, r.positives, r.baseRate]).toEqual([24, 8, 0.333]);
    expect(r.levels).toEqual({ low: 8, medium: 8, high: 8 });
    // Positives by level: T-3 is low, T-17..23 high; no medium ticket had a later fix.
    expect(r.laterFixesByLevel).toEqual({ low: 1, medium: 0, high: 7 });
    expect(r.fixClaims).toEqual({ tickets: 7, followedByFix: 4 });
    expect(r.laterFixes.filter((t) => t.laterFix).map((t) => t.id)).toEqual(
      [3, 17, 18, 19, 20, 21, 22, 23].map((i) => tickets[i].id),
    );
    // Positives 3, 17..23; negatives the other 16. Pairs ordered right: T-3 beats 3 negatives (0, 1, 2);
    // T-17..23 beat all 16. (3 + 7·16) / (8·16) = 115/128.
    expect(r.score?.value).toBe(Math.round((115 / 128) * 1000) / 1000);
    // High flag: 7 of 8 positives flagged, 1 of 16 negatives. For a yes/no predictor, with ties counting
    // one half, AUC = (true-positive rate − false-positive rate) / 2 + 1/2.
    expect(r.highVsRest?.value).toBe(Math.round(((7 / 8 - 1 / 16) / 2 + 0.5) * 1000) / 1000);
    expect(r.baseline?.value).toBe(Math.round((1 - 115 / 128) * 1000) / 1000);
    // Top third (8 tickets: 16..23) holds 7 of the 8 positives: (7/8) / (8/24).
    expect(r.liftTopThird?.value).toBe(Math.round((7 / 8 / (8 / 24)) * 1000) / 1000);
    for (const e of [r.score, r.highVsRest, r.baseline, r.liftTopThird]) {
      expect(e!.low).toBeLessThanOrEqual(e!.value);
      expect(e!.high).toBeGreaterThanOrEqual(e!.value);
    }
    // Change size: half the tickets changed 100 lines (above the median of 55); the prediction orders them perfectly.
    expect(r.changeSize).toMatchObject({ median: 55, large: 12, storyWordingSupported: true });
    expect(r.changeSize?.predicted?.value).toBe(1);
    // The risk score is the ticket index too, so it separates sizes perfectly here as well.
    expect(r.changeSize?.score?.value).toBe(1);
  });

  it('withholds story wording when the size prediction does not reach 0.60', () => {
    const tickets: RiskEvalTicket[] = [];
    const history: RiskEvalCommit[] = [commit('end', 400, ['z.ts'], false)];
    for (let i = 0; i < 20; i++) {
      tickets.push(ticket(i, { score: i / 20, linesChanged: i % 2 ? 100 : 10, predictedSize: 1 }));
      if (i % 3 === 0) history.push(commit(`fix${i}`, i * 2 + 1, [`f${i}.ts`], true));
    }
    const r = evaluateRisk(tickets, history, { bootstrapSamples: 50, minPerOutcome: 5 });
    expect(r.changeSize).toMatchObject({ large: 10, storyWordingSupported: false });
    expect(r.changeSize?.predicted?.value).toBe(0.5);
  });
});
