import { isMatchablePath, isReleaseSubject, isTestPath } from '@sightline/analysis';
import { isOtherWork } from '../index/other-work';
import { dropReferences, tidyTitle, withoutReferences } from '../text/commit-references';
import { prepareTicket } from '../ticket/prepare-ticket';

/**
 * The evaluation set `sightline eval` measures on: commits after the cut that reference a ticket
 * (a tracker key or a `#123` issue/PR number) or are fixes. Each becomes a query (its subject,
 * stripped of everything a ticket title would not contain) with a gold set (the non-test source
 * files it changed that already existed at the cut, since a file that does not exist yet cannot
 * be predicted). A file moved after the cut is still the file the index knows: its gold entry is
 * the path it had at the cut.
 */
export interface HistoryCommit {
  hash: string;
  /** Committer time, Unix seconds. */
  time: number;
  subject: string;
  fix: boolean;
  /** Ticket keys the message names. */
  tickets: readonly string[];
  /** Every path the commit touched (both sides of a rename). */
  files: readonly string[];
  /** The moves among them, old path → new path. */
  renames?: readonly (readonly [string, string])[];
  /** Lines added + deleted (binary files count 0), when known. */
  linesChanged?: number;
}

export interface EvalQuery {
  id: string;
  query: string;
  /** The files the commit changed, by the paths they had at the cut (what the index holds). */
  gold: string[];
  /** The same files by the paths the commit left them at (what later commits touch). */
  changed: string[];
  time: number;
}

export interface EvalSetOptions {
  /** Queries kept, oldest first (closest to the cut). */
  limit: number;
  /** Commits touching more source files than this are sweeping changes, not tickets. */
  maxGoldFiles: number;
}

export const DEFAULT_EVAL_SET_OPTIONS: EvalSetOptions = { limit: 300, maxGoldFiles: 30 };

const ISSUE_NUMBER = /(?:^|[\s([])(?:GH-|gh-)?#\d+\b/;
// `fix(scope)!: `, also with the scope first (`(wasm) fix: `).
const CONVENTIONAL = /^\s*(?:\([^)]*\)\s*)?[a-z]+(?:\([^)]*\))?!?:\s*/i;
// A changelog tag that opens with the kind of change (`[FIXED]`, `[IMPROVED]`, `[fix dist]`,
// `[tiny]`) is a commit type in brackets. A tag naming a part of the project (`[docs]`, `[Console]`)
// stays: it is a scope a tracker's title may hold too.
const CHANGE_TAG =
  /^\s*\[(?:fix(?:e[sd])?|bug ?fix(?:e[sd])?|bug|hotfix|feat(?:ure)?|new|add(?:ed)?|improved?|improvements?|enhance(?:d|ments?)?|change[sd]?|removed?|deprecated?|security|updated?|breaking|minor|tiny|trivial|wip|perf|refactor(?:ed|ing)?)(?:[\s,/]+[\w-]+)*\]\s*:?\s*/i;
// A backport bot's or a maintenance branch's tags: `[PR #1/830b9421 backport][3.13]`, `[3.12]`.
const BRANCH_TAGS =
  /^\s*(?:\[(?:[^\]]*\b(?:backport|cherry[- ]?pick(?:ed)?)\b[^\]]*|v?\d+(?:\.(?:\d+|x))+)\]\s*)+/i;
const REVERT = /^\s*revert\b\s*:?\s*"?(.*?)"?\s*$/i;
// A CI directive (`[ci skip]`, `[skip ci]`) steers the build; no ticket's title holds one.
const CI_DIRECTIVE = /\[(?:ci skip|skip ci|no ci|skip actions)\]/gi;

/** A commit subject as the ticket title it stands for: also without a commit-type prefix or "Revert". */
export function cleanQuery(subject: string): string {
  let text = dropReferences(subject.replace(CI_DIRECTIVE, ' ')).replace(BRANCH_TAGS, '');
  const revert = REVERT.exec(text);
  if (revert) text = revert[1];
  text = text.replace(CHANGE_TAG, '').replace(CONVENTIONAL, '');
  // A second conventional prefix survives after a ticket key ("LANG-12: fix(x): …").
  return tidyTitle(text.replace(CONVENTIONAL, ''));
}

