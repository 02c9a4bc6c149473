import { calibrateRisk } from '../calibration/risk-calibration';
import { complexity, fileFigures, snapshotOf } from '../calibration/snapshot.fixture-spec';

/** 30 ordinary files and one hotspot, `src/hot.ts`, that has received `fixes` fixes in a year. */
export function repository(fixes = 12, hotArea = 'src') {
  const files = Array.from({ length: 30 }, (_, i) =>
    fileFigures(`src/plain/p${i}.ts`, {
      loc: 20 + i,
      authors: 1 + (i % 3),
      recentRevisions: i % 5,
      complexity: complexity(2 + (i % 4)),
    }),
  );
  files.push(
    fileFigures('src/hot.ts', {
      area: hotArea,
      loc: 900,
      authors: 7,
      recentRevisions: 40,
      complexity: complexity(120),
      bugFixRevisions: fixes,
      firstSeen: '2023-06-02T00:00:00Z',
      hotspotPercentile: 97,
    }),
  );
  const snapshot = snapshotOf({ files });
  return { snapshot, calibration: calibrateRisk(snapshot) };
}
