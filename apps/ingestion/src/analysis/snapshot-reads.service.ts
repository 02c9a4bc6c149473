import { Injectable, NotFoundException } from '@nestjs/common';
import { TEST_PATH_PATTERNS } from '@sightline/analysis';
import {
  SnapshotRepository,
  type AreaSort,
  type FileSort,
  type SnapshotHeader,
} from '@sightline/persistence';

type PageQuery = { limit: number; offset: number };
type TestsQuery = { tests?: 'include' | 'exclude' };

/** The analysis's own test-path rules, for `?tests=exclude`. */
const excluded = (query: TestsQuery) => (query.tests === 'exclude' ? TEST_PATH_PATTERNS : undefined);

@Injectable()
export class SnapshotReadsService {
  constructor(private readonly snapshots: SnapshotRepository) {}

  async files(repositoryId: string, query: PageQuery & TestsQuery & { sort: FileSort; area?: string }) {
    const snapshot = await this.latest(repositoryId);
    const files = await this.snapshots.files(snapshot.id, { ...query, excludePaths: excluded(query) });
    return this.page(snapshot, query, files);
  }

  async areas(repositoryId: string, query: PageQuery & TestsQuery & { sort: AreaSort }) {
    const snapshot = await this.latest(repositoryId);
    const areas = await this.snapshots.areas(snapshot.id, { ...query, excludePaths: excluded(query) });
    return this.page(snapshot, query, areas);
  }

  /** One area with what a planner needs around it: its hottest files, dependents and coupled areas. */
  async area(repositoryId: string, areaPath: string, query: { limit: number }) {
    const snapshot = await this.latest(repositoryId);
    const figures = await this.snapshots.area(snapshot.id, areaPath);
    if (!figures)
      throw new NotFoundException(`no area "${areaPath}" in the latest snapshot; list them at /areas`);
    const window = { limit: query.limit, offset: 0 };
    const [files, dependents, dependencies, coupling] = await Promise.all([
      this.snapshots.files(snapshot.id, { ...window, sort: 'hotspot', area: areaPath }),
      this.snapshots.dependencies(snapshot.id, { ...window, area: areaPath, direction: 'in' }),
      this.snapshots.dependencies(snapshot.id, { ...window, area: areaPath, direction: 'out' }),
      this.snapshots.coupling(snapshot.id, { ...window, kind: 'area', path: areaPath }),
    ]);
    return {
      snapshot: this.describe(snapshot),
      area: figures,
      files,
      dependents,
      dependencies,
      changesWith: coupling,
    };
  }

  async file(repositoryId: string, path: string) {
    const snapshot = await this.latest(repositoryId);
    const figures = await this.snapshots.file(snapshot.id, path);
    if (!figures) throw new NotFoundException(`no file "${path}" in the latest snapshot`);
    return { snapshot: this.describe(snapshot), file: figures };
  }

  async coupling(
    repositoryId: string,
    query: PageQuery & TestsQuery & { kind: 'file' | 'ticket' | 'area'; path?: string },
  ) {
    const snapshot = await this.latest(repositoryId);
    const pairs = await this.snapshots.coupling(snapshot.id, { ...query, excludePaths: excluded(query) });
    return this.page(snapshot, query, pairs);
  }

  async dependencies(
    repositoryId: string,
    query: PageQuery & { area?: string; direction: 'in' | 'out' | 'both' },
  ) {
    const snapshot = await this.latest(repositoryId);
    return this.page(snapshot, query, await this.snapshots.dependencies(snapshot.id, query));
  }

  private async latest(repositoryId: string): Promise<SnapshotHeader> {
    const snapshot = await this.snapshots.latest(repositoryId);
    if (!snapshot) {
      throw new NotFoundException(
        `repository ${repositoryId} has no snapshot yet; start one with POST /api/repositories/${repositoryId}/analyses`,
      );
    }
    return snapshot;
  }

  private describe(snapshot: SnapshotHeader) {
    return { id: snapshot.id, head: snapshot.head, analyzedAt: new Date(snapshot.analyzedAt).toISOString() };
  }

  private page<T>(snapshot: SnapshotHeader, query: PageQuery, result: { items: T[]; total: number }) {
    return { snapshot: this.describe(snapshot), ...result, limit: query.limit, offset: query.offset };
  }
}