// What a revert of a merge leaves once "Revert" is unwrapped: a merge's subject, no ticket's title.
const MERGE_SUBJECT = /^Merge (?:branch|remote-tracking branch|pull request|tag|commit)\b/i;
// A formatting bot's commit (`[pre-commit.ci] auto fixes from pre-commit.com hooks`, `[autofix.ci]
// apply automated fixes`): "fixes" qualifies it, but no one filed a ticket for it.
const BOT_SUBJECT = /^\s*\[(?:pre-commit\.ci(?: lite)?|autofix\.ci|bot)\]/i;

/**
 * The ticket title a commit subject stands for, or undefined when none is left: "Fixes #812"
 * leaves "Fixes", which holds no word the matcher reads — the ticket's title is in the tracker,
 * not in the commit — `Revert "Merge branch '10.5'"` leaves a merge's subject and "v7.0.0 (#3722)"
 * a release's.
 */
function queryOf(subject: string): string | undefined {
  if (BOT_SUBJECT.test(subject)) return undefined;
  const query = cleanQuery(subject);
  return !MERGE_SUBJECT.test(query) &&
    !isReleaseSubject(query) &&
    prepareTicket({ title: query }).terms.length > 0
    ? query
    : undefined;
}

export function isQualifying(commit: HistoryCommit): boolean {
  return commit.fix || commit.tickets.length > 0 || ISSUE_NUMBER.test(commit.subject);
}

/**
 * Follows files from the cut through later moves: which path each file had at the cut. Fed the
 * commits after the cut oldest first, every one of them, so that no move is missed.
 */
export class CutPaths {
  /** A path moved to since the cut → its path at the cut; a path moved away from → null. */
  private readonly moved = new Map<string, string | null>();

  constructor(private readonly existsAtCut: (path: string) => boolean) {}

  record(commit: HistoryCommit): void {
    for (const [from, to] of commit.renames ?? []) {
      const origin = this.atCut(from);
      this.moved.set(from, null);
      if (origin !== undefined) this.moved.set(to, origin);
    }
  }

  /** The path `path` had at the cut, or undefined when it names no file that existed there. */
  atCut(path: string): string | undefined {
    const moved = this.moved.get(path);
    if (moved !== undefined) return moved ?? undefined;
    return this.existsAtCut(path) ? path : undefined;
  }
}

/** The commit's non-test source files that existed at the cut, by their paths there. */
export function goldFiles(commit: HistoryCommit, cutPaths: CutPaths): string[] {
  const gold = new Set<string>();
  for (const f of commit.files) {
    const path = isMatchablePath(f) ? cutPaths.atCut(f) : undefined;
    if (path !== undefined) gold.add(path);
  }
  return [...gold].sort();
}

/** Queries from commits after the cut, given oldest first. */
export function buildEvalSet(
  commitsAfterCut: readonly HistoryCommit[],
  existsAtCut: (path: string) => boolean,
  options: EvalSetOptions = DEFAULT_EVAL_SET_OPTIONS,
): EvalQuery[] {
  const cutPaths = new CutPaths(existsAtCut);
  const queries: EvalQuery[] = [];
  // A change a backport bot copied to another branch (`[PR #1/ab12 backport][3.13] …`) is the
  // same ticket again. Untagged repeats stay: the same title on the same files can be a new ticket.
  const asked = new Set<string>();
  for (const commit of commitsAfterCut) {
    if (queries.length >= options.limit) break;
    cutPaths.record(commit);
    if (!isQualifying(commit)) continue;
    const touched = commit.files.filter(isMatchablePath);
    if (touched.length === 0 || touched.length > options.maxGoldFiles) continue;
    const gold = goldFiles(commit, cutPaths);
    const query = queryOf(commit.subject);
    if (gold.length === 0 || query === undefined) continue;
    const changed = touched.filter((f) => cutPaths.atCut(f) !== undefined).sort();
    const question = `${query}\n${gold.join('\n')}`;
    if (asked.has(question) && BRANCH_TAGS.test(withoutReferences(commit.subject))) continue;
    asked.add(question);
    queries.push({ id: commit.hash, query, gold, changed, time: commit.time });
  }
  return queries;
}

