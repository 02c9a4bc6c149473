import type { AnalysisOptions } from '../analysis-options';
import type { AreaLayout } from '../areas/area-detector';
import type { RepositoryInfo } from '../git/repository-probe';
import type { CouplingResult } from '../metrics/coupling';
import { checkFixConcentration } from '../metrics/fix-concentration';
import type { HistoryFigures } from '../metrics/history-aggregator';
import { countBelow } from '../sorted-search';
import { languageOf } from '../source/language-of';
import { isSourcePath } from '../tree/file-kinds';
import type { BlobFacts } from '../tree/blob-facts';
import type { SkippedFile } from '../tree/content-pass';
import { buildAreaFigures } from './area-figures';
import { isoTime, round, wholeMonthsBetween } from './dates';
import { FileEdges } from './file-edges';
import { RepositorySnapshot, SNAPSHOT_SCHEMA_VERSION, FileFigures } from './snapshot.schema';

export interface SnapshotParts {
  repository: RepositoryInfo;
  rev: string;
  options: AnalysisOptions;
  since: number | null;
  excludes: string[];
  analyzedAt: Date;
  /** Tree files after exclusions, sorted by path, with their facts (undefined when too large to read). */
  files: readonly string[];
  sizes: readonly number[];
  facts: readonly (BlobFacts | undefined)[];
  layout: AreaLayout;
  history: HistoryFigures;
  edges: FileEdges;
  external: { from: string; package: string }[];
  skipped: SkippedFile[];
  warnings: string[];
}

const NO_COMPLEXITY = { max: 0, total: 0, functions: 0, cognitiveMax: 0, cognitiveTotal: 0 };

/** Where each score sits: the share of ranked items with a strictly lower score, in percent. */
export function percentiles(scores: readonly number[], ranked: readonly boolean[]): (number | null)[] {
  const sorted = scores.filter((_, i) => ranked[i]).sort((a, b) => a - b);
  return scores.map((score, i) =>
    ranked[i] && sorted.length > 0 ? round((100 * countBelow(sorted, score)) / sorted.length, 1) : null,
  );
}

function pairs(results: CouplingResult[], names: readonly string[]) {
  return results.map((r) => ({
    a: names[r.a],
    b: names[r.b],
    shared: r.shared,
    degree: r.degree,
    averageRevisions: r.averageRevisions,
  }));
}

