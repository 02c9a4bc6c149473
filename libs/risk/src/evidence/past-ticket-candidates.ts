import type { RepositorySnapshot } from '@sightline/analysis';
import type { MatchResult } from '@sightline/matching';
import type { RiskCalibration } from '../calibration/risk-calibration';
import type { RiskAssessment } from '../assessment/risk-assessment';
import { textSimilarities } from '../assessment/similar-tickets';

/** At most this many past tickets per ticket are looked up: one tracker request (Jira takes 100 keys). */
export const MAX_PAST_TICKET_CANDIDATES = 50;
const FILES_FOR_OVERLAP = 5;

/** A past ticket (its key taken from commit messages) whose commits changed code in the ticket's areas. */
export interface PastTicketCandidate {
  key: string;
  /** The ticket's areas its commits touched. */
  areas: string[];
  /** Text similarity from the matcher (1 = the most similar past ticket), null when found by area alone. */
  similarity: number | null;
  /** How many of the ticket's best-matched files it changed. */
  sharedFiles: number;
  lastCommitted: string;
}

/**
 * The past tickets whose durations speak for the ticket's areas: every ticket whose commits changed
 * a file in one of the assessed areas, the most similar first (similar text, then more of the
 * best-matched files, then the most recent), at most `limit`. The ticket itself is left out: its
 * own commits may already be in the history.
 */
export function pastTicketCandidates(
  input: {
    ticketKey: string;
    match: MatchResult;
    assessment: Pick<RiskAssessment, 'areas'>;
    snapshot: RepositorySnapshot;
    calibration: RiskCalibration;
  },
  limit = MAX_PAST_TICKET_CANDIDATES,
): PastTicketCandidate[] {
  const { match, assessment, snapshot, calibration } = input;
  const areaPaths = new Set(assessment.areas.map((area) => area.path));
  if (areaPaths.size === 0) return [];
  const topFiles = new Set(match.files.slice(0, FILES_FOR_OVERLAP).map((file) => file.path));
  const similarity = textSimilarities([...match.files, ...match.areas]);
  const found = new Map<number, { areas: Set<string>; shared: Set<string> }>();
  for (const [path, figures] of calibration.index.files) {
    if (!areaPaths.has(figures.area)) continue;
    for (const t of calibration.index.ticketsByFile.get(path) ?? []) {
      const entry = found.get(t) ?? { areas: new Set<string>(), shared: new Set<string>() };
      entry.areas.add(figures.area);
      if (topFiles.has(path)) entry.shared.add(path);
      found.set(t, entry);
    }
  }
  const wanted = input.ticketKey.toUpperCase();
  return [...found.entries()]
    .map(([t, entry]): PastTicketCandidate => {
      const ticket = snapshot.tickets[t];
      return {
        key: ticket.key,
        areas: [...entry.areas].sort(),
        similarity: similarity.get(ticket.key) ?? null,
        sharedFiles: entry.shared.size,
        lastCommitted: ticket.lastCommitted,
      };
    })
    .filter((candidate) => candidate.key.toUpperCase() !== wanted)
    .sort(
      (a, b) =>
        (b.similarity ?? -1) - (a.similarity ?? -1) ||
        b.sharedFiles - a.sharedFiles ||
        Date.parse(b.lastCommitted) - Date.parse(a.lastCommitted) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}
