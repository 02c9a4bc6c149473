import {
  analyseRepository,
  analysisOptionsSchema,
  isMatchablePath,
  ownHistory,
  type AnalysisResult,
} from '@sightline/analysis';
import { DEFAULT_RISK_THRESHOLDS } from '@sightline/risk';
import {
  buildContentIndex,
  buildEvalSet,
  buildOtherWorkSet,
  calibration,
  CONFIDENCE_HIT_RANK,
  defaultCutIndex,
  historyFromAnalysisCache,
  newerCutIndices,
  queryOutcome,
  rankByContent,
  rankTicket,
  summarize,
  unanswerableConfidence,
  type CalibrationBin,
  type EvalQuery,
  type HistoryCommit,
  type QueryOutcome,
  type RankMetrics,
  type UnanswerableConfidence,
  type WeightOverrides,
} from '@sightline/matching';
import { asCliError, CliError, EXIT_USAGE } from '../../cli-error';
import { RiskEvaluationCollector, type RiskEvalReport, type TicketRisk } from './risk-eval';
import { readCacheFile, writeCacheFile } from '../cache-file';
import { buildRepositoryIndex, type CommandIo } from './repository-index';
import { readTreeContents } from './tree-contents';

/** The baselines read files up to the analysis's default size limit. */
const BASELINE_MAX_FILE_BYTES = analysisOptionsSchema.parse({}).maxFileBytes;

export interface EvalOptions {
  cut?: string;
  since?: string;
  limit: number;
  maxGoldFiles: number;
  weights?: WeightOverrides;
  /** Also measure the risk level against later fixes (`--risk`). */
  risk?: boolean;
  /** List every query with where its changed files ranked (`--per-query`). */
  perQuery?: boolean;
  /** `--cache`: the analysis cache file the HEAD analysis reuses and updates. */
  cacheFile?: string;
}

/** One query of the evaluation as `--per-query` lists it. */
export interface EvalQueryResult {
  /** The commit the query stands for. */
  id: string;
  query: string;
  /** The source files the commit changed (the answers). */
  gold: string[];
  /** 1-based rank of the first changed file in Sightline's ranking, 0 when it was not ranked. */
  rank: number;
  /** The same in plain BM25 over file contents. */
  baselineRank: number;
  confidence: number;
  /** Sightline's best files for the query. */
  top: string[];
  /** With `--risk`: the level it was given and whether a fix followed. */
  risk?: TicketRisk;
}

export interface EvalReport {
  repository: string;
  head: string;
  cut: { rev: string; time: string; chosenBy: 'cut' | 'since' | 'default' };
  commitsAfterCut: number;
  queries: number;
  indexedFiles: number;
  sightline: RankMetrics;
  baselines: { plain: RankMetrics; tokenized: RankMetrics };
  /** Confidence against whether a gold file was among the top CONFIDENCE_HIT_RANK files. */
  calibration: CalibrationBin[];
  /**
   * Confidence on the ticket-like commits after the cut that changed no source file, only
   * documentation, CI or build configuration: there was no right file to find.
   */
  otherWork: UnanswerableConfidence;
  /** With `--risk`: AUC of the risk score and level against later fixes, beside a hotspot baseline. */
  risk?: RiskEvalReport;
  /** With `--per-query`: every query, in the order of the history. */
  perQuery?: EvalQueryResult[];
  millis: { headAnalysis: number; cutIndex: number; queries: number; risk?: number };
}

const RANKED = 100;
/**
 * A default cut followed by fewer queries than this is tried again nearer the head: an evaluation
 * of a handful of queries measures nothing.
 */
const MIN_DEFAULT_QUERIES = 20;
const LISTED_FILES = 5;

