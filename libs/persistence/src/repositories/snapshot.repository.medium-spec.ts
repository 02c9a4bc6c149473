import { gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { testConfig } from '@sightline/testing';
import { createDataSource } from '../data-source';
import { AnalysisRunRepository } from './analysis-run.repository';
import type { NewSnapshot, SnapshotFileRow } from './snapshot-rows';
import { SnapshotRepository } from './snapshot.repository';

function fileRow(path: string, area: string, hotspotScore: number): SnapshotFileRow {
  return {
    path,
    area,
    language: 'typescript',
    loc: hotspotScore,
    complexityMax: 3,
    revisions: 2,
    recentRevisions: 1,
    authors: 1,
    churn: 10,
    bugFixRevisions: 0,
    hotspotScore,
    hotspotPercentile: null,
    fanIn: 0,
    fanOut: 0,
    figures: { path, hotspotScore },
  };
}

describe('SnapshotRepository and AnalysisRunRepository (medium)', () => {
  let dataSource: DataSource;
  let runs: AnalysisRunRepository;
  let snapshots: SnapshotRepository;
  let repositoryId: string;

  beforeAll(async () => {
    dataSource = createDataSource(testConfig().DATABASE_URL);
    await dataSource.initialize();
    runs = new AnalysisRunRepository(dataSource);
    snapshots = new SnapshotRepository(dataSource);
    [{ id: repositoryId }] = await dataSource.query(
      `INSERT INTO repositories (name, clone_url) VALUES ('snapshot-spec-' || gen_random_uuid(), 'https://example.test/x.git') RETURNING id`,
    );
  });

  afterAll(() => dataSource.destroy());

  function snapshotFor(runId: string, head: string, files: SnapshotFileRow[]): NewSnapshot {
    return {
      repositoryId,
      runId,
      head,
      headTime: '2026-01-01T00:00:00Z',
      analyzedAt: '2026-01-02T00:00:00Z',
      schemaVersion: 1,
      summary: { files: files.length },
      document: gzipSync(JSON.stringify({ head })),
      incrementalState: null,
      corpus: null,
      files,
      areas: [
        {
          path: 'src/a',
          kind: 'directory',
          files: 2,
          loc: 5,
          revisions: 4,
          hotspotScore: 9,
          fanIn: 1,
          figures: { path: 'src/a' },
        },
      ],
      coupling: [
        { kind: 'file', a: 'src/a/x.ts', b: 'src/b/y.ts', shared: 5, degree: 80, averageRevisions: 6 },
      ],
      dependencies: [
        { from: 'src/b/y.ts', to: 'src/a/x.ts', typeOnly: false },
        { from: 'src/a/x.ts', to: 'src/a/z.ts', typeOnly: true },
        { from: 'src/a/z.ts', to: 'src/b/y.ts', typeOnly: false },
      ],
    };
  }

  it('coalesces triggers into one queued run per repository', async () => {
    const first = await runs.queue(repositoryId, 'api');
    const second = await runs.queue(repositoryId, 'push');
    expect(first.created).toBe(true);
    expect(second).toEqual({
      run: expect.objectContaining({ id: first.run.id, status: 'queued' }),
      created: false,
    });
    await runs.markRunning(first.run.id);
    const third = await runs.queue(repositoryId, 'push');
    expect(third.created).toBe(true);
    await runs.markFailed(third.run.id, 'superseded in this test');
  });

  it('refuses to restart a finished run, so a redelivered job cannot analyse it again', async () => {
    const { run } = await runs.queue(repositoryId, 'api');
    await expect(runs.markRunning(run.id)).resolves.toEqual(
      expect.objectContaining({ id: run.id, status: 'running', attempts: 1 }),
    );
    await expect(runs.markRunning(run.id)).resolves.toEqual(
      expect.objectContaining({ status: 'running', attempts: 2 }),
    );
    await runs.markFailed(run.id, 'given up in this test');
    await expect(runs.markRunning(run.id)).resolves.toBeNull();
  });

  it('commits a snapshot whole, serves its figures, and prunes beyond the retention', async () => {
    const ids: string[] = [];
    for (const head of ['a1', 'b2', 'c3']) {
      const { run } = await runs.queue(repositoryId, 'api');
      await runs.markRunning(run.id);
      const files = [
        fileRow('src/a/x.ts', 'src/a', 5),
        fileRow('src/a/z.ts', 'src/a', 50),
        fileRow('src/b/y.ts', 'src/b', 20),
      ];
      ids.push(await snapshots.commit(snapshotFor(run.id, head, files), { files: 3 }, 2));
      await expect(runs.find(run.id)).resolves.toEqual(
        expect.objectContaining({
          status: 'succeeded',
          progress: 100,
          snapshotId: ids.at(-1),
          counts: { files: 3 },
        }),
      );
    }
    const latest = await snapshots.latest(repositoryId);
    expect(latest).toEqual(expect.objectContaining({ id: ids[2], head: 'c3', summary: { files: 3 } }));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const both = await snapshots.latestOfRepositories([repositoryId, unknown]);
    expect([...both.keys()]).toEqual([repositoryId]);
    expect(both.get(repositoryId)?.snapshot).toEqual({ id: ids[2], head: 'c3' });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM snapshots WHERE repository_id = $1`,
      [repositoryId],
    );
    expect(n).toBe(2);
    await expect(snapshots.document(ids[0])).resolves.toBeNull();

    const hot = await snapshots.files(ids[2], { sort: 'hotspot', limit: 2, offset: 0 });
    expect(hot).toEqual({
      items: [
        { path: 'src/a/z.ts', hotspotScore: 50 },
        { path: 'src/b/y.ts', hotspotScore: 20 },
      ],
      total: 3,
    });
    const inArea = await snapshots.files(ids[2], { sort: 'path', limit: 10, offset: 0, area: 'src/a' });
    expect(inArea.items.map((file) => (file as { path: string }).path)).toEqual(['src/a/x.ts', 'src/a/z.ts']);
    await expect(snapshots.area(ids[2], 'src/a')).resolves.toEqual({ path: 'src/a' });
    await expect(
      snapshots.coupling(ids[2], { kind: 'file', limit: 10, offset: 0, path: 'src/b/y.ts' }),
    ).resolves.toEqual({
      items: [{ a: 'src/a/x.ts', b: 'src/b/y.ts', shared: 5, degree: 80, averageRevisions: 6 }],
      total: 1,
    });
    const dependents = await snapshots.dependencies(ids[2], {
      area: 'src/a',
      direction: 'in',
      limit: 10,
      offset: 0,
    });
    expect(dependents).toEqual({
      items: [{ from: 'src/b/y.ts', to: 'src/a/x.ts', typeOnly: false }],
      total: 1,
    });
    const outgoing = await snapshots.dependencies(ids[2], {
      area: 'src/a',
      direction: 'out',
      limit: 10,
      offset: 0,
    });
    expect(outgoing.items).toEqual([{ from: 'src/a/z.ts', to: 'src/b/y.ts', typeOnly: false }]);
  });

  it('leaves the previous snapshot current when a commit fails half way', async () => {
    const before = await snapshots.latest(repositoryId);
    const { run } = await runs.queue(repositoryId, 'api');
    await runs.markRunning(run.id);
    const duplicate = [fileRow('src/a/x.ts', 'src/a', 1), fileRow('src/a/x.ts', 'src/a', 1)];
    await expect(snapshots.commit(snapshotFor(run.id, 'd4', duplicate), {}, 2)).rejects.toThrow(
      /duplicate key/,
    );
    await expect(snapshots.latest(repositoryId)).resolves.toEqual(before);
    await expect(runs.find(run.id)).resolves.toEqual(expect.objectContaining({ status: 'running' }));
  });

  it('leaves out paths matching the given patterns: files, areas as folders, pairs by either side', async () => {
    const { run } = await runs.queue(repositoryId, 'api');
    await runs.markRunning(run.id);
    const snapshot = snapshotFor(run.id, 'e5', [
      fileRow('src/a/x.ts', 'src/a', 5),
      fileRow('src/test/java/BigTest.java', 'src/test', 90),
      fileRow('web/__tests__/y.ts', 'web/__tests__', 70),
    ]);
    const area = snapshot.areas[0];
    snapshot.areas = [area, { ...area, path: 'src/test', figures: { path: 'src/test' } }];
    snapshot.coupling = [
      { kind: 'file', a: 'src/a/x.ts', b: 'web/__tests__/y.ts', shared: 9, degree: 90, averageRevisions: 9 },
      { kind: 'file', a: 'src/a/x.ts', b: 'src/a/z.ts', shared: 5, degree: 50, averageRevisions: 9 },
    ];
    const id = await snapshots.commit(snapshot, {}, 5);
    // A case-sensitive and a case-insensitive pattern, as the analysis's test-path rules are.
    const excludePaths = [/(^|\/)src\/test\//, /(^|\/)__TESTS__\//i];
    const page = { limit: 10, offset: 0 };

    const files = await snapshots.files(id, { ...page, sort: 'hotspot', excludePaths });
    expect(files).toEqual({ items: [{ path: 'src/a/x.ts', hotspotScore: 5 }], total: 1 });
    const all = await snapshots.files(id, { ...page, sort: 'hotspot' });
    expect(all.total).toBe(3);
    const areas = await snapshots.areas(id, { ...page, sort: 'path', excludePaths });
    expect(areas).toEqual({ items: [{ path: 'src/a' }], total: 1 });
    const pairs = await snapshots.coupling(id, { ...page, kind: 'file', excludePaths });
    expect(pairs.items).toEqual([
      { a: 'src/a/x.ts', b: 'src/a/z.ts', shared: 5, degree: 50, averageRevisions: 9 },
    ]);
  });
});
