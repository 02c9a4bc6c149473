/**
 * What the matcher indexes for one repository snapshot. Plain data, filled from the analysis
 * (symbols and comments from the parsers, per-file history from the git reader) by whoever builds
 * the index; the matcher never reads git or the file system itself.
 */
export interface FileDocument {
  /** Repository-relative path with forward slashes. */
  path: string;
  /** Declared names: classes, functions, methods, exported names. */
  symbols?: readonly string[];
  /** Comment and docstring text. */
  comments?: string;
  /**
   * The file's source text, when the caller has it (the CLI reads it from git). Scored as a
   * separate signal: the identifiers a file *uses* and the messages it raises, which its
   * declarations and comments do not name.
   */
  content?: string;
  /** Subjects of the commits that changed the file (newest first; extra ones may be dropped). */
  commitSubjects?: readonly string[];
  /** Code lines. */
  loc?: number;
  /** Non-merge commits that changed the file. */
  revisions?: number;
  /** Of those, the fixes. */
  bugFixRevisions?: number;
  /** Time of the last change, ms since the epoch. */
  lastChangedAt?: number;
  /** Code area the file belongs to; defaults to its directory. */
  area?: string;
}

/**
 * A past ticket with the title it was filed under and the files its commits changed; without a
 * key, a past change known only by its commit subject.
 */
export interface PastTicket {
  key?: string;
  /** What a reader is shown; may be empty (ticket-title.ts). */
  title: string;
  /** The words similar tickets are found by, when more than the title: all its commits' subjects. */
  text?: string;
  files: readonly string[];
  /**
   * For work that changed no ranked file: the files it changed instead (documentation, CI, build
   * configuration). A ticket most like such work is likely such work too (similar-tickets.ts).
   */
  otherFiles?: readonly string[];
  /** When it was done, ms since the epoch. */
  at?: number;
  bugFix?: boolean;
}

export interface MatchCorpus {
  files: readonly FileDocument[];
  pastTickets?: readonly PastTicket[];
  /** "Now" for recency: the analysed revision's time, so results are reproducible. Ms since epoch. */
  asOf?: number;
}

/** Index fields, in BM25F order. */
export const INDEX_FIELDS = ['name', 'directories', 'symbols', 'comments', 'commits', 'tickets'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];
