import { formatCount, plural } from '../counts';
import { MIN_BACKTEST_SIDE } from '../metrics/fix-concentration';
import { isSourcePath, isTestArea, isTestPath } from '../tree/file-kinds';
import { strongestByFamily } from './coupling-families';
import type { FixConcentrationCheck, RepositorySnapshot } from './snapshot.schema';

export interface SummaryOptions {
  /** Rows per table. */
  top?: number;
}

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

/** A pair worth a planner's attention: code on at least one side, no test on either. */
const isCodeCoupling = (a: string, b: string): boolean =>
  (isSourcePath(a) || isSourcePath(b)) && !isTestPath(a) && !isTestPath(b);

const leftOut = (count: number, one: string): string[] =>
  count > 0 ? [`  (${plural(count, one)} ranked among these ${count === 1 ? 'is' : 'are'} left out)`] : [];

/** What the backtest of "follow-up fixes concentrate here" found (metrics/fix-concentration.ts). */
function fixClaimLine(check: FixConcentrationCheck): string {
  const rest = check.changes - check.claimed;
  const verdict = check.supported
    ? 'notes may say "follow-up fixes concentrate here"'
    : 'notes do not say "follow-up fixes concentrate here"';
  if (check.changes === 0)
    return `no past change of code with 30 days after it to check the claim on; ${verdict}`;
  const on = `${formatCount(check.claimed)} of ${plural(check.changes, 'past change')} touched code with many recent fixes`;
  if (check.claimed < MIN_BACKTEST_SIDE || rest < MIN_BACKTEST_SIDE)
    return `${on}: too few to check; ${verdict}`;
  const share = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
  return `${on}: ${share(check.claimedFollowedByFix, check.claimed)} were followed by another fix within 30 days, the other ${formatCount(rest)} ${share(check.restFollowedByFix, rest)}; ${verdict}`;
}

/**
 * The human-readable report of a snapshot: what a PM or lead reads first. Riskiest areas rank
 * by their summed hotspot scores (recent change × size), the same signal as file hotspots. Test
 * files and test areas are left out of those tables (large, busy test suites would otherwise
 * fill them, while a ticket is planned against the code they test), and so are couplings without
 * code or with a test on either side; the snapshot itself keeps every figure.
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
    `History     ${plural(repo.commits, 'non-merge commit')}, ${window}, renames ${repo.renames ? 'followed' : 'not followed'}`,
  );
  // `summary.loc` also counts the lines of files no parser reads (docs, configuration).
  const codeLines = snapshot.files.reduce((sum, f) => sum + (f.hotspotPercentile !== null ? f.loc : 0), 0);
  out.push(
    `Files       ${formatCount(summary.files)} (${plural(summary.codeFiles, 'code file')}, ${plural(codeLines, 'line')} of code) in ${plural(summary.areas, 'area')}`,
  );
  out.push(`Authors     ${formatCount(summary.authors)} (${formatCount(summary.activeAuthors)} active)`);
  if (snapshot.fixConcentration) out.push(`Fix claim   ${fixClaimLine(snapshot.fixConcentration)}`);
  for (const warning of snapshot.warnings) out.push(`Warning     ${warning}`);

  const ranked = snapshot.files
    .filter((f) => f.hotspotPercentile !== null && f.hotspotScore > 0)
    .sort((a, b) => b.hotspotScore - a.hotspotScore || (a.path < b.path ? -1 : 1));
  const hotspots = ranked.filter((f) => !isTestPath(f.path)).slice(0, top);
  out.push('', 'Top hotspots (recent revisions × lines of code)');
  if (hotspots.length === 0) out.push('  none: no code file outside tests changed in the hotspot window');
  else {
    out.push(
      ...table(
        ['pct', 'recent revs', 'loc', 'max cx', 'owner', 'path'],
        hotspots.map((f) => [
          f.hotspotPercentile!.toFixed(1),
          String(f.recentRevisions),
          formatCount(f.loc),
          String(f.complexity.max),
          f.mainAuthor ? `${f.mainAuthor} ${Math.round(f.ownership * 100)}%` : '-',
          f.path,
        ]),
        [true, true, true, true, false, false],
      ),
      ...leftOut(ranked.indexOf(hotspots[hotspots.length - 1]) + 1 - hotspots.length, 'test file'),
    );
  }

  const rankedAreas = [...snapshot.areas]
    .filter((a) => a.hotspotScore > 0)
    .sort((a, b) => b.hotspotScore - a.hotspotScore || (a.path < b.path ? -1 : 1));
  const areas = rankedAreas.filter((a) => !isTestArea(a.path)).slice(0, top);
  out.push('', 'Riskiest areas (summed hotspot scores)');
  if (areas.length === 0) out.push('  none');
  else {
    out.push(
      ...table(
        ['recent revs', 'loc', 'fixes', 'authors', 'islands', 'fan-in', 'area'],
        areas.map((a) => [
          formatCount(a.recentRevisions),
          formatCount(a.loc),
          formatCount(a.bugFixRevisions),
          formatCount(a.authors),
          formatCount(a.knowledgeIslands),
          formatCount(a.fanIn),
          a.name === a.path ? a.path : `${a.path} (${a.name})`,
        ]),
        [true, true, true, true, true, true, false],
      ),
      ...leftOut(rankedAreas.indexOf(areas[areas.length - 1]) + 1 - areas.length, 'test area'),
    );
  }

  const { couplings, repeated } = strongestByFamily(
    snapshot.coupling.filter((c) => isCodeCoupling(c.a, c.b)),
    top,
  );
  out.push('', 'Strongest change coupling (code on at least one side, tests left out)');
  if (couplings.length === 0) out.push('  none above the thresholds');
  else {
    out.push(
      ...table(
        ['degree', 'shared', 'files'],
        couplings.map((c) => [`${c.degree}%`, String(c.shared), `${c.a}  <->  ${c.b}`]),
        [true, true, false],
      ),
    );
    if (repeated > 0)
      out.push(
        `  (${plural(repeated, 'more pair')} from the same families of files ${repeated === 1 ? 'is' : 'are'} left out)`,
      );
  }

  out.push('', `Files that failed to parse: ${snapshot.parseFailures.length}`);
  for (const failure of snapshot.parseFailures.slice(0, top))
    out.push(`  ${failure.path}: ${failure.reason}`);
  if (snapshot.parseFailures.length > top)
    out.push(`  … and ${snapshot.parseFailures.length - top} more (see --json)`);
  const count = (reason: string) => snapshot.skipped.filter((s) => s.reason === reason).length;
  const missing = count('missing');
  const generated = count('generated');
  out.push(
    `Files not read: ${count('binary')} binary, ${count('minified')} minified, ${count('too-large')} too large` +
      (missing > 0 ? `, ${missing} missing from the clone` : ''),
  );
  if (generated > 0)
    out.push(
      `Generated files left out of every figure: ${generated} (marked linguist-generated, by a generated-code header or by a T4 template beside them)`,
    );
  return out.join('\n') + '\n';
}
