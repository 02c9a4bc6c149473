import type { AreaLayout } from '../areas/area-detector';
import type { CommitRecord } from '../history/commit-record';
import type { HistoryFigures } from '../metrics/history-aggregator';
import type { BlobFacts } from '../tree/blob-facts';
import type { RepositorySnapshot } from '../snapshot/snapshot.schema';
import { commentText, declaredNames } from './unparsed-source';

/** Most recent commit subjects kept per file: older ones add little for matching and a lot of size. */
export const MAX_SUBJECTS_PER_FILE = 200;

/** The text of one file that ticket matching indexes. */
export interface CorpusFile {
  path: string;
  area: string;
  language: string | null;
  /** Declared names: classes, functions, methods, exported names. */
  symbols: string[];
  comments: string;
  /** Subjects of the commits that touched the file (renames followed), newest first, de-duplicated. */
  commitSubjects: string[];
  /** Ticket keys named by commits that touched the file. */
  tickets: string[];
  /**
   * Source text, for the files the matcher ranks (`isMatchablePath`) within the analysis's size
   * limit, minified bundles left out; absent in corpora stored before it was kept.
   */
  content?: string;
}

export interface CorpusArea {
  path: string;
  name: string;
  kind: 'rule' | 'package' | 'directory';
  files: string[];
}

export interface CorpusTicket {
  key: string;
  subjects: string[];
  files: string[];
}

/** Per-file text for matching, kept out of the JSON snapshot (it is large and not a figure). */
export interface RepositoryCorpus {
  head: string;
  files: CorpusFile[];
  areas: CorpusArea[];
  tickets: CorpusTicket[];
}

export function buildCorpus(input: {
  snapshot: RepositorySnapshot;
  files: readonly string[];
  facts: readonly (BlobFacts | undefined)[];
  commits: readonly CommitRecord[];
  history: HistoryFigures;
  layout: AreaLayout;
  /** Source text by path (see CorpusFile.content). */
  contents: ReadonlyMap<string, string>;
}): RepositoryCorpus {
  const { snapshot, files, facts, commits, history, layout, contents } = input;
  const ticketsByFile = files.map(() => [] as string[]);
  for (const ticket of history.tickets) {
    for (const f of ticket.files) ticketsByFile[f].push(ticket.key);
  }
  const areaFiles = layout.areas.map(() => [] as string[]);
  files.forEach((path, f) => areaFiles[layout.fileArea[f]].push(path));
  return {
    head: snapshot.repository.head,
    files: files.map((path, f) => {
      const subjects: string[] = [];
      const seen = new Set<string>();
      for (const c of history.commitsByFile?.[f] ?? []) {
        const subject = commits[c].subject;
        if (seen.has(subject)) continue;
        seen.add(subject);
        subjects.push(subject);
        if (subjects.length >= MAX_SUBJECTS_PER_FILE) break;
      }
      const content = contents.get(path);
      const language = snapshot.files[f].language;
      // A language without a parser declares names and has comments too; its text shows where.
      const unparsed = language === null && content !== undefined;
      return {
        path,
        area: snapshot.files[f].area,
        language,
        symbols: unparsed ? declaredNames(path, content) : (facts[f]?.symbols ?? []),
        comments: unparsed ? commentText(path, content) : (facts[f]?.comments ?? ''),
        commitSubjects: subjects,
        tickets: ticketsByFile[f],
        ...(content !== undefined ? { content } : {}),
      };
    }),
    areas: layout.areas.map((area, a) => ({
      path: area.path,
      name: area.name,
      kind: area.kind,
      files: areaFiles[a],
    })),
    tickets: history.tickets.map((t) => ({
      key: t.key,
      subjects: t.subjects,
      files: t.files.map((f) => files[f]),
    })),
  };
}
