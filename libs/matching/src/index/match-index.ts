import { nameKey } from '../text/name-key';
import { tokenize } from '../text/tokenizer';
import { FileDocument, INDEX_FIELDS, MatchCorpus, PastTicket } from './corpus';
import { Bm25fScorer } from './bm25f-scorer';
import { familyNameDocs } from './family-names';
import { InvertedIndex, InvertedIndexBuilder } from './inverted-index';

export interface MatchIndexOptions {
  /** Newest commit subjects kept per file: old history says less about today's code. */
  maxSubjectsPerFile?: number;
  /** Comment text kept per file. */
  maxCommentChars?: number;
  /** Source text kept per file (the rest of a huge file adds little). */
  maxContentChars?: number;
}

const DEFAULTS: Required<MatchIndexOptions> = {
  maxSubjectsPerFile: 300,
  maxCommentChars: 20_000,
  maxContentChars: 200_000,
};

/** Everything the ranker needs about one snapshot, built once and queried many times. */
export interface MatchIndex {
  readonly paths: readonly string[];
  readonly docByPath: ReadonlyMap<string, number>;
  readonly areaNames: readonly string[];
  readonly areaOf: Uint32Array;
  readonly text: InvertedIndex;
  readonly textScorer: Bm25fScorer;
  /** Plain BM25 over source text; empty when the corpus came without it. */
  readonly content: InvertedIndex;
  readonly contentScorer: Bm25fScorer;
  readonly tickets: InvertedIndex;
  readonly ticketScorer: Bm25fScorer;
  readonly pastTickets: readonly PastTicket[];
  /** Per past ticket, the indexed files it changed. */
  readonly ticketDocs: readonly Uint32Array[];
  /** Uppercase ticket key → its past tickets: a ticket's own earlier work, once work has begun. */
  readonly ticketsByKey: ReadonlyMap<string, readonly number[]>;
  readonly loc: Float64Array;
  readonly revisions: Float64Array;
  readonly bugFixes: Float64Array;
  readonly lastChangedAt: Float64Array;
  readonly asOf: number;
  /** Lowercase declared symbol → files declaring it. */
  readonly symbolDocs: ReadonlyMap<string, readonly number[]>;
  /** Lowercase name assigned at the top level of a file's source (`wheel_file_re = …`) → files. */
  readonly assignedDocs: ReadonlyMap<string, readonly number[]>;
  /** Lowercase file name, with and without extension → files. */
  readonly nameDocs: ReadonlyMap<string, readonly number[]>;
  readonly stemDocs: ReadonlyMap<string, readonly number[]>;
  /** `nameKey` of the file name without extension → files, and of each declared symbol → files. */
  readonly fileKeyDocs: ReadonlyMap<string, readonly number[]>;
  readonly symbolKeyDocs: ReadonlyMap<string, readonly number[]>;
  /** `nameKey` of a file name without the words it shares with many others (family-names.ts) → files. */
  readonly familyKeyDocs: ReadonlyMap<string, readonly number[]>;
}

/** The past tickets a ticket key names (any case): the ticket's own earlier work. */
export function ticketsOfKey(index: MatchIndex, key: string): readonly number[] {
  return index.ticketsByKey.get(key.toUpperCase()) ?? [];
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

// An entry-point file that holds most of its folder's code is named by the folder:
// `src/addDays/index.ts` is addDays, `flask/json/__init__.py` is json. One that mostly re-exports
// the folder's other modules (`src/click/__init__.py`, a Rust `mod.rs` over its submodules) is not
// what a ticket naming the folder — often the project itself — is about.
const ENTRY_POINTS = new Set(['index', '__init__', 'mod', 'init']);
const LAYOUT_FOLDERS = new Set(['src', 'lib']);

/** Names files go by, without extension: their own, and their folder's for a main entry point. */
class FileNames {
  private readonly linesUnder = new Map<string, number>();

  constructor(files: readonly FileDocument[]) {
    for (const { path, loc = 0 } of files) {
      for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        const folder = path.slice(0, slash);
        this.linesUnder.set(folder, (this.linesUnder.get(folder) ?? 0) + loc);
      }
    }
  }

  of({ path, loc = 0 }: FileDocument): string[] {
    const own = withoutExtension(basename(path));
    if (!ENTRY_POINTS.has(own.toLowerCase())) return [own];
    const folders = directoryOf(path).split('/');
    while (folders.length > 1 && LAYOUT_FOLDERS.has(folders[folders.length - 1])) folders.pop();
    const folder = folders[folders.length - 1];
    if (folder === '.' || LAYOUT_FOLDERS.has(folder)) return [own];
    const folderLines = this.linesUnder.get(folders.join('/')) ?? 0;
    return loc * 2 >= folderLines && loc > 0 ? [folder, own] : [own];
  }
}

export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '.';
}

