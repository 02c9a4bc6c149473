import {
  isMatchablePath,
  TICKET_KEY_IN_TEXT,
  type RepositoryCorpus,
  type RepositorySnapshot,
} from '@sightline/analysis';
import { distinctSubjects, ticketTitle } from '../text/ticket-title';
import { FileDocument, MatchCorpus, PastTicket } from './corpus';

/**
 * The matcher's corpus from one analysis (`collectRepositoryCorpus`): per-file text and history
 * figures, past tickets, and past changes. Past changes are the files' commit subjects grouped by
 * subject: each distinct subject stands for the change(s) made under it and the files they
 * touched, which serves repositories whose commits name no tickets. Subjects naming a ticket are
 * left to that ticket's entry so no change votes twice.
 */
export interface AnalysisCorpusOptions {
  /** Keep only files the matcher ranks (source, not tests); default true. */
  matchableOnly?: boolean;
}

const TICKET_KEY = new RegExp(TICKET_KEY_IN_TEXT);
// A subject shared by more files than this is a sweep ("Reformat", "Javadoc"), no evidence.
const MAX_CHANGE_FILES = 50;
const MAX_TITLE_CHARS = 300;

function time(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

export function matchCorpusFromAnalysis(
  corpus: RepositoryCorpus,
  snapshot: RepositorySnapshot,
  options: AnalysisCorpusOptions = {},
): MatchCorpus {
  const keep = options.matchableOnly === false ? () => true : isMatchablePath;
  const figures = new Map(snapshot.files.map((f) => [f.path, f]));
  const files: FileDocument[] = [];
  const bySubject = new Map<string, string[]>();
  for (const file of corpus.files) {
    if (!keep(file.path)) continue;
    const f = figures.get(file.path);
    files.push({
      path: file.path,
      symbols: file.symbols,
      comments: file.comments,
      content: file.content,
      commitSubjects: file.commitSubjects,
      loc: f?.loc,
      revisions: f?.revisions,
      bugFixRevisions: f?.bugFixRevisions,
      lastChangedAt: time(f?.lastChanged),
      area: file.area,
    });
    for (const subject of file.commitSubjects) {
      if (TICKET_KEY.test(subject)) continue;
      const list = bySubject.get(subject);
      if (list) list.push(file.path);
      else bySubject.set(subject, [file.path]);
    }
  }
  const pastTickets: PastTicket[] = corpus.tickets.map((t) => ({
    key: t.key,
    title: ticketTitle(t.subjects).slice(0, MAX_TITLE_CHARS),
    text: distinctSubjects(t.subjects).join('; ').slice(0, MAX_TITLE_CHARS),
    files: t.files.filter(keep),
  }));
  for (const [subject, paths] of bySubject) {
    if (paths.length > MAX_CHANGE_FILES) continue;
    pastTickets.push({ title: subject.slice(0, MAX_TITLE_CHARS), files: paths });
  }
  return {
    files,
    pastTickets: pastTickets.filter((t) => t.files.length > 0),
    asOf: time(snapshot.repository.headTime),
  };
}
