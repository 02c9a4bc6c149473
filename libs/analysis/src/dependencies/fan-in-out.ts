import type { DependencyEdge } from './dependency-types';

export interface FanCounts {
  /** Distinct files that import this one. */
  fanIn: number;
  /** Distinct files this one imports. */
  fanOut: number;
}

/** Per-file fan-in and fan-out over resolved edges (type-only edges included); files without edges are absent. */
export function fanInOut(edges: readonly Pick<DependencyEdge, 'from' | 'to'>[]): Map<string, FanCounts> {
  const importers = new Map<string, Set<string>>();
  const imported = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    let into = importers.get(to);
    if (!into) importers.set(to, (into = new Set()));
    into.add(from);
    let out = imported.get(from);
    if (!out) imported.set(from, (out = new Set()));
    out.add(to);
  }
  const counts = new Map<string, FanCounts>();
  for (const path of [...new Set([...importers.keys(), ...imported.keys()])].sort()) {
    counts.set(path, { fanIn: importers.get(path)?.size ?? 0, fanOut: imported.get(path)?.size ?? 0 });
  }
  return counts;
}