// A name given a value at a line's start: a module's constant or variable (Python, JavaScript,
// Go, shell), which the parsers do not list as declarations. `const fs = require('fs')` is an import.
const TOP_LEVEL_ASSIGNMENT =
  /^(?:export\s+)?(?:(?:const|let|var|val|final|static|readonly)\s+)*([A-Za-z_$][\w$]{2,})\s*(?::[^=\n]*)?:?=(?![=>])(?!\s*(?:require\(|await\s+import\())/gm;

/** The names a source text assigns at the top level, each once. */
export function topLevelAssignments(content: string): Set<string> {
  const names = new Set<string>();
  for (const match of content.matchAll(TOP_LEVEL_ASSIGNMENT)) names.add(match[1].toLowerCase());
  return names;
}

function addTo(map: Map<string, number[]>, key: string, doc: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

function fileFields(
  file: FileDocument,
  names: readonly string[],
  ticketTitles: readonly string[] | undefined,
  options: Required<MatchIndexOptions>,
): string[][] {
  const subjects = (file.commitSubjects ?? []).slice(0, options.maxSubjectsPerFile);
  const fields: Record<(typeof INDEX_FIELDS)[number], string[]> = {
    name: tokenize(names.join(' ')),
    directories: tokenize(directoryOf(file.path).replace(/^\.$/, '')),
    symbols: tokenize((file.symbols ?? []).join(' ')),
    comments: tokenize((file.comments ?? '').slice(0, options.maxCommentChars)),
    commits: tokenize(subjects.join('\n')),
    tickets: tokenize((ticketTitles ?? []).join('\n')),
  };
  return INDEX_FIELDS.map((f) => fields[f]);
}

export function buildMatchIndex(corpus: MatchCorpus, options: MatchIndexOptions = {}): MatchIndex {
  const settings = { ...DEFAULTS, ...options };
  const docByPath = new Map<string, number>();
  const files: FileDocument[] = [];
  for (const file of corpus.files) {
    if (docByPath.has(file.path)) continue;
    docByPath.set(file.path, files.length);
    files.push(file);
  }
  const pastTickets = corpus.pastTickets ?? [];
  const titlesByDoc = new Map<number, string[]>();
  const ticketDocs: Uint32Array[] = [];
  const ticketBuilder = new InvertedIndexBuilder(1);
  const ticketsByKey = new Map<string, number[]>();
  for (const [t, ticket] of pastTickets.entries()) {
    if (ticket.key) {
      const key = ticket.key.toUpperCase();
      const same = ticketsByKey.get(key);
      if (same) same.push(t);
      else ticketsByKey.set(key, [t]);
    }
    const docs: number[] = [];
    for (const path of new Set(ticket.files)) {
      const doc = docByPath.get(path);
      if (doc === undefined) continue;
      docs.push(doc);
      const titles = titlesByDoc.get(doc);
      if (titles) titles.push(ticket.title);
      else titlesByDoc.set(doc, [ticket.title]);
    }
    ticketDocs.push(Uint32Array.from(docs));
    ticketBuilder.add([tokenize(ticket.text ?? ticket.title)]);
  }

  const fileNames = new FileNames(files);
  const textBuilder = new InvertedIndexBuilder(INDEX_FIELDS.length);
  const contentBuilder = new InvertedIndexBuilder(1);
  const n = files.length;
  const loc = new Float64Array(n);
  const revisions = new Float64Array(n);
  const bugFixes = new Float64Array(n);
  const lastChangedAt = new Float64Array(n);
  const areaIds = new Map<string, number>();
  const areaOf = new Uint32Array(n);
  const symbolDocs = new Map<string, number[]>();
  const assignedDocs = new Map<string, number[]>();
  const nameDocs = new Map<string, number[]>();
  const stemDocs = new Map<string, number[]>();
  const fileKeyDocs = new Map<string, number[]>();
  const symbolKeyDocs = new Map<string, number[]>();
  let newest = 0;
  files.forEach((file, doc) => {
    const names = fileNames.of(file);
    textBuilder.add(fileFields(file, names, titlesByDoc.get(doc), settings));
    const content = file.content?.slice(0, settings.maxContentChars);
    contentBuilder.add([content ? tokenize(content) : []]);
    if (content) for (const name of topLevelAssignments(content)) addTo(assignedDocs, name, doc);
    loc[doc] = file.loc ?? 0;
    revisions[doc] = file.revisions ?? file.commitSubjects?.length ?? 0;
    bugFixes[doc] = file.bugFixRevisions ?? 0;
    lastChangedAt[doc] = file.lastChangedAt ?? 0;
    newest = Math.max(newest, lastChangedAt[doc]);
    const area = file.area ?? directoryOf(file.path);
    let areaId = areaIds.get(area);
    if (areaId === undefined) {
      areaId = areaIds.size;
      areaIds.set(area, areaId);
    }
    areaOf[doc] = areaId;
    for (const symbol of file.symbols ?? []) {
      addTo(symbolDocs, symbol.toLowerCase(), doc);
      addTo(symbolKeyDocs, nameKey(symbol), doc);
    }
    addTo(nameDocs, basename(file.path).toLowerCase(), doc);
    for (const name of names) {
      addTo(stemDocs, name.toLowerCase(), doc);
      addTo(fileKeyDocs, nameKey(name), doc);
    }
  });
  const text = textBuilder.build();
  const content = contentBuilder.build();
  const tickets = ticketBuilder.build();
  return {
    paths: files.map((f) => f.path),
    docByPath,
    areaNames: [...areaIds.keys()],
    areaOf,
    text,
    textScorer: new Bm25fScorer(text),
    content,
    contentScorer: new Bm25fScorer(content),
    tickets,
    ticketScorer: new Bm25fScorer(tickets),
    pastTickets,
    ticketDocs,
    ticketsByKey,
    loc,
    revisions,
    bugFixes,
    lastChangedAt,
    asOf: corpus.asOf ?? newest,
    symbolDocs,
    assignedDocs,
    nameDocs,
    stemDocs,
    fileKeyDocs,
    symbolKeyDocs,
    familyKeyDocs: familyNameDocs(files.map((file) => fileNames.of(file)[0])),
  };
}
