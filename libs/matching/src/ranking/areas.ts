import { MatchIndex } from '../index/match-index';
import { MatchReason, RankedResult } from './match-result';
import { MatchWeights } from './match-weights';
import { roundScore } from './round-score';

/**
 * File scores → area scores. An area scores its best file plus a decaying share of the next ones
 * (best + d·second + d²·third …), so an area with several matching files ranks above one with a
 * single equally good file, but twenty weak files never outrank one strong one.
 */
interface Scored {
  doc: number;
  score: number;
}

const FILES_PER_AREA_REASON = 3;
const DECAYED_FILES = 8;

export function aggregateAreas<C extends Scored>(
  index: MatchIndex,
  candidates: readonly C[],
  weights: MatchWeights,
  scale: number,
  top: number,
  explain: ((candidate: C) => MatchReason[]) | undefined,
): RankedResult[] {
  // Candidates arrive best first, so each area's list is best first too.
  const byArea = new Map<number, C[]>();
  for (const c of candidates) {
    const area = index.areaOf[c.doc];
    const list = byArea.get(area);
    if (!list) byArea.set(area, [c]);
    else if (list.length < DECAYED_FILES) list.push(c);
  }
  const areas = [...byArea.entries()].map(([area, files]) => {
    let score = 0;
    files.forEach((f, i) => (score += f.score * Math.pow(weights.areaDecay, i)));
    return { area, files, score };
  });
  areas.sort((a, b) => b.score - a.score || index.areaNames[a.area].localeCompare(index.areaNames[b.area]));
  return areas.slice(0, top).map(({ area, files, score }) => {
    const reasons: MatchReason[] = [];
    if (explain) {
      reasons.push({
        kind: 'files',
        files: files
          .slice(0, FILES_PER_AREA_REASON)
          .map((f) => ({ path: index.paths[f.doc], score: roundScore(f.score / scale) })),
        share: Math.round((files[0].score / score) * 1000) / 1000,
      });
      // The area speaks with its best file's reasons, weighted by that file's part of the area.
      for (const r of explain(files[0]))
        reasons.push({ ...r, share: Math.round(r.share * (files[0].score / score) * 1000) / 1000 });
    }
    return {
      path: index.areaNames[area],
      kind: 'area' as const,
      score: roundScore(Math.min(1, score / scale)),
      reasons,
    };
  });
}
