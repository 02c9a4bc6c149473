import { MatchIndex } from '../index/match-index';
import { tokenize } from '../text/tokenizer';
import { QueryTerm } from '../ticket/prepare-ticket';
import { FeedbackEntry, FeedbackVerdict, latestVerdicts } from './feedback-store';

/**
 * Turns verdicts into a per-file adjustment in [-1, 1]. A verdict on this very ticket counts in
 * full; a verdict on another ticket counts in proportion to how similar the two texts are (cosine
 * of their term counts), and not at all below a threshold, so one "wrong" never leaks into
 * unrelated tickets.
 */
export interface FeedbackSignal {
  value: number;
  verdict: FeedbackVerdict;
  tickets: string[];
}

const MIN_SIMILARITY = 0.3;
// Another ticket's verdict never counts as much as a verdict on this one.
const OTHER_TICKET_SHARE = 0.5;

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, v] of a) {
    na += v * v;
    dot += v * (b.get(t) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function filesOf(index: MatchIndex, entry: FeedbackEntry): number[] {
  if (entry.target === 'file') {
    const doc = index.docByPath.get(entry.path);
    return doc === undefined ? [] : [doc];
  }
  const prefix = entry.path.endsWith('/') ? entry.path : `${entry.path}/`;
  const docs: number[] = [];
  index.paths.forEach((path, doc) => {
    if (index.areaNames[index.areaOf[doc]] === entry.path || path.startsWith(prefix)) docs.push(doc);
  });
  return docs;
}

export function feedbackSignals(
  index: MatchIndex,
  ticketKey: string | undefined,
  terms: readonly QueryTerm[],
  feedback: readonly FeedbackEntry[],
): Map<number, FeedbackSignal> {
  const out = new Map<number, FeedbackSignal>();
  if (feedback.length === 0) return out;
  const query = new Map(terms.map((t) => [t.term, t.weight]));
  for (const entry of latestVerdicts(feedback)) {
    let strength: number;
    if (ticketKey !== undefined && entry.ticketKey === ticketKey) strength = 1;
    else if (entry.ticketText) {
      const similarity = cosine(query, termCounts(tokenize(entry.ticketText)));
      if (similarity < MIN_SIMILARITY) continue;
      strength = similarity * OTHER_TICKET_SHARE;
    } else continue;
    const signed = entry.verdict === 'right' ? strength : -strength;
    for (const doc of filesOf(index, entry)) {
      const signal = out.get(doc) ?? { value: 0, verdict: entry.verdict, tickets: [] };
      signal.value = Math.max(-1, Math.min(1, signal.value + signed));
      signal.verdict = signal.value >= 0 ? 'right' : 'wrong';
      if (!signal.tickets.includes(entry.ticketKey)) signal.tickets.push(entry.ticketKey);
      out.set(doc, signal);
    }
  }
  return out;
}
