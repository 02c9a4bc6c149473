/**
 * "This area is right / wrong for this ticket", recorded from the tracker (enrichment calls
 * `record`) and read back by later rankings. The in-memory store serves the CLI and tests; a
 * persistent store implements the same interface.
 */
export type FeedbackVerdict = 'right' | 'wrong';

export interface FeedbackEntry {
  ticketKey: string;
  /** A file path or an area path, as the ranking reported it. */
  path: string;
  target: 'file' | 'area';
  verdict: FeedbackVerdict;
  /**
   * The ticket's text when the verdict was given. With it, the verdict also informs rankings of
   * *similar* tickets; without it, only rankings of the same ticket.
   */
  ticketText?: string;
  /** ISO-8601 time of the verdict; the latest verdict for a ticket and path wins. */
  at?: string;
}

export interface FeedbackStore {
  record(entry: FeedbackEntry): Promise<void>;
  /** Every current verdict (latest per ticket, target and path), oldest first. */
  list(): Promise<FeedbackEntry[]>;
}

function entryKey(entry: FeedbackEntry): string {
  return `${entry.ticketKey}\u0000${entry.target}\u0000${entry.path}`;
}

/** Keeps the latest verdict per ticket, target and path; drops nothing else. */
export function latestVerdicts(entries: readonly FeedbackEntry[]): FeedbackEntry[] {
  const latest = new Map<string, FeedbackEntry>();
  for (const entry of entries) {
    const key = entryKey(entry);
    const previous = latest.get(key);
    if (!previous || (entry.at ?? '') >= (previous.at ?? '')) {
      latest.delete(key);
      latest.set(key, entry);
    }
  }
  return [...latest.values()];
}

export class InMemoryFeedbackStore implements FeedbackStore {
  private entries: FeedbackEntry[] = [];

  async record(entry: FeedbackEntry): Promise<void> {
    this.entries = latestVerdicts([...this.entries, { ...entry }]);
  }

  async list(): Promise<FeedbackEntry[]> {
    return this.entries.map((e) => ({ ...e }));
  }
}