async function analyseHead(path: string, io: CommandIo, cacheFile?: string): Promise<AnalysisResult> {
  try {
    if (io.stderr.isTTY) io.stderr.write('reading history…');
    const head = await analyseRepository(path, { rev: 'HEAD' }, undefined, {
      previous: readCacheFile(cacheFile),
    });
    writeCacheFile(cacheFile, head.cache);
    return head;
  } catch (error) {
    throw asCliError(error);
  } finally {
    if (io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  }
}

interface CutChoice {
  rev: string;
  chosenBy: EvalReport['cut']['chosenBy'];
  /** For a default cut: newer cuts to try when it leaves too few queries. */
  fallbacks: string[];
}

async function chooseCut(
  path: string,
  head: string,
  history: readonly HistoryCommit[],
  options: EvalOptions,
): Promise<CutChoice> {
  if (options.cut) return { rev: options.cut, chosenBy: 'cut', fallbacks: [] };
  if (history.length < 2)
    throw new CliError('the repository has too little history to evaluate on', EXIT_USAGE);
  if (options.since) {
    const at = Date.parse(options.since);
    if (Number.isNaN(at)) throw new CliError(`--since ${options.since}: not a date (use YYYY-MM-DD)`);
    let best: HistoryCommit | undefined;
    for (const c of history) if (c.time * 1000 < at && (!best || c.time > best.time)) best = c;
    if (!best) throw new CliError(`--since ${options.since}: no commit before that date`);
    return { rev: best.hash, chosenBy: 'since', fallbacks: [] };
  }
  const own = await ownHistory(path, head).catch((error: unknown) => {
    throw asCliError(error);
  });
  const isOwn = (hash: string) => own.has(hash);
  const cut = defaultCutIndex(history, options.limit, options.maxGoldFiles, isOwn);
  const fallbacks = newerCutIndices(cut, isOwn, history).map((i) => history[i].hash);
  return { rev: history[cut].hash, chosenBy: 'default', fallbacks };
}

interface EvalSetAtCut {
  indexed: Awaited<ReturnType<typeof buildRepositoryIndex>>;
  /** Commits after the cut, oldest first. */
  after: HistoryCommit[];
  existing: Set<string>;
  queries: EvalQuery[];
}

async function evalSetAt(
  path: string,
  rev: string,
  history: readonly HistoryCommit[],
  head: AnalysisResult,
  options: EvalOptions,
  io: CommandIo,
): Promise<EvalSetAtCut> {
  const indexed = await buildRepositoryIndex(path, rev, io, { cache: head.cache, sameRun: true });
  const before = new Set(indexed.cache.commits.map((c) => c.hash));
  const after = history.filter((c) => !before.has(c.hash)).reverse();
  const existing = new Set(indexed.corpus.files.map((f) => f.path));
  const queries = buildEvalSet(after, (p) => existing.has(p), {
    limit: options.limit,
    maxGoldFiles: options.maxGoldFiles,
  });
  return { indexed, after, existing, queries };
}

/** `sightline eval`: matching quality measured on the repository's own history after a cut. */
export async function runEvaluation(path: string, options: EvalOptions, io: CommandIo): Promise<EvalReport> {
  const started = Date.now();
  const head = await analyseHead(path, io, options.cacheFile);
  const history = historyFromAnalysisCache(head.cache);
  const headMillis = Date.now() - started;
  if (!head.snapshot.files.some((file) => isMatchablePath(file.path)))
    throw new CliError(
      `${path} holds no source file Sightline matches tickets to (docs/analysis-languages.md lists the languages): there is nothing to evaluate`,
      EXIT_USAGE,
    );
  const cut = await chooseCut(path, head.snapshot.repository.head, history, options);
  let set = await evalSetAt(path, cut.rev, history, head, options, io);
  // Queries need files that existed at the cut: after a project replaced its tree, a later cut has more.
  for (const rev of cut.fallbacks) {
    if (set.queries.length >= MIN_DEFAULT_QUERIES) break;
    const later = await evalSetAt(path, rev, history, head, options, io);
    if (later.queries.length > set.queries.length) set = later;
  }
  const { indexed, after, existing, queries } = set;
  if (queries.length === 0)
    throw new CliError(
      'no commit after the cut qualifies as a query (a ticket key, #number or fix that changed source files that existed at the cut); choose another cut with --since YYYY-MM-DD or --cut REV',
      EXIT_USAGE,
    );

  const cutHash = indexed.snapshot.repository.head;
  // The baselines rank the files Sightline ranks: vendored, generated and excluded files are no answer for either.
  const contents = await readTreeContents(
    path,
    cutHash,
    (p) => existing.has(p) && isMatchablePath(p),
    BASELINE_MAX_FILE_BYTES,
  );
  const plain = buildContentIndex('plain', contents);
  const tokenized = buildContentIndex('tokenized', contents);
  const queryStarted = Date.now();
  const ours: QueryOutcome[] = [];
  const plainOutcomes: QueryOutcome[] = [];
  const tokenizedOutcomes: QueryOutcome[] = [];
  const points: { confidence: number; hit: boolean }[] = [];
  const perQuery: EvalQueryResult[] = [];
  const risk = options.risk
    ? new RiskEvaluationCollector(
        path,
        indexed.snapshot,
        indexed.index,
        history,
        after,
        head.cache,
        indexed.cache,
      )
    : undefined;
  for (const q of queries) {
    const result = rankTicket(
      indexed.index,
      { title: q.query },
      { top: RANKED, explain: false, weights: options.weights },
    );
    risk?.add(q, result);
    const outcome = queryOutcome(
      result.files.map((f) => f.path),
      q.gold,
    );
    ours.push(outcome);
    points.push({
      confidence: result.confidence,
      hit: outcome.firstRank > 0 && outcome.firstRank <= CONFIDENCE_HIT_RANK,
    });
    const plainOutcome = queryOutcome(rankByContent(plain, q.query, RANKED), q.gold);
    plainOutcomes.push(plainOutcome);
    tokenizedOutcomes.push(queryOutcome(rankByContent(tokenized, q.query, RANKED), q.gold));
    if (options.perQuery) {
      perQuery.push({
        id: q.id,
        query: q.query,
        gold: q.gold,
        rank: outcome.firstRank,
        baselineRank: plainOutcome.firstRank,
        confidence: result.confidence,
        top: result.files.slice(0, LISTED_FILES).map((f) => f.path),
      });
    }
  }
  const otherWork = buildOtherWorkSet(after, options.limit).map(
    (q) =>
      rankTicket(indexed.index, { title: q.query }, { top: 1, explain: false, weights: options.weights })
        .confidence,
  );
  const queriesMillis = Date.now() - queryStarted;
  const riskStarted = Date.now();
  const riskResult = risk ? await risk.evaluate() : undefined;
  const riskReport = riskResult?.report;
  for (const entry of perQuery) {
    const ticketRisk = riskResult?.byTicket.get(entry.id);
    if (ticketRisk) entry.risk = ticketRisk;
  }
  return {
    repository: path,
    head: head.snapshot.repository.head,
    cut: { rev: cutHash, time: indexed.snapshot.repository.headTime, chosenBy: cut.chosenBy },
    commitsAfterCut: after.length,
    queries: queries.length,
    indexedFiles: indexed.index.paths.length,
    sightline: summarize(ours),
    baselines: { plain: summarize(plainOutcomes), tokenized: summarize(tokenizedOutcomes) },
    calibration: calibration(points),
    otherWork: unanswerableConfidence(otherWork, DEFAULT_RISK_THRESHOLDS.minConfidence),
    ...(riskReport ? { risk: riskReport } : {}),
    ...(options.perQuery ? { perQuery } : {}),
    millis: {
      headAnalysis: headMillis,
      cutIndex: indexed.millis,
      queries: queriesMillis,
      ...(riskReport ? { risk: Date.now() - riskStarted } : {}),
    },
  };
}
