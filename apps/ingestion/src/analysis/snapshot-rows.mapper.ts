import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { RepositoryCorpus, RepositorySnapshot } from '@sightline/analysis';
import type { NewSnapshot } from '@sightline/persistence';

const gzipAsync = promisify(gzip);

/** Maps an analysis snapshot onto the rows the read API queries, plus the compressed document. */
export async function toNewSnapshot(
  snapshot: RepositorySnapshot,
  ids: { repositoryId: string; runId: string },
  stored: { incrementalState: Buffer | null; corpus: RepositoryCorpus | undefined },
): Promise<NewSnapshot> {
  return {
    ...ids,
    incrementalState: stored.incrementalState,
    corpus: stored.corpus ? await gzipAsync(JSON.stringify(stored.corpus)) : null,
    head: snapshot.repository.head,
    headTime: snapshot.repository.headTime,
    analyzedAt: snapshot.repository.analyzedAt,
    schemaVersion: snapshot.schemaVersion,
    summary: { ...snapshot.summary, commits: snapshot.repository.commits },
    document: await gzipAsync(JSON.stringify(snapshot)),
    files: snapshot.files.map((file) => ({
      path: file.path,
      area: file.area,
      language: file.language,
      loc: file.loc,
      complexityMax: file.complexity.max,
      revisions: file.revisions,
      recentRevisions: file.recentRevisions,
      authors: file.authors,
      churn: file.churn,
      bugFixRevisions: file.bugFixRevisions,
      hotspotScore: file.hotspotScore,
      hotspotPercentile: file.hotspotPercentile,
      fanIn: file.fanIn,
      fanOut: file.fanOut,
      figures: file,
    })),
    areas: snapshot.areas.map((area) => ({
      path: area.path,
      kind: area.kind,
      files: area.files,
      loc: area.loc,
      revisions: area.revisions,
      hotspotScore: area.hotspotScore,
      fanIn: area.fanIn,
      figures: area,
    })),
    coupling: [
      ...snapshot.coupling.map((pair) => ({ kind: 'file' as const, ...pair })),
      ...snapshot.ticketCoupling.map((pair) => ({ kind: 'ticket' as const, ...pair })),
      ...snapshot.areaCoupling.map((pair) => ({ kind: 'area' as const, ...pair })),
    ],
    dependencies: snapshot.dependencies,
  };
}
