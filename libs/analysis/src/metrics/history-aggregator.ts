import type { AnalysisOptions } from '../analysis-options';
import { CHANGE_STRIDE, CommitRecord, InternTable } from '../history/commit-record';
import type { CanonicalIdentity } from '../history/mailmap';
import { isReleaseSubject } from '../history/release-subject';
import { CouplingCounter, CouplingResult } from './coupling';
import { AuthorCredit, CreditLedger } from './credit-ledger';
import type { LoggedChange } from './fix-concentration';

export interface AggregationInput {
  /** Newest first, children before parents; already limited to the window. */
  commits: readonly CommitRecord[];
  paths: InternTable;
  /** Canonical identity per raw identity id. */
  identities: readonly CanonicalIdentity[];
  renames: boolean;
  isExcluded: (path: string) => boolean;
  /** Files of the analysed tree (after exclusions), in output order. */
  files: readonly string[];
  fileArea: Int32Array;
  /**
   * 1 where the file is its area's code: source that counts toward the area (`countsTowardArea`:
   * not a test in a code area). Only changes to such files are the area's history — revisions,
   * authors, fixes, churn — and make areas co-change. A release that bumps every package's
   * manifest and changelog, a dependency bump or a README edit is no work on an area's code, and
   * "plan for that area too" must not be built on it.
   */
  areaCode: Uint8Array;
  areaCount: number;
  headTime: number;
  options: AnalysisOptions;
}

export interface AuthorSummary {
  key: string;
  name: string;
  commits: number;
  lastCommit: number;
}

export interface TicketHistory {
  key: string;
  commits: string[];
  subjects: string[];
  files: number[];
  bugFix: boolean;
  first: number;
  last: number;
}

/** Per-item history figures, indexed like `files` (or areas); times are Unix seconds, -1 when never changed. */
export interface ItemHistory {
  revisions: Int32Array;
  recentRevisions: Int32Array;
  added: Float64Array;
  deleted: Float64Array;
  bugFixRevisions: Int32Array;
  recentBugFixRevisions: Int32Array;
  firstSeen: Float64Array;
  lastChanged: Float64Array;
  sumOfCoupling: Float64Array;
  credit: CreditLedger;
}

export interface HistoryFigures {
  commits: number;
  authors: AuthorSummary[];
  files: ItemHistory;
  areas: ItemHistory;
  coupling: CouplingResult[];
  ticketCoupling: CouplingResult[];
  areaCoupling: CouplingResult[];
  tickets: TicketHistory[];
  /** Every commit's files in the analysed tree, newest first, for the fix-concentration backtest. */
  changeLog: LoggedChange[];
  /** Commit indices (into `commits`) touching each file, for the matcher's corpus; only when asked. */
  commitsByFile?: number[][];
}

function newItemHistory(count: number): ItemHistory {
  return {
    revisions: new Int32Array(count),
    recentRevisions: new Int32Array(count),
    added: new Float64Array(count),
    deleted: new Float64Array(count),
    bugFixRevisions: new Int32Array(count),
    recentBugFixRevisions: new Int32Array(count),
    firstSeen: new Float64Array(count).fill(-1),
    lastChanged: new Float64Array(count).fill(-1),
    sumOfCoupling: new Float64Array(count),
    credit: new CreditLedger(count),
  };
}

function touch(
  item: ItemHistory,
  i: number,
  when: { time: number; fix: boolean; recent: boolean },
  credit: AuthorCredit,
  added: number,
  deleted: number,
): void {
  item.revisions[i]++;
  if (when.recent) item.recentRevisions[i]++;
  item.added[i] += added;
  item.deleted[i] += deleted;
  if (when.fix) item.bugFixRevisions[i]++;
  if (when.fix && when.recent) item.recentBugFixRevisions[i]++;
  if (item.lastChanged[i] < when.time) item.lastChanged[i] = when.time;
  if (item.firstSeen[i] === -1 || item.firstSeen[i] > when.time) item.firstSeen[i] = when.time;
  item.credit.add(i, credit, added);
}

/**
 * One pass over the history, newest first, following renames: a change's identity is the path the
 * file has at the analysed revision. A rename `old → new` seen at commit C makes every older change
 * to `old` count for whatever `new` became. Everything else is counted per identity as it streams by.
 */
