/** The rows of one repository snapshot, as the ingestion service maps them from the analysis. */
export interface SnapshotFileRow {
  path: string;
  area: string;
  language: string | null;
  loc: number;
  complexityMax: number;
  revisions: number;
  recentRevisions: number;
  authors: number;
  churn: number;
  bugFixRevisions: number;
  hotspotScore: number;
  hotspotPercentile: number | null;
  fanIn: number;
  fanOut: number;
  figures: object;
}

export interface SnapshotAreaRow {
  path: string;
  kind: string;
  files: number;
  loc: number;
  revisions: number;
  hotspotScore: number;
  fanIn: number;
  figures: object;
}

export interface SnapshotCouplingRow {
  kind: 'file' | 'ticket' | 'area';
  a: string;
  b: string;
  shared: number;
  degree: number;
  averageRevisions: number;
}

export interface SnapshotDependencyRow {
  from: string;
  to: string;
  typeOnly: boolean;
}

export interface NewSnapshot {
  repositoryId: string;
  runId: string;
  head: string;
  headTime: string;
  analyzedAt: string;
  schemaVersion: number;
  summary: object;
  /** The whole snapshot document, gzip-compressed JSON. */
  document: Buffer;
  /** Whatever the next incremental run needs, compressed; null when not kept. */
  incrementalState: Buffer | null;
  /** The matcher's per-file text, gzip-compressed JSON; null when not collected. */
  corpus: Buffer | null;
  files: SnapshotFileRow[];
  areas: SnapshotAreaRow[];
  coupling: SnapshotCouplingRow[];
  dependencies: SnapshotDependencyRow[];
}
