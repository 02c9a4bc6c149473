import { countsTowardArea } from '../tree/file-kinds';
import { isoTime, round } from './dates';
import type { SnapshotParts } from './snapshot-builder';
import type { AreaFigures, FileFigures } from './snapshot.schema';

interface AreaInput {
  parts: SnapshotParts;
  fileFigures: readonly FileFigures[];
  areaNames: readonly string[];
  authorKey: (index: number) => string | null;
  active: (index: number) => boolean;
}

/**
 * Area figures: sums of their files' sizes and changes, history counted per commit (a commit
 * touching three files of an area is one revision of the area), ownership over the area's
 * lines, and dependencies and coupling between areas. Tests inside a code area do not count
 * toward it (`countsTowardArea`).
 */
export function buildAreaFigures({ parts, fileFigures, areaNames, authorKey }: AreaInput): AreaFigures[] {
  const { layout, history, edges } = parts;
  const count = layout.areas.length;
  const fileArea = layout.fileArea;
  const importers = Array.from({ length: count }, () => new Set<number>());
  const imported = Array.from({ length: count }, () => new Set<number>());
  for (const edge of edges.list) {
    const from = fileArea[edge.from];
    const to = fileArea[edge.to];
    if (from === to) continue;
    importers[to].add(from);
    imported[from].add(to);
  }
  const coupling = Array.from({ length: count }, () => [] as AreaFigures['coupling']);
  for (const pair of history.areaCoupling) {
    coupling[pair.a].push({ area: areaNames[pair.b], shared: pair.shared, degree: pair.degree });
    coupling[pair.b].push({ area: areaNames[pair.a], shared: pair.shared, degree: pair.degree });
  }

  const totals = layout.areas.map(() => ({
    files: 0,
    loc: 0,
    max: 0,
    total: 0,
    functions: 0,
    islands: 0,
    score: 0,
    percentile: null as number | null,
  }));
  fileFigures.forEach((file, f) => {
    if (!countsTowardArea(file.path, file.area)) return;
    const t = totals[fileArea[f]];
    t.files++;
    // Code lines only (the files hotspots rank): a README or a JSON fixture is no code to reason about.
    if (file.hotspotPercentile !== null) t.loc += file.loc;
    t.max = Math.max(t.max, file.complexity.max);
    t.total += file.complexity.total;
    t.functions += file.complexity.functions;
    if (file.knowledgeIsland) t.islands++;
    t.score += file.hotspotScore;
    if (file.hotspotPercentile !== null) t.percentile = Math.max(t.percentile ?? 0, file.hotspotPercentile);
  });

  const h = history.areas;
  return layout.areas.map((area, a) => {
    const t = totals[a];
    const own = h.credit.ownership(a);
    const changed = h.lastChanged[a] >= 0;
    return {
      path: area.path,
      name: area.name,
      kind: area.kind,
      files: t.files,
      loc: t.loc,
      complexity: {
        max: t.max,
        total: t.total,
        functions: t.functions,
        perKloc: t.loc > 0 ? round((1000 * t.total) / t.loc, 2) : 0,
      },
      revisions: h.revisions[a],
      recentRevisions: h.recentRevisions[a],
      authors: own.authors,
      added: h.added[a],
      deleted: h.deleted[a],
      churn: h.added[a] + h.deleted[a],
      bugFixRevisions: h.bugFixRevisions[a],
      mainAuthor: authorKey(own.mainAuthor),
      ownership: round(own.ownership),
      fragmentation: round(own.fragmentation),
      knowledgeIslands: t.islands,
      firstSeen: changed ? isoTime(h.firstSeen[a]) : null,
      lastChanged: changed ? isoTime(h.lastChanged[a]) : null,
      hotspotScore: t.score,
      maxHotspotPercentile: t.percentile,
      fanIn: importers[a].size,
      fanOut: imported[a].size,
      sumOfCoupling: h.sumOfCoupling[a],
      coupling: coupling[a],
    };
  });
}
