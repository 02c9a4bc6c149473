import { calibrateRisk } from '../calibration/risk-calibration';
import { matchOf, snapshotOf } from '../calibration/snapshot.fixture-spec';
import { assessRisk } from './assess-risk';
import { describeAreaRiskClaim } from './risk-claim';
import { describeRiskReason } from './risk-reason';
import { repository } from './risk-repository.fixture-spec';

describe('assessRisk: "follow-up fixes concentrate here"', () => {
  it('claims a fix concentration only with enough fixes behind it', () => {
    const few = repository(2);
    const a = assessRisk({ match: matchOf([['src/hot.ts', 0.9]]), ...few });
    const fix = a.reasons.find((r) => r.kind === 'fix-rate');
    // Two fixes in the year before the head, on the only file with fixes: 31× the mean of 31 files, yet only two.
    expect(fix).toMatchObject({ kind: 'fix-rate', fixes: 2, files: 1, supported: false });
    expect(describeAreaRiskClaim(a)).toMatch(
      /^The code this ticket touches in src is among this repository's hotspots: above 98% of this repository's past file changes/,
    );
    const many = repository(12);
    const b = assessRisk({ match: matchOf([['src/hot.ts', 0.9]]), ...many });
    expect(describeAreaRiskClaim(b)).toBe(
      "The code this ticket touches is where follow-up fixes concentrate: 31× this repository's 30-day fix rate.",
    );
  });

  it('holds a low level at medium where fixes concentrate, so the note does not contradict itself', () => {
    const { snapshot } = repository(12);
    // A small, quiet file that has nevertheless needed ten fixes.
    const fixed = snapshotOf({
      files: snapshot.files.map((f) =>
        f.path === 'src/plain/p0.ts' ? { ...f, bugFixRevisions: 10, firstSeen: '2023-06-02T00:00:00Z' } : f,
      ),
    });
    const a = assessRisk({
      match: matchOf([['src/plain/p0.ts', 0.9]]),
      snapshot: fixed,
      calibration: calibrateRisk(fixed),
    });
    expect(a.score).toBeLessThan(0.5);
    expect(a.reasons.find((r) => r.kind === 'fix-rate')).toMatchObject({ supported: true });
    expect(a.level).toBe('medium');
    expect(describeAreaRiskClaim(a)).toMatch(
      /^The code this ticket touches is where follow-up fixes concentrate/,
    );
    // Without the fixes it is low.
    const quiet = assessRisk({ match: matchOf([['src/plain/p0.ts', 0.9]]), ...repository(12) });
    expect(quiet.level).toBe('low');
  });

  it('claims no fix concentration where the claim did not hold on this repository’s history', () => {
    const { snapshot } = repository(12);
    const files = snapshot.files.map((f) =>
      f.path === 'src/plain/p0.ts' ? { ...f, bugFixRevisions: 10, firstSeen: '2023-06-02T00:00:00Z' } : f,
    );
    const check = { changes: 300, claimed: 60, claimedFollowedByFix: 12, restFollowedByFix: 96 };
    const assess = (supported: boolean | undefined) => {
      const fixed = snapshotOf({
        files,
        ...(supported === undefined ? {} : { fixConcentration: { ...check, supported } }),
      });
      return assessRisk({
        match: matchOf([['src/plain/p0.ts', 0.9]]),
        snapshot: fixed,
        calibration: calibrateRisk(fixed),
      });
    };
    const refused = assess(false);
    const fix = refused.reasons.find((r) => r.kind === 'fix-rate')!;
    expect(fix).toMatchObject({ supported: false, heldOnHistory: false });
    expect(describeRiskReason(fix)).toMatch(
      /fix rate, high, yet on this repository's history code with such rates was not followed by more fixes than other code, so no concentration is claimed\.$/,
    );
    expect(describeAreaRiskClaim(refused)).not.toMatch(/concentrate/);
    // Nor does the claim hold the low level at medium.
    expect(refused.level).toBe('low');
    expect(assess(true).reasons.find((r) => r.kind === 'fix-rate')).toMatchObject({
      supported: true,
      heldOnHistory: true,
    });
    // A snapshot made before the backtest says it on the figures alone, as before.
    expect(assess(undefined).reasons.find((r) => r.kind === 'fix-rate')).toMatchObject({
      supported: true,
      heldOnHistory: null,
    });
  });

  it('claims no fix concentration where this repository’s typical change meets as many fixes', () => {
    const { snapshot } = repository(12);
    // Most past work went into the hotspot: its fix rate is what a typical change here meets.
    const busy = snapshotOf({
      files: snapshot.files.map((f) => (f.path === 'src/hot.ts' ? { ...f, revisions: 500 } : f)),
    });
    const calibration = calibrateRisk(busy);
    const a = assessRisk({ match: matchOf([['src/hot.ts', 0.9]]), snapshot: busy, calibration });
    const fix = a.reasons.find((r) => r.kind === 'fix-rate')!;
    expect(fix).toMatchObject({ fixes: 12, supported: false });
    expect(describeRiskReason(fix)).toMatch(
      /31× this repository's 30-day fix rate, about what its typical change meets\.$/,
    );
    expect(describeAreaRiskClaim(a)).not.toMatch(/concentrate/);
  });
});
