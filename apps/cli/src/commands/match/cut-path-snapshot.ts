import type { RepositorySnapshot } from '@sightline/analysis';
import { CutPaths, type HistoryCommit } from '@sightline/matching';

/**
 * A later snapshot with its files named as they were at the cut. The evaluation matches on the
 * cut's index, so a ticket assessed on a snapshot taken after a move (flask into `src/flask/`,
 * ripgrep's crates into `crates/`) would otherwise look up its matched files under names the
 * snapshot no longer has, and get no figures at all.
 *
 * `commitsAfterCut` are the commits between the cut and the snapshot, oldest first. Files added
 * since the cut keep their names; one that took the name a moved file had at the cut gives way to
 * that file, which is the one the matcher means by the name.
 */
export function withCutPaths(
  snapshot: RepositorySnapshot,
  commitsAfterCut: readonly HistoryCommit[],
  existsAtCut: (path: string) => boolean,
): RepositorySnapshot {
  const cutPaths = new CutPaths(existsAtCut);
  for (const commit of commitsAfterCut) cutPaths.record(commit);
  const renamed = new Map<string, string>();
  for (const file of snapshot.files) {
    const atCut = cutPaths.atCut(file.path);
    if (atCut !== undefined && atCut !== file.path) renamed.set(file.path, atCut);
  }
  if (renamed.size === 0) return snapshot;
  const claimed = new Set(renamed.values());
  const kept = (path: string) => renamed.has(path) || !claimed.has(path);
  const name = (path: string) => renamed.get(path) ?? path;
  const pair = <T extends { a: string; b: string }>(list: readonly T[]) =>
    list.filter((p) => kept(p.a) && kept(p.b)).map((p) => ({ ...p, a: name(p.a), b: name(p.b) }));
  return {
    ...snapshot,
    files: snapshot.files.filter((f) => kept(f.path)).map((f) => ({ ...f, path: name(f.path) })),
    coupling: pair(snapshot.coupling),
    ticketCoupling: pair(snapshot.ticketCoupling),
    dependencies: snapshot.dependencies
      .filter((d) => kept(d.from) && kept(d.to))
      .map((d) => ({ ...d, from: name(d.from), to: name(d.to) })),
    externalDependencies: snapshot.externalDependencies
      .filter((d) => kept(d.from))
      .map((d) => ({ ...d, from: name(d.from) })),
    tickets: snapshot.tickets.map((t) => ({ ...t, files: t.files.filter(kept).map(name) })),
  };
}
