import type { EntityManager } from 'typeorm';
import type { NewSnapshot } from './snapshot-rows';

const BATCH = 5_000;

/**
 * One INSERT … SELECT FROM unnest(arrays) per batch: a round trip per 5,000 rows, with typed
 * arrays instead of thousands of bind parameters.
 */
async function insertColumns(
  manager: EntityManager,
  table: string,
  columns: { name: string; type: string }[],
  rows: unknown[][],
): Promise<void> {
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = columns.map((_, index) => batch.map((row) => row[index]));
    await manager.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`, values);
  }
}

const col = (name: string, type: string) => ({ name, type });

export async function writeSnapshotRows(
  manager: EntityManager,
  snapshotId: string,
  snapshot: NewSnapshot,
): Promise<void> {
  await insertColumns(
    manager,
    'snapshot_files',
    [
      col('snapshot_id', 'uuid'),
      col('path', 'text'),
      col('area', 'text'),
      col('language', 'text'),
      col('loc', 'int'),
      col('complexity_max', 'int'),
      col('revisions', 'int'),
      col('recent_revisions', 'int'),
      col('authors', 'int'),
      col('churn', 'int'),
      col('bug_fix_revisions', 'int'),
      col('hotspot_score', 'bigint'),
      col('hotspot_percentile', 'float8'),
      col('fan_in', 'int'),
      col('fan_out', 'int'),
      col('figures', 'jsonb'),
    ],
    snapshot.files.map((file) => [
      snapshotId,
      file.path,
      file.area,
      file.language,
      file.loc,
      file.complexityMax,
      file.revisions,
      file.recentRevisions,
      file.authors,
      file.churn,
      file.bugFixRevisions,
      file.hotspotScore,
      file.hotspotPercentile,
      file.fanIn,
      file.fanOut,
      JSON.stringify(file.figures),
    ]),
  );
  await insertColumns(
    manager,
    'snapshot_areas',
    [
      col('snapshot_id', 'uuid'),
      col('path', 'text'),
      col('kind', 'text'),
      col('files', 'int'),
      col('loc', 'int'),
      col('revisions', 'int'),
      col('hotspot_score', 'bigint'),
      col('fan_in', 'int'),
      col('figures', 'jsonb'),
    ],
    snapshot.areas.map((area) => [
      snapshotId,
      area.path,
      area.kind,
      area.files,
      area.loc,
      area.revisions,
      area.hotspotScore,
      area.fanIn,
      JSON.stringify(area.figures),
    ]),
  );
  await insertColumns(
    manager,
    'snapshot_coupling',
    [
      col('snapshot_id', 'uuid'),
      col('kind', 'text'),
      col('a', 'text'),
      col('b', 'text'),
      col('shared', 'int'),
      col('degree', 'int'),
      col('average_revisions', 'float8'),
    ],
    snapshot.coupling.map((pair) => [
      snapshotId,
      pair.kind,
      pair.a,
      pair.b,
      pair.shared,
      pair.degree,
      pair.averageRevisions,
    ]),
  );
  await insertColumns(
    manager,
    'snapshot_dependencies',
    [col('snapshot_id', 'uuid'), col('from_path', 'text'), col('to_path', 'text'), col('type_only', 'bool')],
    snapshot.dependencies.map((edge) => [snapshotId, edge.from, edge.to, edge.typeOnly]),
  );
}
