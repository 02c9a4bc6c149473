import { availableParallelism } from 'node:os';
import { AnalysisOptions, AnalysisOptionsInput, analysisOptionsSchema } from '../analysis-options';
import { formatCount, plural } from '../counts';
import { AnalysisInputError } from '../analysis-error';
import { detectAreas } from '../areas/area-detector';
import { probeRepository, resolveSince } from '../git/repository-probe';
import { CommitRecord, InternTable } from '../history/commit-record';
import { listCommits, readCommits } from '../history/history-reader';
import { applyMailmap } from '../history/mailmap';
import { MessageFacts } from '../history/message-facts';
import { createExclusionFilter, exclusionGlobs } from '../history/path-filter';
import { aggregateHistory } from '../metrics/history-aggregator';
import type { BlobFacts } from '../tree/blob-facts';
import { blobCacheKey, runContentPass, SourceAnalyser } from '../tree/content-pass';
import { countsTowardArea, isMatchablePath, isSourcePath } from '../tree/file-kinds';
import { templateOutputsOf } from '../tree/template-outputs';
import { readLinguistAttributes } from '../tree/linguist-attributes';
import { readSourceTexts } from '../tree/source-texts';
import { listTree } from '../tree/tree-reader';
import { buildCorpus, RepositoryCorpus } from '../corpus/corpus-builder';
import { AnalysisCache, CACHE_FORMAT_VERSION, cacheCovers, historyKey } from './analysis-cache';
import { ProgressListener, throttledProgress } from './analysis-progress';
import { buildFileEdges } from './file-edges';
import { buildSnapshot } from './snapshot-builder';
import type { RepositorySnapshot } from './snapshot.schema';
import { createSourceAnalyser, resolveFileDependencies } from './source-integration';

export interface AnalyseExtras {
  /** The cache of an earlier run: only commits and blobs it lacks are read. Any cache is safe to pass. */
  previous?: AnalysisCache;
  /**
   * `previous` was read from this clone in this same run (an evaluation analysing several
   * revisions): its commits without line counts are taken as they are. Otherwise they are read
   * again, since the clone may have been repaired — on a clone missing many versions that costs a
   * git restart per commit, every time.
   */
  trustUncounted?: boolean;
  /** Also collect the per-file text the matcher indexes (symbols, comments, commit subjects, tickets). */
  corpus?: boolean;
  /** Replaces the built-in parsers (tests, or a caller that owns a worker pool). */
  analyser?: SourceAnalyser;
  /** The time recorded as `analyzedAt`. */
  now?: () => Date;
}

export interface AnalysisStats {
  commitsRead: number;
  commitsReused: number;
  blobsParsed: number;
  linesParsed: number;
  parseMillis: number;
  millis: number;
  /** Commits git could not diff and files without content: what a blob-filtered or damaged clone lacks. */
  commitsWithoutLines: number;
  filesWithoutContent: number;
}

export interface AnalysisResult {
  snapshot: RepositorySnapshot;
  /** Pass as `previous` next time to analyse incrementally. */
  cache: AnalysisCache;
  corpus?: RepositoryCorpus;
  stats: AnalysisStats;
}