export function aggregateHistory(input: AggregationInput, withCorpus = false): HistoryFigures {
  const { commits, paths, options, files } = input;
  const fileCount = files.length;
  const fileOfPath = new Int32Array(paths.size).fill(-1);
  for (let f = 0; f < fileCount; f++) {
    const id = paths.find(files[f]);
    if (id !== undefined) fileOfPath[id] = f;
  }
  const excluded = new Int8Array(paths.size).fill(-1);
  const isExcluded = (id: number): boolean => {
    if (excluded[id] === -1) excluded[id] = input.isExcluded(paths.values[id]) ? 1 : 0;
    return excluded[id] === 1;
  };
  const identityOf = new Int32Array(paths.size).fill(-1);
  const stamp = new Int32Array(paths.size).fill(-1);
  const areaStamp = new Int32Array(input.areaCount).fill(-1);

  const fileHistory = newItemHistory(fileCount);
  const areaHistory = newItemHistory(input.areaCount);
  const commitsByFile = withCorpus ? Array.from({ length: fileCount }, () => [] as number[]) : undefined;

  // Canonical authors are numbered in order of first appearance, which is the same for full and incremental runs.
  const authorIndex = new Map<string, number>();
  const authors: AuthorSummary[] = [];
  const recentFrom = input.headTime - options.hotspotDays * 86400;
  const bugTickets = new Set(options.bugTickets);

  const keptFileSets: Int32Array[] = [];
  const keptAreaSets: Int32Array[] = [];
  const fileCouplingRevs = new Int32Array(fileCount);
  const areaCouplingRevs = new Int32Array(input.areaCount);
  const tickets = new Map<string, { history: TicketHistory; identities: Set<number> }>();
  const changeLog: LoggedChange[] = [];

  const ids: number[] = [];
  const addedOf: number[] = [];
  const deletedOf: number[] = [];
  const credit: AuthorCredit = { authors: [], weight: 1 };

  for (let c = 0; c < commits.length; c++) {
    const commit = commits[c];
    credit.authors.length = 0;
    for (const raw of [commit.author, ...commit.coAuthors]) {
      const identity = input.identities[raw];
      let a = authorIndex.get(identity.key);
      if (a === undefined) {
        a = authors.length;
        authorIndex.set(identity.key, a);
        authors.push({ key: identity.key, name: identity.name, commits: 0, lastCommit: commit.time });
      }
      if (!credit.authors.includes(a)) credit.authors.push(a);
    }
    credit.weight = 1 / credit.authors.length;
    for (const a of credit.authors) {
      authors[a].commits++;
      if (authors[a].lastCommit < commit.time) authors[a].lastCommit = commit.time;
    }

    // Identities of this commit's changes, each once; renames are applied after, for older commits.
    ids.length = 0;
    addedOf.length = 0;
    deletedOf.length = 0;
    const changes = commit.changes;
    for (let k = 0; k < changes.length; k += CHANGE_STRIDE) {
      const path = changes[k];
      if (isExcluded(path)) continue;
      const identity = identityOf[path] === -1 ? path : identityOf[path];
      if (stamp[identity] === c) {
        const at = ids.indexOf(identity);
        addedOf[at] += changes[k + 1];
        deletedOf[at] += changes[k + 2];
        continue;
      }
      stamp[identity] = c;
      ids.push(identity);
      addedOf.push(changes[k + 1]);
      deletedOf.push(changes[k + 2]);
    }
    if (input.renames) {
      for (let k = 0; k < changes.length; k += CHANGE_STRIDE) {
        const from = changes[k + 3];
        if (from < 0) continue;
        const to = changes[k];
        identityOf[from] = identityOf[to] === -1 ? to : identityOf[to];
      }
    }

    const size = ids.length;
    // A release bumps every package's version file at once: coupling by rule, not by design (on
    // sinatra such pairs, version.rb × 3 and VERSION, were the six strongest). Areas follow files.
    const kept = size > 0 && size <= options.coupling.maxChangesetSize && !isReleaseSubject(commit.subject);
    // A commit is a fix by its subject, or by naming a ticket the tracker knows as a bug.
    const fix = commit.fix || (bugTickets.size > 0 && commit.tickets.some((key) => bugTickets.has(key)));
    const when = { time: commit.time, fix, recent: commit.time >= recentFrom };
    const keptFiles: number[] = [];
    const areas: number[] = [];
    const areaAdded: number[] = [];
    const areaDeleted: number[] = [];
    const inTree: number[] = [];
    for (let i = 0; i < size; i++) {
      const f = fileOfPath[ids[i]];
      if (f === -1) continue;
      inTree.push(f);
      touch(fileHistory, f, when, credit, addedOf[i], deletedOf[i]);
      commitsByFile?.[f].push(c);
      if (kept) {
        fileHistory.sumOfCoupling[f] += size - 1;
        fileCouplingRevs[f]++;
        keptFiles.push(f);
      }
      if (input.areaCode[f] === 0) continue;
      const area = input.fileArea[f];
      if (areaStamp[area] !== c) {
        areaStamp[area] = c;
        areas.push(area);
        areaAdded.push(0);
        areaDeleted.push(0);
      }
      const at = areas.indexOf(area);
      areaAdded[at] += addedOf[i];
      areaDeleted[at] += deletedOf[i];
    }
    for (let i = 0; i < areas.length; i++) {
      touch(areaHistory, areas[i], when, credit, areaAdded[i], areaDeleted[i]);
    }
    if (inTree.length > 0) {
      changeLog.push({ time: commit.time, files: Int32Array.from(inTree), fix, tickets: commit.tickets });
    }
    if (kept && keptFiles.length > 0) keptFileSets.push(Int32Array.from(keptFiles));
    if (kept && areas.length > 0) {
      keptAreaSets.push(Int32Array.from(areas));
      for (const area of areas) {
        areaCouplingRevs[area]++;
        areaHistory.sumOfCoupling[area] += areas.length - 1;
      }
    }

    for (const key of commit.tickets) {
      let ticket = tickets.get(key);
      if (!ticket) {
        ticket = {
          history: {
            key,
            commits: [],
            subjects: [],
            files: [],
            bugFix: false,
            first: commit.time,
            last: commit.time,
          },
          identities: new Set(),
        };
        tickets.set(key, ticket);
      }
      const h = ticket.history;
      h.commits.push(commit.hash);
      h.subjects.push(commit.subject);
      h.bugFix ||= when.fix;
      h.first = Math.min(h.first, commit.time);
      h.last = Math.max(h.last, commit.time);
      for (let i = 0; i < size; i++) ticket.identities.add(ids[i]);
    }
  }

  const fileCounter = new CouplingCounter(fileCount, fileCouplingRevs, options.coupling);
  for (const set of keptFileSets) fileCounter.add(set);
  const areaCounter = new CouplingCounter(input.areaCount, areaCouplingRevs, options.areaCoupling);
  for (const set of keptAreaSets) areaCounter.add(set);

  // Ticket coupling: the change set of a ticket is every file its commits touched.
  const ticketRevs = new Int32Array(fileCount);
  const ticketSets: Int32Array[] = [];
  const ticketList = [...tickets.values()].sort((x, y) =>
    x.history.key < y.history.key ? -1 : x.history.key > y.history.key ? 1 : 0,
  );
  for (const { history, identities } of ticketList) {
    const inTree = [...identities]
      .map((id) => fileOfPath[id])
      .filter((f) => f !== -1)
      .sort((x, y) => x - y);
    history.files = inTree;
    if (identities.size === 0 || identities.size > options.ticketCoupling.maxChangesetSize) continue;
    for (const f of inTree) ticketRevs[f]++;
    ticketSets.push(Int32Array.from(inTree));
  }
  const ticketCounter = new CouplingCounter(fileCount, ticketRevs, options.ticketCoupling);
  for (const set of ticketSets) ticketCounter.add(set);

  return {
    commits: commits.length,
    authors,
    files: fileHistory,
    areas: areaHistory,
    coupling: fileCounter.results(),
    ticketCoupling: ticketCounter.results(),
    areaCoupling: areaCounter.results(),
    tickets: ticketList.map((t) => t.history),
    changeLog,
    commitsByFile,
  };
}
