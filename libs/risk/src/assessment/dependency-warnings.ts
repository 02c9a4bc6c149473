import { isTestArea, isTestPath } from '@sightline/analysis';
import type { RiskCalibration } from '../calibration/risk-calibration';
import type { DependencyWarning } from './risk-reason';

const MAX_WARNINGS = 3;

/**
 * Areas that change together with the matched code but that the ticket does not point at: what
 * usually has to change too ("also plan for X"). Area coupling comes first; file coupling between
 * a matched file and a file elsewhere fills in where the areas themselves fall under the
 * thresholds. Tests are left out: they change together with the code they test everywhere, which
 * is no news to a planner, and would crowd out the areas that are.
 */
export function dependencyWarnings(
  calibration: RiskCalibration,
  matchedAreas: readonly string[],
  matchedFiles: readonly string[],
  mentionedAreas: ReadonlySet<string>,
): DependencyWarning[] {
  const best = new Map<string, DependencyWarning>();
  const offer = (w: DependencyWarning) => {
    const current = best.get(w.area);
    if (!current || (current.basis === w.basis && w.degree > current.degree)) best.set(w.area, w);
  };
  for (const area of matchedAreas) {
    for (const c of calibration.index.areaCoupling.get(area) ?? []) {
      if (!mentionedAreas.has(c.other) && !isTestArea(c.other))
        offer({
          kind: 'change-coupling',
          area: c.other,
          coupledWith: area,
          degree: c.degree,
          shared: c.shared,
          basis: 'areas',
        });
    }
  }
  for (const path of matchedFiles) {
    const from = calibration.index.files.get(path)?.area;
    if (from === undefined) continue;
    for (const c of calibration.index.fileCoupling.get(path) ?? []) {
      const area = calibration.index.files.get(c.other)?.area;
      if (area === undefined || mentionedAreas.has(area) || isTestArea(area) || isTestPath(c.other)) continue;
      if (best.get(area)?.basis === 'areas') continue;
      offer({
        kind: 'change-coupling',
        area,
        coupledWith: from,
        degree: c.degree,
        shared: c.shared,
        basis: 'files',
      });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.degree - a.degree || b.shared - a.shared || a.area.localeCompare(b.area))
    .slice(0, MAX_WARNINGS);
}