function parseOptions(input: AnalysisOptionsInput): AnalysisOptions {
  const parsed = analysisOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AnalysisInputError(
      'invalid-option',
      `invalid option ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** Parser threads: the option when set, else in process (see docs/analysis-output.md for the measurements). */
function parserThreads(option: number | undefined): number {
  return option ?? 0;
}

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/**
 * Analyses the repository at `path` (work tree or bare) at `options.rev`: history, per-file and
 * per-area figures, coupling, dependencies and tickets, as one snapshot. History and file
 * contents are read side by side, the history by several git processes at once.
 */
export async function analyseRepository(
  path: string,
  optionsInput: AnalysisOptionsInput = {},
  onProgress?: ProgressListener,
  extras: AnalyseExtras = {},
): Promise<AnalysisResult> {
  const started = Date.now();
  const options = parseOptions(optionsInput);
  const messages = new MessageFacts(options);
  const isExcluded = createExclusionFilter(options);
  const repository = await probeRepository(path, options.rev);
  const cwd = repository.path;
  const since = options.since !== undefined ? await resolveSince(cwd, options.since) : null;
  const previous = cacheCovers(extras.previous, options, since) ? extras.previous : undefined;
  // Blob facts depend on the content only, so they survive option changes that void the history records.
  const blobCache =
    extras.previous?.version === CACHE_FORMAT_VERSION ? extras.previous.blobs : new Map<string, BlobFacts>();
  const paths = new InternTable(previous?.paths);
  const identities = new InternTable(previous?.identities);
  const progress = throttledProgress(onProgress);
  const ownAnalyser = extras.analyser
    ? undefined
    : await createSourceAnalyser(parserThreads(options.parserThreads));
  const analyser = extras.analyser ?? ownAnalyser!;
  const stats: AnalysisStats = {
    commitsRead: 0,
    commitsReused: 0,
    blobsParsed: 0,
    linesParsed: 0,
    parseMillis: 0,
    millis: 0,
    commitsWithoutLines: 0,
    filesWithoutContent: 0,
  };

  const readHistory = async (): Promise<CommitRecord[]> => {
    const list = await listCommits(cwd, repository.head, since ?? undefined, abort.signal);
    const cached = new Map<string, CommitRecord>();
    for (const record of previous?.commits ?? []) {
      if (!record.linesUnknown || extras.trustUncounted) cached.set(record.hash, record);
    }
    const missing = list.hashes.filter((hash) => !cached.has(hash));
    stats.commitsReused = list.hashes.length - missing.length;
    let done = stats.commitsReused;
    const total = list.hashes.length;
    progress({ phase: 'history', done, total });
    const processes =
      options.concurrency > 0 ? options.concurrency : Math.min(4, Math.max(1, availableParallelism()));
    const read = await readCommits(cwd, missing, {
      renames: options.renames,
      processes,
      paths,
      identities,
      messages,
      onCommit: () => progress({ phase: 'history', done: ++done, total }),
      signal: abort.signal,
      historyLength: total,
    });
    stats.commitsRead = read.length;
    const fresh = new Map<string, CommitRecord>();
    read.forEach((record) => fresh.set(record.hash, record));
    return list.hashes.map((hash) => cached.get(hash) ?? fresh.get(hash)!);
  };

  const readTree = async () => {
    const listed = await listTree(cwd, repository.head);
    const attributes = await readLinguistAttributes(cwd, listed, abort.signal);
    const included = listed.filter((e) => !isExcluded(e.path) && !attributes.vendored(e.path)).sort(byPath);
    const marked = included.filter((e) => attributes.generated(e.path) === true);
    const unmarked = included.filter((e) => attributes.generated(e.path) !== true);
    let done = 0;
    const content = await runContentPass(cwd, unmarked, {
      maxFileBytes: options.maxFileBytes,
      cache: blobCache,
      analyser,
      onFile: () => progress({ phase: 'files', done: ++done, total: unmarked.length }),
      signal: abort.signal,
    });
    // A header or a T4 template beside it says "generated", unless the team's attributes say
    // otherwise (`-linguist-generated`).
    const isTemplateOutput = templateOutputsOf(listed.map((e) => e.path));
    const headed = unmarked.filter(
      (e) =>
        attributes.generated(e.path) !== false &&
        (content.facts.get(blobCacheKey(e))?.generatedHeader === true || isTemplateOutput(e.path)),
    );
    const generated = [...marked, ...headed].sort(byPath);
    const generatedPaths = new Set(generated.map((e) => e.path));
    const entries = unmarked.filter((e) => !generatedPaths.has(e.path));
    // The matcher's source-text signal: read here so that the stored corpus alone can index it.
    const texts = extras.corpus
      ? await readSourceTexts(
          cwd,
          entries.filter((e) => isMatchablePath(e.path)),
          options.maxFileBytes,
          abort.signal,
        )
      : [];
    return { entries, content, texts, attributes, generated, generatedPaths };
  };

  let commits: CommitRecord[];
  let tree: Awaited<ReturnType<typeof readTree>>;
  // History and files are read side by side; when one fails, the other's git processes are stopped.
  const abort = new AbortController();
  const stopOnFailure = <T>(task: Promise<T>): Promise<T> =>
    task.catch((error: unknown) => {
      abort.abort();
      throw error;
    });
  try {
    [commits, tree] = await Promise.all([stopOnFailure(readHistory()), stopOnFailure(readTree())]);
  } finally {
    await ownAnalyser?.close();
  }
  stats.blobsParsed = tree.content.parsedBlobs;
  stats.linesParsed = tree.content.parsedLines;
  stats.parseMillis = tree.content.parseMillis;

  progress({ phase: 'figures', done: 0, total: 1 });
  const { entries, content, texts, attributes, generated, generatedPaths } = tree;
  // Generated and vendored files are left out of the history figures as excluded paths are.
  const isLeftOut = (file: string): boolean =>
    isExcluded(file) ||
    attributes.vendored(file) ||
    attributes.generated(file) === true ||
    generatedPaths.has(file);
  const files = entries.map((e) => e.path);
  const facts = entries.map((e) =>
    e.size > options.maxFileBytes ? undefined : content.facts.get(blobCacheKey(e)),
  );
  const manifests = new Map<string, string | undefined>();
  entries.forEach((e, i) => {
    if (facts[i]?.text !== undefined || /(^|\/)[^/]+\.csproj$/.test(e.path))
      manifests.set(e.path, facts[i]?.text);
  });
  const layout = detectAreas(
    files.map((file, i) => ({ path: file, loc: facts[i]?.loc ?? 0 })),
    manifests,
    options,
  );
  const canonical = await applyMailmap(cwd, identities.values);
  const history = aggregateHistory(
    {
      commits,
      paths,
      identities: canonical,
      renames: options.renames,
      isExcluded: isLeftOut,
      files,
      fileArea: layout.fileArea,
      areaCode: Uint8Array.from(files, (file, f) =>
        isSourcePath(file) && countsTowardArea(file, layout.areas[layout.fileArea[f]].path) ? 1 : 0,
      ),
      areaCount: layout.areas.length,
      headTime: repository.headTime,
      options,
    },
    extras.corpus === true,
  );
  const dependencies = resolveFileDependencies(files, facts);
  const edges = buildFileEdges(files, dependencies.edges);

  const warnings: string[] = [];
  if (repository.shallow) {
    warnings.push(
      'this is a shallow clone: history is truncated, so revisions, authors and coupling cover only the fetched commits; run `git fetch --unshallow` to deepen it',
    );
  }
  stats.commitsWithoutLines = commits.filter((c) => c.linesUnknown).length;
  stats.filesWithoutContent = content.skipped.filter((s) => s.reason === 'missing').length;
  warnings.push(...partialCloneWarnings(stats, commits.length));
  const snapshot = buildSnapshot({
    repository,
    rev: options.rev,
    options,
    since,
    excludes: [...exclusionGlobs(options), ...attributes.globs],
    analyzedAt: (extras.now ?? (() => new Date()))(),
    files,
    sizes: entries.map((e) => e.size),
    facts,
    layout,
    history,
    edges,
    external: dependencies.external,
    skipped: [
      ...content.skipped,
      ...generated.map((e) => ({ path: e.path, reason: 'generated' as const, size: e.size })),
    ].sort(byPath),
    warnings,
  });
  const cache: AnalysisCache = {
    version: CACHE_FORMAT_VERSION,
    historyKey: historyKey(options),
    since,
    paths: paths.values,
    identities: identities.values,
    commits,
    // Generated files' facts too: they are read every run to see whether they still say so.
    blobs: new Map(content.facts),
  };
  progress({ phase: 'figures', done: 1, total: 1 });
  stats.millis = Date.now() - started;
  const corpus = extras.corpus
    ? buildCorpus({
        snapshot,
        files,
        facts,
        commits,
        history,
        layout,
        contents: new Map(texts.map((t) => [t.path, t.content])),
      })
    : undefined;
  return { snapshot, cache, corpus, stats };
}

const REFETCH_HINT = '`git fetch --refetch` or a full clone restores them';

/** What a clone made with a blob filter (or a damaged one) leaves out of the figures. */
function partialCloneWarnings(stats: AnalysisStats, commits: number): string[] {
  const warnings: string[] = [];
  const uncounted = stats.commitsWithoutLines;
  if (uncounted > 0) {
    warnings.push(
      `${formatCount(uncounted)} of ${plural(commits, 'commit')} ${uncounted === 1 ? 'was' : 'were'} read without line counts: git could not read a version of a file changed there (a clone made with a blob filter, or a damaged one), so churn leaves out those lines and renames there are not followed; ${REFETCH_HINT}`,
    );
  }
  const missing = stats.filesWithoutContent;
  if (missing > 0) {
    warnings.push(
      `${missing} ${missing === 1 ? 'file has' : 'files have'} no content in this clone (a blob filter, or damage): listed with ${missing === 1 ? 'its' : 'their'} history, without code figures; ${REFETCH_HINT}`,
    );
  }
  return warnings;
}
