import {
  checkFixConcentration,
  fixRate,
  MIN_BACKTEST_SIDE,
  type FixConcentrationOptions,
  type LoggedChange,
} from './fix-concentration';

const DAY = 86_400;
const START = 1_600_000_000;
// Files 0 and 1 are code; file 2 is documentation, which the claim never reads.
const code = [true, true, false];

/** The changes `step` makes on each day, newest first as the analysis logs them. */
function history(days: number, step: (day: number) => LoggedChange[]): LoggedChange[] {
  const log: LoggedChange[] = [];
  for (let day = 0; day < days; day++) log.push(...step(day));
  return log.sort((a, b) => b.time - a.time);
}

function change(day: number, files: number[], fix: boolean, tickets: string[] = []): LoggedChange {
  return { time: START + day * DAY, files: Int32Array.from(files), fix, tickets };
}

function options(days: number): FixConcentrationOptions {
  return {
    headTime: START + days * DAY,
    windowDays: 365,
    code,
    firstSeen: Float64Array.from([START, START, START]),
  };
}

describe('checkFixConcentration', () => {
  it('supports the claim where the file that keeps receiving fixes keeps being followed by them', () => {
    // File 0 takes a fix every 4 days and a feature every 10; file 1, a quiet one, a change a day.
    const log = history(400, (day) => [
      ...(day % 4 === 0 ? [change(day, [0], true)] : []),
      ...(day % 10 === 1 ? [change(day, [0], false)] : []),
      change(day, [1], false),
    ]);
    const check = checkFixConcentration(log, options(400));
    expect(check.claimed).toBeGreaterThanOrEqual(MIN_BACKTEST_SIDE);
    expect(check.changes - check.claimed).toBeGreaterThanOrEqual(MIN_BACKTEST_SIDE);
    expect(check.claimedFollowedByFix).toBe(check.claimed);
    expect(check.restFollowedByFix).toBe(0);
    expect(check.supported).toBe(true);
  });

  it('refuses it where the fixes stop on the file that took them and keep landing elsewhere', () => {
    // File 0 takes ten fixes in its first month and none after; file 1 one every 20 days. For three
    // months file 0's rate is the one a note would call a concentration, and no fix followed.
    const log = history(400, (day) => [
      ...(day < 30 && day % 3 === 0 ? [change(day, [0], true)] : []),
      ...(day % 20 === 5 ? [change(day, [1], true)] : []),
      ...(day % 7 === 2 ? [change(day, [0], false), change(day, [1], false)] : []),
    ]);
    const check = checkFixConcentration(log, options(400));
    expect(check.claimed).toBeGreaterThanOrEqual(MIN_BACKTEST_SIDE);
    expect(check.claimedFollowedByFix / check.claimed).toBeLessThan(
      check.restFollowedByFix / (check.changes - check.claimed),
    );
    expect(check.supported).toBe(false);
  });

  it('does not count a fix of the same ticket, or the change itself, as its follow-up', () => {
    const log = history(200, (day) => [
      ...(day % 4 === 0 ? [change(day, [0], true, [`ENG-${day}`])] : []),
      ...(day % 4 === 0 ? [change(day + 0.5, [0], true, [`ENG-${day}`])] : []),
    ]);
    const check = checkFixConcentration(log, options(400));
    // Each fix is followed by another ticket's fix 4 days on, but the last ticket's two fixes: by
    // nothing, though one follows the other.
    expect(check.claimedFollowedByFix + check.restFollowedByFix).toBe(check.changes - 2);
    const lone = [change(100.5, [0], true, ['ENG-1']), change(100, [0], true, ['ENG-1'])];
    const single = checkFixConcentration(
      [...lone, ...history(60, (d) => [change(d, [1], false)])],
      options(200),
    );
    expect(single.claimedFollowedByFix + single.restFollowedByFix).toBe(0);
  });

  it('decides nothing on a history too short to read, and ignores files that are not code', () => {
    const docsOnly = history(400, (day) => (day % 2 === 0 ? [change(day, [2], true)] : []));
    expect(checkFixConcentration(docsOnly, options(400))).toEqual({
      changes: 0,
      claimed: 0,
      claimedFollowedByFix: 0,
      restFollowedByFix: 0,
      supported: false,
    });
    expect(checkFixConcentration([], options(0)).supported).toBe(false);
  });

  it('counts a young file as one period old, so one early fix is not a thirtyfold rate', () => {
    expect(fixRate(1, 2, 365)).toBe(1);
    expect(fixRate(12, 730, 365)).toBeCloseTo((12 * 30) / 365);
  });
});
