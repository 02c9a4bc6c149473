import {
  isMatchablePath,
  TICKET_KEY_IN_TEXT,
  type RepositoryCorpus,
  type RepositorySnapshot,
} from '@sightline/analysis';
import { distinctSubjects, ticketTitle } from '../text/ticket-title';
import { FileDocument, MatchCorpus, PastTicket } from './corpus';
import { isOtherWork } from './other-work';

/**
 * The matcher's corpus from one analysis (`collectRepositoryCorpus`): per-file text and history
 * figures, past tickets, and past changes. Past changes are the files' commit subjects grouped by
 * subject: each distinct subject stands for the change(s) made under it and the files they
 * touched, which serves repositories whose commits name no tickets. Subjects naming a ticket are
 * left to that ticket's entry so no change votes twice. Work that changed no ranked file —
 * documentation, CI, build configuration (other-work.ts) — is kept too, with the files it changed
 * instead, so that a ticket most like it can be told apart from code work.
 */
export interface AnalysisCorpusOptions {
  /** Keep only files the matcher ranks (source, not tests); default true. */
  matchableOnly?: boolean;
}

const TICKET_KEY = new RegExp(TICKET_KEY_IN_TEXT);
// A subject shared by more files than this is a sweep ("Reformat", "Javadoc"), no evidence.
const MAX_CHANGE_FILES = 50;
const MAX_TITLE_CHARS = 300;

/** The files changed under one commit subject: those the matcher ranks, and other work's. */
interface SubjectFiles {
  ranked: string[];
  other: string[];
}

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
  const bySubject = new Map<string, SubjectFiles>();
  for (const file of corpus.files) {
    const ranked = keep(file.path);
    if (ranked || isOtherWork(file.path)) {
      for (const subject of file.commitSubjects) {
        if (TICKET_KEY.test(subject)) continue;
        let entry = bySubject.get(subject);
        if (!entry) bySubject.set(subject, (entry = { ranked: [], other: [] }));
        (ranked ? entry.ranked : entry.other).push(file.path);
      }
    }
    if (!ranked) continue;
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
  }
  const pastTickets: PastTicket[] = corpus.tickets.map((t) => ({
    key: t.key,
    title: ticketTitle(t.subjects).slice(0, MAX_TITLE_CHARS),
    text: distinctSubjects(t.subjects).join('; ').slice(0, MAX_TITLE_CHARS),
    ...changed(t.files.filter(keep), t.files.filter(isOtherWork)),
  }));
  for (const [subject, { ranked, other }] of bySubject) {
    const change = changed(ranked, other);
    if (Math.max(change.files.length, change.otherFiles?.length ?? 0) > MAX_CHANGE_FILES) continue;
    pastTickets.push({ title: subject.slice(0, MAX_TITLE_CHARS), ...change });
  }
  return {
    files,
    pastTickets: pastTickets.filter((t) => t.files.length > 0 || (t.otherFiles?.length ?? 0) > 0),
    asOf: time(snapshot.repository.headTime),
  };
}

/** A change's files; the other files only when it changed no ranked one (corpus.ts). */
function changed(ranked: string[], other: string[]): Pick<PastTicket, 'files' | 'otherFiles'> {
  return ranked.length > 0 || other.length === 0 ? { files: ranked } : { files: [], otherFiles: other };
}
