import type { RepositorySnapshot } from './snapshot.schema';

export interface SummaryOptions {
  /** Rows per table. */
  top?: number;
}

const number = (n: number): string => n.toLocaleString('en-US');

function table(headers: string[], rows: string[][], alignRight: boolean[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : alignRight[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]),
      )
      .join('  ');
  return [line(headers), ...rows.map(line)];
}

/**
 * The human-readable report of a snapshot: what a PM or lead reads first. Riskiest areas rank
 * by their summed hotspot scores (recent change × size), the same signal as file hotspots.
 */
export function renderSnapshotSummary(snapshot: RepositorySnapshot, options: SummaryOptions = {}): string {
  const top = options.top ?? 10;
  const { repository: repo, summary } = snapshot;
  const out: string[] = [];
  out.push(
    `Repository  ${repo.path}${repo.bare ? ' (bare)' : ''} at ${repo.head.slice(0, 12)} (${repo.rev}, ${repo.headTime.slice(0, 10)})`,
  );
  const window = repo.since ? `since ${repo.since.slice(0, 10)}` : 'whole history';
  out.push(
    `History     ${number(repo.commits)} non-merge commits, ${window}, renames ${repo.renames ? 'followed' : 'not followed'}`,
  );
  out.push(
    `Files       ${number(summary.files)} (${number(summary.codeFiles)} code files, ${number(summary.loc)} lines of code) in ${number(summary.areas)} areas`,
  );
  out.push(`Authors     ${number(summary.authors)} (${number(summary.activeAuthors)} active)`);
  for (const warning of snapshot.warnings) out.push(`Warning     ${warning}`);

  const hotspots = snapshot.files
    .filter((f) => f.hotspotPercentile !== null && f.hotspotScore > 0)
    .sort((a, b) => b.hotspotScore - a.hotspotScore || (a.path < b.path ? -1 : 1))
    .slice(0, top);
  out.push('', 'Top hotspots (recent revisions × lines of code)');
  if (hotspots.length === 0) out.push('  none: no code file changed in the hotspot window');
  else {
    out.push(
      ...table(
        ['pct', 'recent revs', 'loc', 'max cx', 'owner', 'path'],
        hotspots.map((f) => [
          f.hotspotPercentile!.toFixed(1),
          String(f.recentRevisions),
          number(f.loc),
          String(f.complexity.max),
          f.mainAuthor ? `${f.mainAuthor} ${Math.round(f.ownership * 100)}%` : '-',
          f.path,
        ]),
        [true, true, true, true, false, false],
      ),
    );
  }

  const areas = [...snapshot.areas]
    .filter((a) => a.hotspotScore > 0)
    .sort((a, b) => b.hotspotScore - a.hotspotScore || (a.path < b.path ? -1 : 1))
    .slice(0, top);
  out.push('', 'Riskiest areas (summed hotspot scores)');
  if (areas.length === 0) out.push('  none');
  else {
    out.push(
      ...table(
        ['recent revs', 'loc', 'fixes', 'authors', 'islands', 'fan-in', 'area'],
        areas.map((a) => [
          String(a.recentRevisions),
          number(a.loc),
          String(a.bugFixRevisions),
          String(a.authors),
          String(a.knowledgeIslands),
          String(a.fanIn),
          a.name === a.path ? a.path : `${a.path} (${a.name})`,
        ]),
        [true, true, true, true, true, true, false],
      ),
    );
  }

  const couplings = snapshot.coupling.slice(0, top);
  out.push('', 'Strongest change coupling');
  if (couplings.length === 0) out.push('  none above the thresholds');
  else {
    out.push(
      ...table(
        ['degree', 'shared', 'files'],
        couplings.map((c) => [`${c.degree}%`, String(c.shared), `${c.a}  <->  ${c.b}`]),
        [true, true, false],
      ),
    );
  }

  out.push('', `Files that failed to parse: ${snapshot.parseFailures.length}`);
  for (const failure of snapshot.parseFailures.slice(0, top))
    out.push(`  ${failure.path}: ${failure.reason}`);
  if (snapshot.parseFailures.length > top)
    out.push(`  … and ${snapshot.parseFailures.length - top} more (see --json)`);
  const binary = snapshot.skipped.filter((s) => s.reason === 'binary').length;
  const large = snapshot.skipped.length - binary;
  out.push(`Files not read: ${binary} binary, ${large} too large`);
  return out.join('\n') + '\n';
}
