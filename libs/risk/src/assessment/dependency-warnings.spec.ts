import { calibrateRisk } from '../calibration/risk-calibration';
import { fileFigures, snapshotOf } from '../calibration/snapshot.fixture-spec';
import { dependencyWarnings } from './dependency-warnings';

const coupled = (a: string, b: string, degree: number, shared: number) => ({
  a,
  b,
  degree,
  shared,
  averageRevisions: shared,
});

describe('dependencyWarnings', () => {
  it('names coupled code areas, strongest first, and never a test area: tests change with code everywhere', () => {
    const snapshot = snapshotOf({
      files: [
        fileFigures('lib/shop/cart.ex'),
        fileFigures('lib/ledger/posting.ex'),
        fileFigures('lib/mailer/receipt.ex'),
        fileFigures('test/shop/cart_test.exs'),
        fileFigures('integration_test/cases/cart.exs'),
      ],
      areaCoupling: [
        coupled('lib/shop', 'test/shop', 80, 40),
        coupled('integration_test/cases', 'lib/shop', 70, 30),
        coupled('lib/shop', 'lib/ledger', 60, 12),
        coupled('lib/mailer', 'lib/shop', 35, 7),
      ],
    });
    const warnings = dependencyWarnings(calibrateRisk(snapshot), ['lib/shop'], [], new Set(['lib/shop']));
    expect(warnings.map((w) => [w.area, w.coupledWith, w.degree])).toEqual([
      ['lib/ledger', 'lib/shop', 60],
      ['lib/mailer', 'lib/shop', 35],
    ]);
  });
});
