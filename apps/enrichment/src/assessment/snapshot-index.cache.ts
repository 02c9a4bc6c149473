import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { Injectable, Logger } from '@nestjs/common';
import type { RepositoryCorpus, RepositorySnapshot } from '@sightline/analysis';
import { InjectConfig, type Config } from '@sightline/config';
import { buildMatchIndex, matchCorpusFromAnalysis, type MatchIndex } from '@sightline/matching';
import { SnapshotRepository } from '@sightline/persistence';
import { calibrateRisk, type RiskCalibration } from '@sightline/risk';

const gunzipAsync = promisify(gunzip);

/** Everything matching and risk need from one snapshot, built once per process. */
export interface IndexedSnapshot {
  snapshotId: string;
  snapshot: RepositorySnapshot;
  index: MatchIndex;
  calibration: RiskCalibration;
}

/** The snapshot was written without the matcher's corpus (before it was kept): re-run its analysis. */
export class SnapshotWithoutCorpusError extends Error {}

/**
 * Match indexes per snapshot id, least recently used evicted first. Snapshots never change once
 * committed, so an entry is valid until evicted; a new analysis simply brings a new id.
 * Concurrent requests for the same snapshot share one build.
 */
@Injectable()
export class SnapshotIndexCache {
  private readonly logger = new Logger(SnapshotIndexCache.name);
  private readonly entries = new Map<string, Promise<IndexedSnapshot>>();

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly snapshots: SnapshotRepository,
  ) {}

  get(snapshotId: string): Promise<IndexedSnapshot> {
    const cached = this.entries.get(snapshotId);
    if (cached) {
      this.entries.delete(snapshotId);
      this.entries.set(snapshotId, cached);
      return cached;
    }
    const building = this.build(snapshotId);
    this.entries.set(snapshotId, building);
    building.catch(() => this.entries.delete(snapshotId));
    while (this.entries.size > this.config.MATCH_INDEX_CACHE_SIZE) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return building;
  }

  private async build(snapshotId: string): Promise<IndexedSnapshot> {
    const started = Date.now();
    const [document, corpus] = await Promise.all([
      this.snapshots.document(snapshotId),
      this.snapshots.corpus(snapshotId),
    ]);
    if (!document) throw new Error(`snapshot ${snapshotId} no longer exists`);
    if (!corpus)
      throw new SnapshotWithoutCorpusError(
        `snapshot ${snapshotId} has no matcher corpus; analyse the repository again`,
      );
    const snapshot = JSON.parse((await gunzipAsync(document)).toString('utf8')) as RepositorySnapshot;
    const text = JSON.parse((await gunzipAsync(corpus)).toString('utf8')) as RepositoryCorpus;
    const index = buildMatchIndex(matchCorpusFromAnalysis(text, snapshot));
    // With the index, the risk scale is the one `sightline assess` and `eval --risk` use and measure.
    const calibration = calibrateRisk(snapshot, { index });
    this.logger.log(
      { snapshotId, files: index.paths.length, millis: Date.now() - started },
      'match index built',
    );
    return { snapshotId, snapshot, index, calibration };
  }
}
