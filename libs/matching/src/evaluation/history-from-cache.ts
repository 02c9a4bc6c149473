import { CHANGE_STRIDE, type AnalysisCache } from '@sightline/analysis';
import { HistoryCommit } from './eval-set';

/**
 * The commit list an analysis already read (its cache holds one compact record per non-merge
 * commit, newest first in topological order), as the evaluation needs it. Reading it from the
 * analysis keeps one git history reader in the code base.
 */
export function historyFromAnalysisCache(cache: AnalysisCache): HistoryCommit[] {
  return cache.commits.map((c) => {
    const files = new Set<string>();
    const renames: [string, string][] = [];
    let linesChanged = 0;
    for (let k = 0; k < c.changes.length; k += CHANGE_STRIDE) {
      files.add(cache.paths[c.changes[k]]);
      linesChanged += c.changes[k + 1] + c.changes[k + 2];
      const from = c.changes[k + 3];
      if (from >= 0) {
        files.add(cache.paths[from]);
        renames.push([cache.paths[from], cache.paths[c.changes[k]]]);
      }
    }
    return {
      hash: c.hash,
      time: c.time,
      subject: c.subject,
      fix: c.fix,
      tickets: c.tickets,
      files: [...files],
      renames,
      // A commit git could not diff (a clone lacking a file version) has no size to compare.
      linesChanged: c.linesUnknown ? undefined : linesChanged,
    };
  });
}
