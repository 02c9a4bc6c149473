import {
  SNAPSHOT_SCHEMA_VERSION,
  type AreaFigures,
  type FileFigures,
  type RepositorySnapshot,
} from '@sightline/analysis';
import type { MatchResult } from '@sightline/matching';

/** Hand-built snapshots and match results for unit specs: only the figures a spec sets matter. */
export const HEAD_TIME = '2024-06-01T00:00:00Z';

/** File complexity with one function whose cyclomatic complexity is `total`. */
export const complexity = (total: number): FileFigures['complexity'] => ({
  max: total,
  total,
  functions: 1,
  cognitiveMax: 0,
  cognitiveTotal: 0,
});

export function fileFigures(path: string, figures: Partial<FileFigures> = {}): FileFigures {
  return {
    path,
    language: 'typescript',
    area: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.',
    size: 100,
    loc: 10,
    complexity: complexity(1),
    revisions: 1,
    recentRevisions: 1,
    authors: 1,
    added: 10,
    deleted: 0,
    churn: 10,
    relativeChurn: 1,
    mainAuthor: 'ada@example.com',
    ownership: 1,
    mainAuthorByRevisions: 'ada@example.com',
    ownershipByRevisions: 1,
    fragmentation: 0,
    knowledgeIsland: false,
    bugFixRevisions: 0,
    firstSeen: '2023-06-02T00:00:00Z',
    lastChanged: '2024-05-01T00:00:00Z',
    ageMonths: 1,
    hotspotScore: 10,
    hotspotPercentile: 50,
    fanIn: 0,
    fanOut: 0,
    sumOfCoupling: 0,
    ...figures,
  };
}

export function areaFigures(path: string, figures: Partial<AreaFigures> = {}): AreaFigures {
  return {
    path,
    name: path,
    kind: 'directory',
    files: 1,
    loc: 10,
    complexity: { max: 1, total: 1, functions: 1, perKloc: 100 },
    revisions: 1,
    recentRevisions: 1,
    authors: 1,
    added: 10,
    deleted: 0,
    churn: 10,
    bugFixRevisions: 0,
    mainAuthor: 'ada@example.com',
    ownership: 1,
    fragmentation: 0,
    knowledgeIslands: 0,
    firstSeen: '2023-06-02T00:00:00Z',
    lastChanged: '2024-05-01T00:00:00Z',
    hotspotScore: 10,
    maxHotspotPercentile: 50,
    fanIn: 0,
    fanOut: 0,
    sumOfCoupling: 0,
    coupling: [],
    ...figures,
  };
}

export function snapshotOf(
  parts: Partial<RepositorySnapshot> & { files: FileFigures[] },
): RepositorySnapshot {
  const areaPaths = [...new Set(parts.files.map((f) => f.area))];
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    repository: {
      path: '/repo',
      head: 'a'.repeat(40),
      headTime: HEAD_TIME,
      rev: 'HEAD',
      analyzedAt: HEAD_TIME,
      commits: 100,
      renames: true,
      since: null,
      bare: false,
      shallow: false,
      excludes: [],
    },
    summary: {
      files: parts.files.length,
      codeFiles: parts.files.length,
      loc: 0,
      authors: 1,
      activeAuthors: 1,
      areas: areaPaths.length,
      dependencies: 0,
      parseFailures: 0,
      skipped: 0,
    },
    authors: [
      { id: 'ada@example.com', name: 'Ada Lovelace', commits: 100, lastCommit: HEAD_TIME, active: true },
    ],
    areas: areaPaths.map((p) => areaFigures(p)),
    coupling: [],
    ticketCoupling: [],
    areaCoupling: [],
    dependencies: [],
    externalDependencies: [],
    tickets: [],
    parseFailures: [],
    skipped: [],
    warnings: [],
    ...parts,
  };
}

/** A match over the given files, best first, as the matcher would return it. */
export function matchOf(
  files: [path: string, score: number][],
  confidence = 0.9,
  areas: [path: string, score: number][] = [],
): MatchResult {
  return {
    files: files.map(([path, score]) => ({ path, kind: 'file', score, reasons: [] })),
    areas: areas.map(([path, score]) => ({ path, kind: 'area', score, reasons: [] })),
    confidence,
    noMatch: false,
    truncated: false,
  };
}