/** A query from work that changed no source file (documentation, CI, build configuration). */
export interface OtherWorkQuery {
  id: string;
  query: string;
}

/**
 * Ticket-like commits after the cut that changed no source or test file but some other work's
 * (other-work.ts), given oldest first: there is no right file for them, so `sightline eval` shows
 * how confident the matcher was on them.
 */
export function buildOtherWorkSet(
  commitsAfterCut: readonly HistoryCommit[],
  limit: number,
): OtherWorkQuery[] {
  const out: OtherWorkQuery[] = [];
  for (const commit of commitsAfterCut) {
    if (out.length >= limit) break;
    if (!isQualifying(commit) || !commit.files.some(isOtherWork)) continue;
    if (commit.files.some((f) => isMatchablePath(f) || isTestPath(f))) continue;
    const query = queryOf(commit.subject);
    if (query !== undefined) out.push({ id: commit.hash, query });
  }
  return out;
}

/**
 * Where to cut when the user gives none: just before the `limit`-th newest commit that could
 * become a query, so that about `limit` queries follow the cut — but never so far back that less
 * than half of the history lies before the cut, because an index of a young repository says
 * little about how matching works on today's code. Takes commits newest first and returns the
 * index of the cut revision in that list: the first from that point on that `isOwn` accepts,
 * since topological order can put a history merged in from another repository there, and a cut
 * inside it would index another project's tree.
 */
export function defaultCutIndex(
  commitsNewestFirst: readonly HistoryCommit[],
  limit: number,
  maxGoldFiles: number,
  isOwn: (hash: string) => boolean = () => true,
): number {
  const counted = countedCutIndex(commitsNewestFirst, limit, maxGoldFiles);
  for (let i = counted; i < commitsNewestFirst.length; i++) if (isOwn(commitsNewestFirst[i].hash)) return i;
  return counted;
}

/**
 * Newer cuts to try when the default one leaves almost no queries: a quarter of the way to the
 * newest commit, half, three quarters (`tries` evenly spaced steps), each the own commit nearest
 * that point and newer than the cut tried before. A project that replaced its tree (HCL's v2 came
 * in from another repository and the v1 files went) has no query whose files existed at a cut
 * before the replacement.
 */
export function newerCutIndices(
  cut: number,
  isOwn: (hash: string) => boolean,
  commitsNewestFirst: readonly { hash: string }[],
  tries = 3,
): number[] {
  const out: number[] = [];
  let previous = cut;
  for (let step = 1; step <= tries; step++) {
    const at = nearestOwn(
      Math.floor((cut * (tries + 1 - step)) / (tries + 1)),
      previous,
      isOwn,
      commitsNewestFirst,
    );
    if (at === undefined) continue;
    out.push(at);
    previous = at;
  }
  return out;
}

/** The own commit nearest `at` strictly between the newest commit and `before`. */
function nearestOwn(
  at: number,
  before: number,
  isOwn: (hash: string) => boolean,
  commitsNewestFirst: readonly { hash: string }[],
): number | undefined {
  for (let distance = 0; at - distance > 0 || at + distance < before; distance++) {
    for (const i of [at + distance, at - distance]) {
      if (i > 0 && i < before && isOwn(commitsNewestFirst[i].hash)) return i;
    }
  }
  return undefined;
}

function countedCutIndex(
  commitsNewestFirst: readonly HistoryCommit[],
  limit: number,
  maxGoldFiles: number,
): number {
  const latest = Math.floor((commitsNewestFirst.length - 1) / 2);
  let seen = 0;
  for (let i = 0; i < latest; i++) {
    const c = commitsNewestFirst[i];
    if (!isQualifying(c)) continue;
    const touched = c.files.filter(isMatchablePath).length;
    if (touched === 0 || touched > maxGoldFiles || queryOf(c.subject) === undefined) continue;
    if (++seen >= limit) return i + 1;
  }
  return latest;
}
