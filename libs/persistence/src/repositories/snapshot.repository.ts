import type { DataSource } from 'typeorm';
import type { NewSnapshot } from './snapshot-rows';
import { writeSnapshotRows } from './snapshot-writer';

export interface SnapshotHeader {
  id: string;
  repositoryId: string;
  runId: string;
  head: string;
  headTime: Date;
  analyzedAt: Date;
  schemaVersion: number;
  summary: Record<string, unknown>;
}

export interface Page {
  limit: number;
  offset: number;
}

const HEADER = `s.id, s.repository_id AS "repositoryId", s.run_id AS "runId", s.head, s.head_time AS "headTime",
  s.analyzed_at AS "analyzedAt", s.schema_version AS "schemaVersion", s.summary`;

export const FILE_SORTS = {
  hotspot: 'hotspot_score DESC',
  revisions: 'revisions DESC',
  complexity: 'complexity_max DESC',
  loc: 'loc DESC',
  fanIn: 'fan_in DESC',
  churn: 'churn DESC',
  path: 'path ASC',
} as const;
export type FileSort = keyof typeof FILE_SORTS;

export const AREA_SORTS = {
  hotspot: 'hotspot_score DESC',
  revisions: 'revisions DESC',
  loc: 'loc DESC',
  fanIn: 'fan_in DESC',
  path: 'path ASC',
} as const;
export type AreaSort = keyof typeof AREA_SORTS;