/** Turns the computed figures into the versioned JSON snapshot (docs/analysis-output.md). */
export function buildSnapshot(parts: SnapshotParts): RepositorySnapshot {
  const { history, options, files, facts, layout, repository } = parts;
  const headTime = repository.headTime;
  const activeFrom = headTime - options.activeAuthorDays * 86400;
  const authorKey = (index: number): string | null => (index >= 0 ? history.authors[index].key : null);
  const active = (index: number): boolean => index >= 0 && history.authors[index].lastCommit >= activeFrom;

  const h = history.files;
  // Hotspots rank code only: documentation and data files change often but carry no code risk.
  // Code in a language without a parser (Haskell, Erlang, shell…) ranks by its non-blank lines.
  const ranked = files.map(
    (path, f) =>
      (facts[f]?.kind === 'source' || (facts[f]?.kind === 'text' && isSourcePath(path))) &&
      (facts[f]?.loc ?? 0) > 0,
  );
  const scores = files.map((_, f) => (ranked[f] ? h.recentRevisions[f] * (facts[f]?.loc ?? 0) : 0));
  const percentile = percentiles(scores, ranked);

  const fileFigures: FileFigures[] = files.map((path, f) => {
    const fact = facts[f];
    const loc = fact?.loc ?? 0;
    const own = h.credit.ownership(f);
    const churn = h.added[f] + h.deleted[f];
    const changed = h.lastChanged[f] >= 0;
    return {
      path,
      language: fact ? fact.language : (languageOf(path) ?? null),
      area: layout.areas[layout.fileArea[f]].path,
      size: parts.sizes[f],
      loc,
      complexity: fact ? fact.complexity : NO_COMPLEXITY,
      revisions: h.revisions[f],
      recentRevisions: h.recentRevisions[f],
      authors: own.authors,
      added: h.added[f],
      deleted: h.deleted[f],
      churn,
      relativeChurn: loc > 0 ? round(churn / loc) : null,
      mainAuthor: authorKey(own.mainAuthor),
      ownership: round(own.ownership),
      mainAuthorByRevisions: authorKey(own.mainAuthorByRevisions),
      ownershipByRevisions: round(own.ownershipByRevisions),
      fragmentation: round(own.fragmentation),
      knowledgeIsland:
        own.mainAuthor >= 0 && own.ownership >= options.knowledgeIslandShare && active(own.mainAuthor),
      bugFixRevisions: h.bugFixRevisions[f],
      recentBugFixRevisions: h.recentBugFixRevisions[f],
      firstSeen: changed ? isoTime(h.firstSeen[f]) : null,
      lastChanged: changed ? isoTime(h.lastChanged[f]) : null,
      ageMonths: changed ? wholeMonthsBetween(h.lastChanged[f], headTime) : null,
      hotspotScore: scores[f],
      hotspotPercentile: percentile[f],
      fanIn: parts.edges.fanIn[f],
      fanOut: parts.edges.fanOut[f],
      sumOfCoupling: h.sumOfCoupling[f],
    };
  });

  const areaNames = layout.areas.map((a) => a.path);
  const areas = buildAreaFigures({ parts, fileFigures, areaNames, authorKey, active });
  const authors = history.authors
    .map((a) => ({
      id: a.key,
      name: a.name,
      commits: a.commits,
      lastCommit: isoTime(a.lastCommit),
      active: a.lastCommit >= activeFrom,
    }))
    .sort((x, y) => y.commits - x.commits || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const parseFailures = files
    .map((path, f) => ({ path, reason: facts[f]?.parseError }))
    .filter((p): p is { path: string; reason: string } => p.reason !== undefined);

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    repository: {
      path: repository.path,
      head: repository.head,
      headTime: isoTime(headTime),
      rev: parts.rev,
      analyzedAt: parts.analyzedAt.toISOString(),
      commits: history.commits,
      renames: options.renames,
      since: parts.since === null ? null : isoTime(parts.since),
      bare: repository.bare,
      shallow: repository.shallow,
      excludes: parts.excludes,
    },
    summary: {
      files: files.length,
      codeFiles: ranked.filter(Boolean).length,
      loc: fileFigures.reduce((sum, f) => sum + f.loc, 0),
      authors: authors.length,
      activeAuthors: authors.filter((a) => a.active).length,
      areas: areas.length,
      dependencies: parts.edges.list.length,
      parseFailures: parseFailures.length,
      skipped: parts.skipped.length,
    },
    authors,
    files: fileFigures,
    areas,
    coupling: pairs(history.coupling, files),
    ticketCoupling: pairs(history.ticketCoupling, files),
    areaCoupling: pairs(history.areaCoupling, areaNames),
    dependencies: parts.edges.list.map((e) => ({
      from: files[e.from],
      to: files[e.to],
      typeOnly: e.typeOnly,
    })),
    externalDependencies: parts.external,
    tickets: history.tickets.map((t) => ({
      key: t.key,
      commits: t.commits,
      files: t.files.map((f) => files[f]),
      subjects: t.subjects,
      bugFix: t.bugFix,
      firstCommitted: isoTime(t.first),
      lastCommitted: isoTime(t.last),
    })),
    fixConcentration: checkFixConcentration(history.changeLog, {
      headTime,
      windowDays: options.hotspotDays,
      code: ranked,
      firstSeen: h.firstSeen,
    }),
    parseFailures,
    skipped: parts.skipped,
    warnings: parts.warnings,
  };
}
