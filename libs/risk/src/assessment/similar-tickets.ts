import { ticketTitle, type MatchResult, type RankedResult } from '@sightline/matching';
import { plural, type RepositorySnapshot } from '@sightline/analysis';
import type { RiskCalibration } from '../calibration/risk-calibration';
import { round } from '../calibration/positions';
import type { SimilarPastTicket } from './risk-assessment';

const MAX_SIMILAR = 3;
const FILES_FOR_OVERLAP = 3;
const MAX_TITLE = 120;
const DAY_MS = 86_400_000;
/** Past ticket key → the highest text similarity the matcher gave it among the results. */
export function textSimilarities(results: readonly RankedResult[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of results) {
    for (const reason of r.reasons) {
      if (reason.kind !== 'similar-tickets') continue;
      for (const t of reason.tickets) {
        if (t.key) out.set(t.key, Math.max(out.get(t.key) ?? 0, t.similarity));
      }
    }
  }
  return out;
}

/**
 * Past tickets as evidence, never as a verdict: those the matcher found by similar text, and those
 * whose commits changed the best-matched files. Durations here are the commit span (all a snapshot
 * knows); the note shows the tracker's created → done instead where the tracker knows it. The
 * ticket itself (`ticketKey`) is never its own similar ticket: once work on it has begun, its
 * commits are in the history and would otherwise head the list.
 */
export function similarPastTickets(
  match: MatchResult,
  snapshot: RepositorySnapshot,
  calibration: RiskCalibration,
  ticketKey?: string,
): SimilarPastTicket[] {
  const own = ticketKey?.toUpperCase();
  const bySimilarity = textSimilarities([...match.files, ...match.areas]);
  const topFiles = match.files.slice(0, FILES_FOR_OVERLAP).map((f) => f.path);
  const shared = new Map<number, string[]>();
  for (const path of topFiles) {
    for (const t of calibration.index.ticketsByFile.get(path) ?? []) {
      const list = shared.get(t);
      if (list) list.push(path);
      else shared.set(t, [path]);
    }
  }
  for (const key of bySimilarity.keys()) {
    const t = calibration.index.ticketByKey.get(key);
    if (t !== undefined && !shared.has(t)) shared.set(t, []);
  }
  if (own !== undefined) {
    for (const t of shared.keys()) if (snapshot.tickets[t].key.toUpperCase() === own) shared.delete(t);
  }
  const candidates = [...shared.entries()].map(([t, files]) => {
    const ticket = snapshot.tickets[t];
    const first = Date.parse(ticket.firstCommitted);
    const last = Date.parse(ticket.lastCommitted);
    const similarity = bySimilarity.get(ticket.key);
    const past: SimilarPastTicket = {
      key: ticket.key,
      // The first commit's subject that says what the work was (ticket-title.ts); a commit-type
      // prefix ("fix:") stays, as it says what the work was too.
      title: ticketTitle(ticket.subjects).slice(0, MAX_TITLE),
      similarity: similarity === undefined ? null : round(similarity),
      sharedFiles: files,
      commits: ticket.commits.length,
      firstCommitted: ticket.firstCommitted,
      lastCommitted: ticket.lastCommitted,
      commitSpanDays: ticket.commits.length > 1 ? round((last - first) / DAY_MS, 1) : null,
    };
    return { past, last, commits: ticket.commits };
  });
  candidates.sort(
    (a, b) =>
      (b.past.similarity ?? -1) - (a.past.similarity ?? -1) ||
      b.past.sharedFiles.length - a.past.sharedFiles.length ||
      b.last - a.last ||
      a.past.key.localeCompare(b.past.key),
  );
  // One commit naming several keys ("Minor profile changes (AND-278, AND-279, AND-280)") is one
  // piece of past work: listed once, so the other slots show other work.
  const listed: SimilarPastTicket[] = [];
  const seenCommits = new Set<string>();
  for (const c of candidates) {
    if (listed.length === MAX_SIMILAR) break;
    if (c.commits.every((hash) => seenCommits.has(hash))) continue;
    listed.push(c.past);
    for (const hash of c.commits) seenCommits.add(hash);
  }
  return listed;
}

/** How far a past ticket's commits spread, as notes say it: "under a day", "3 days". */
export function describeCommitSpan(days: number): string {
  return days < 1 ? 'under a day' : plural(Math.round(days), 'day');
}