/** Repository snapshots: written whole in one transaction, read by the latest pointer. */
export class SnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the snapshot, points the repository at it, completes the run and prunes old snapshots,
   * all in one transaction: readers see the previous snapshot until this one commits.
   */
  async commit(snapshot: NewSnapshot, counts: Record<string, number>, keep: number): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO snapshots (repository_id, run_id, head, head_time, analyzed_at, schema_version, summary, document,
           incremental_state, corpus)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          snapshot.repositoryId,
          snapshot.runId,
          snapshot.head,
          snapshot.headTime,
          snapshot.analyzedAt,
          snapshot.schemaVersion,
          JSON.stringify(snapshot.summary),
          snapshot.document,
          snapshot.incrementalState,
          snapshot.corpus,
        ],
      );
      await writeSnapshotRows(manager, id, snapshot);
      await manager.query(`UPDATE repositories SET latest_snapshot_id = $2 WHERE id = $1`, [
        snapshot.repositoryId,
        id,
      ]);
      await manager.query(
        `UPDATE analysis_runs SET status = 'succeeded', progress = 100, phase = 'done', snapshot_id = $2, counts = $3,
           finished_at = now() WHERE id = $1`,
        [snapshot.runId, id, JSON.stringify(counts)],
      );
      await manager.query(
        `DELETE FROM snapshots WHERE repository_id = $1 AND id NOT IN (
           SELECT id FROM snapshots WHERE repository_id = $1 ORDER BY created_at DESC, id LIMIT $2)`,
        [snapshot.repositoryId, Math.max(1, keep)],
      );
      return id as string;
    });
  }

  /** A run that found nothing new: it succeeds and points at the snapshot that is still current. */
  async completeUnchanged(runId: string, snapshotId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE analysis_runs SET status = 'succeeded', progress = 100, phase = 'up to date', snapshot_id = $2,
         counts = (SELECT summary FROM snapshots WHERE id = $2), finished_at = now() WHERE id = $1`,
      [runId, snapshotId],
    );
  }

  async latest(repositoryId: string): Promise<SnapshotHeader | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${HEADER} FROM repositories r JOIN snapshots s ON s.id = r.latest_snapshot_id WHERE r.id = $1`,
      [repositoryId],
    );
    return row ?? null;
  }

  /**
   * For matching a ticket, in one statement for all of a mapping's repositories: each one's name
   * and its latest snapshot's id and head (null before its first analysis). Unknown ids are left
   * out.
   */
  async latestOfRepositories(
    repositoryIds: readonly string[],
  ): Promise<Map<string, { name: string; snapshot: { id: string; head: string } | null }>> {
    if (repositoryIds.length === 0) return new Map();
    const rows: { repositoryId: string; name: string; snapshotId: string | null; head: string | null }[] =
      await this.dataSource.query(
        `SELECT r.id AS "repositoryId", r.name, s.id AS "snapshotId", s.head
         FROM repositories r LEFT JOIN snapshots s ON s.id = r.latest_snapshot_id
         WHERE r.id = ANY($1::uuid[])`,
        [repositoryIds],
      );
    return new Map(
      rows.map((row) => [
        row.repositoryId,
        {
          name: row.name,
          snapshot: row.snapshotId && row.head !== null ? { id: row.snapshotId, head: row.head } : null,
        },
      ]),
    );
  }

  async document(snapshotId: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(`SELECT document FROM snapshots WHERE id = $1`, [snapshotId]);
    return row?.document ?? null;
  }

  async corpus(snapshotId: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(`SELECT corpus FROM snapshots WHERE id = $1`, [snapshotId]);
    return row?.corpus ?? null;
  }

  async incrementalState(snapshotId: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(
      `SELECT incremental_state AS state FROM snapshots WHERE id = $1`,
      [snapshotId],
    );
    return row?.state ?? null;
  }

  async files(
    snapshotId: string,
    query: Page & { sort: FileSort; area?: string; excludePaths?: PathPatterns },
  ) {
    const params: unknown[] = [snapshotId, query.limit, query.offset];
    if (query.area) params.push(query.area, `${escapeLike(query.area)}/%`);
    const rows = await this.dataSource.query(
      `SELECT figures, count(*) OVER ()::int AS total FROM snapshot_files
       WHERE snapshot_id = $1 ${query.area ? 'AND (area = $4 OR path LIKE $5)' : ''}
       ${notMatching(['path'], query.excludePaths, params)}
       ORDER BY ${FILE_SORTS[query.sort]}, path LIMIT $2 OFFSET $3`,
      params,
    );
    return pageOf(rows, (row) => row.figures);
  }

  async file(snapshotId: string, path: string): Promise<object | null> {
    const [row] = await this.dataSource.query(
      `SELECT figures FROM snapshot_files WHERE snapshot_id = $1 AND path = $2`,
      [snapshotId, path],
    );
    return row?.figures ?? null;
  }

  /** With `excludePaths`, an area is left out when its path as a folder (`src/test/`) matches. */
  async areas(snapshotId: string, query: Page & { sort: AreaSort; excludePaths?: PathPatterns }) {
    const params: unknown[] = [snapshotId, query.limit, query.offset];
    const rows = await this.dataSource.query(
      `SELECT figures, count(*) OVER ()::int AS total FROM snapshot_areas WHERE snapshot_id = $1
       ${notMatching([`path || '/'`], query.excludePaths, params)}
       ORDER BY ${AREA_SORTS[query.sort]}, path LIMIT $2 OFFSET $3`,
      params,
    );
    return pageOf(rows, (row) => row.figures);
  }

  async area(snapshotId: string, path: string): Promise<object | null> {
    const [row] = await this.dataSource.query(
      `SELECT figures FROM snapshot_areas WHERE snapshot_id = $1 AND path = $2`,
      [snapshotId, path],
    );
    return row?.figures ?? null;
  }

  /** With `excludePaths`, a pair is left out when either side matches. */
  async coupling(
    snapshotId: string,
    query: Page & { kind: 'file' | 'ticket' | 'area'; path?: string; excludePaths?: PathPatterns },
  ) {
    const params: unknown[] = [snapshotId, query.kind, query.limit, query.offset];
    if (query.path) params.push(query.path);
    const filter = `${query.path ? `AND (a = $5 OR b = $5)` : ''} ${notMatching(['a', 'b'], query.excludePaths, params)}`;
    const rows = await this.dataSource.query(
      `SELECT a, b, shared, degree, average_revisions AS "averageRevisions", count(*) OVER ()::int AS total
       FROM snapshot_coupling WHERE snapshot_id = $1 AND kind = $2 ${filter}
       ORDER BY degree DESC, shared DESC, a, b LIMIT $3 OFFSET $4`,
      params,
    );
    return pageOf(rows, ({ total: _total, ...pair }) => pair);
  }

  /**
   * Import edges. With `area`, the edges that leave or enter it; `direction` picks which side is
   * inside the area (`in`: who depends on it, `out`: what it depends on).
   */
  async dependencies(snapshotId: string, query: Page & { area?: string; direction: 'in' | 'out' | 'both' }) {
    const params: unknown[] = [snapshotId, query.limit, query.offset];
    let filter = '';
    if (query.area) {
      params.push(`${escapeLike(query.area)}/%`, query.area);
      const inside = (column: string) => `(${column} LIKE $4 OR ${column} = $5)`;
      const incoming = `(${inside('to_path')} AND NOT ${inside('from_path')})`;
      const outgoing = `(${inside('from_path')} AND NOT ${inside('to_path')})`;
      filter = `AND ${query.direction === 'in' ? incoming : query.direction === 'out' ? outgoing : `(${incoming} OR ${outgoing})`}`;
    }
    const rows = await this.dataSource.query(
      `SELECT from_path AS "from", to_path AS "to", type_only AS "typeOnly", count(*) OVER ()::int AS total
       FROM snapshot_dependencies WHERE snapshot_id = $1 ${filter} ORDER BY from_path, to_path LIMIT $2 OFFSET $3`,
      params,
    );
    return pageOf(rows, ({ total: _total, ...edge }) => edge);
  }
}

/** Paths to leave out of a listing, as regular expressions (the analysis's test-path rules, say). */
export type PathPatterns = readonly RegExp[];

/**
 * `AND NOT (…)`: none of `columns` matches any pattern. The patterns are plain regular expressions
 * (classes, groups, anchors), which PostgreSQL reads as JavaScript does; they are bound as
 * parameters, appended to `params`.
 */
function notMatching(
  columns: readonly string[],
  patterns: PathPatterns | undefined,
  params: unknown[],
): string {
  if (!patterns || patterns.length === 0) return '';
  const tests = patterns.flatMap((pattern) => {
    params.push(pattern.source);
    const operator = pattern.flags.includes('i') ? '~*' : '~';
    return columns.map((column) => `${column} ${operator} $${params.length}`);
  });
  return `AND NOT (${tests.join(' OR ')})`;
}

type CountedRow = { total: number } & Record<string, unknown>;

/** Rows carry `count(*) OVER ()`, so one query gives both the page and the total. */
function pageOf<T>(rows: CountedRow[], map: (row: CountedRow) => T): { items: T[]; total: number } {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
