import { z } from 'zod';

/** Bump on any change that renames or re-means a field; adding fields keeps the version. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const isoDate = z.string();

const complexitySchema = z.object({
  max: z.number().int(),
  total: z.number().int(),
  functions: z.number().int(),
  cognitiveMax: z.number().int(),
  cognitiveTotal: z.number().int(),
});

const couplingSchema = z.object({
  a: z.string(),
  b: z.string(),
  shared: z.number().int(),
  degree: z.number().int(),
  averageRevisions: z.number(),
});

export const fileFiguresSchema = z.object({
  path: z.string(),
  language: z.string().nullable(),
  area: z.string(),
  size: z.number().int(),
  loc: z.number().int(),
  complexity: complexitySchema,
  revisions: z.number().int(),
  recentRevisions: z.number().int(),
  authors: z.number().int(),
  added: z.number().int(),
  deleted: z.number().int(),
  churn: z.number().int(),
  relativeChurn: z.number().nullable(),
  mainAuthor: z.string().nullable(),
  ownership: z.number(),
  mainAuthorByRevisions: z.string().nullable(),
  ownershipByRevisions: z.number(),
  fragmentation: z.number(),
  knowledgeIsland: z.boolean(),
  bugFixRevisions: z.number().int(),
  /** The same within the recent window; absent in snapshots made before it was counted. */
  recentBugFixRevisions: z.number().int().optional(),
  firstSeen: isoDate.nullable(),
  lastChanged: isoDate.nullable(),
  ageMonths: z.number().int().nullable(),
  hotspotScore: z.number().int(),
  hotspotPercentile: z.number().nullable(),
  fanIn: z.number().int(),
  fanOut: z.number().int(),
  sumOfCoupling: z.number().int(),
});

export const areaFiguresSchema = z.object({
  path: z.string(),
  name: z.string(),
  kind: z.enum(['rule', 'package', 'directory']),
  files: z.number().int(),
  loc: z.number().int(),
  complexity: z.object({
    max: z.number().int(),
    total: z.number().int(),
    functions: z.number().int(),
    perKloc: z.number(),
  }),
  revisions: z.number().int(),
  recentRevisions: z.number().int(),
  authors: z.number().int(),
  added: z.number().int(),
  deleted: z.number().int(),
  churn: z.number().int(),
  bugFixRevisions: z.number().int(),
  mainAuthor: z.string().nullable(),
  ownership: z.number(),
  fragmentation: z.number(),
  knowledgeIslands: z.number().int(),
  firstSeen: isoDate.nullable(),
  lastChanged: isoDate.nullable(),
  hotspotScore: z.number().int(),
  maxHotspotPercentile: z.number().nullable(),
  fanIn: z.number().int(),
  fanOut: z.number().int(),
  sumOfCoupling: z.number().int(),
  coupling: z.array(z.object({ area: z.string(), shared: z.number().int(), degree: z.number().int() })),
});

/** Whether "follow-up fixes concentrate here" held on this history (metrics/fix-concentration.ts). */
export const fixConcentrationSchema = z.object({
  /** Past changes read: the latest 500 with 30 days of history after them. */
  changes: z.number().int(),
  /** Those the claim would have been made of. */
  claimed: z.number().int(),
  claimedFollowedByFix: z.number().int(),
  /** Of the others. */
  restFollowedByFix: z.number().int(),
  /**
   * The claim held: enough changes each way, and those it was made of were followed by a fix
   * more often than the rest. Notes say it only on such repositories.
   */
  supported: z.boolean(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  repository: z.object({
    path: z.string(),
    head: z.string(),
    headTime: isoDate,
    rev: z.string(),
    analyzedAt: isoDate,
    commits: z.number().int(),
    renames: z.boolean(),
    since: isoDate.nullable(),
    bare: z.boolean(),
    shallow: z.boolean(),
    excludes: z.array(z.string()),
  }),
  summary: z.object({
    files: z.number().int(),
    codeFiles: z.number().int(),
    loc: z.number().int(),
    authors: z.number().int(),
    activeAuthors: z.number().int(),
    areas: z.number().int(),
    dependencies: z.number().int(),
    parseFailures: z.number().int(),
    skipped: z.number().int(),
  }),
  authors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      commits: z.number().int(),
      lastCommit: isoDate,
      active: z.boolean(),
    }),
  ),
  files: z.array(fileFiguresSchema),
  areas: z.array(areaFiguresSchema),
  coupling: z.array(couplingSchema),
  ticketCoupling: z.array(couplingSchema),
  areaCoupling: z.array(couplingSchema),
  dependencies: z.array(z.object({ from: z.string(), to: z.string(), typeOnly: z.boolean() })),
  externalDependencies: z.array(z.object({ from: z.string(), package: z.string() })),
  tickets: z.array(
    z.object({
      key: z.string(),
      commits: z.array(z.string()),
      files: z.array(z.string()),
      subjects: z.array(z.string()),
      bugFix: z.boolean(),
      firstCommitted: isoDate,
      lastCommitted: isoDate,
    }),
  ),
  /**
   * The fix-concentration claim backtested on this history (metrics/fix-concentration.ts); absent
   * in snapshots made before it was.
   */
  fixConcentration: fixConcentrationSchema.optional(),
  parseFailures: z.array(z.object({ path: z.string(), reason: z.string() })),
  skipped: z.array(
    z.object({
      path: z.string(),
      reason: z.enum(['binary', 'minified', 'too-large', 'missing', 'generated']),
      size: z.number().int(),
    }),
  ),
  warnings: z.array(z.string()),
});

export type RepositorySnapshot = z.infer<typeof snapshotSchema>;
export type FileFigures = z.infer<typeof fileFiguresSchema>;
export type AreaFigures = z.infer<typeof areaFiguresSchema>;
export type FixConcentrationCheck = z.infer<typeof fixConcentrationSchema>;
export type CouplingPair = z.infer<typeof couplingSchema>;
