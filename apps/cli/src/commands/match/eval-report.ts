import { plural } from '@sightline/analysis';
import type { RankMetrics } from '@sightline/matching';
import type { Estimate } from '@sightline/risk';
import type { EvalQueryResult, EvalReport } from './eval-runner';
import type { RiskEvalReport } from './risk-eval';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
const num = (x: number) => x.toFixed(3).padStart(7);

/** Below this many queries a single query moves Top-k by two points or more: the report says so. */
const FEW_QUERIES = 50;

const queries = (n: number) => `${n} ${n === 1 ? 'query' : 'queries'}`;

function row(label: string, m: RankMetrics): string {
  return `${label.padEnd(30)}${pct(m.top1)}${pct(m.top5)}${pct(m.top10)}${num(m.mrr)}${num(m.map)}`;
}

export function renderEvalReport(r: EvalReport): string {
  const lines = [
    `Evaluated ${r.repository}`,
    `  cut ${r.cut.rev.slice(0, 12)} (${r.cut.time.slice(0, 10)}, ${r.cut.chosenBy === 'default' ? 'chosen for the query count' : `from --${r.cut.chosenBy}`}); index: ${plural(r.indexedFiles, 'source file')}`,
    `  ${queries(r.queries)} from the ${plural(r.commitsAfterCut, 'commit')} after the cut (ticket keys, #numbers, fixes; subjects as ticket titles)`,
    '',
    `${''.padEnd(30)}${'Top-1'.padStart(7)}${'Top-5'.padStart(7)}${'Top-10'.padStart(7)}${'MRR'.padStart(7)}${'MAP'.padStart(7)}`,
    row('Sightline', r.sightline),
    row('BM25 over contents (plain)', r.baselines.plain),
    row('BM25 over contents (tokenized)', r.baselines.tokenized),
    '',
    `Sightline vs plain BM25: Top-5 ${signed(100 * (r.sightline.top5 - r.baselines.plain.top5))} points${mrrRatio(r.sightline.mrr, r.baselines.plain.mrr)}`,
    ...(r.queries < FEW_QUERIES
      ? [
          `Only ${queries(r.queries)}: each moves Top-k by ${(100 / r.queries).toFixed(1)} points, so read these figures as rough (another --cut or --since may give more).`,
        ]
      : []),
    '',
    'Confidence calibration (share of queries with a changed file in the top 3):',
    ...r.calibration
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${String(b.count).padStart(4)} ${b.count === 1 ? 'query' : 'queries'}, mean confidence ${b.meanConfidence.toFixed(2)}, hit rate ${b.hitRate.toFixed(2)}`,
      ),
    ...renderOtherWork(r.otherWork),
    ...(r.risk ? ['', ...renderRisk(r.risk)] : []),
    ...(r.perQuery ? ['', ...renderMisses(r.perQuery)] : []),
    '',
    `Time: history ${secs(r.millis.headAnalysis)}, index at the cut ${secs(r.millis.cutIndex)}, ${queries(r.queries)} ${secs(r.millis.queries)}${r.millis.risk !== undefined ? `, risk ${secs(r.millis.risk)}` : ''}`,
  ];
  return lines.join('\n') + '\n';
}

/** Tickets with no right file: how often a note would still have spoken without calling itself uncertain. */
function renderOtherWork(o: EvalReport['otherWork']): string[] {
  if (o.queries === 0) return [];
  return [
    `  and ${queries(o.queries)} that changed no source file (documentation, CI, build; no right file to find): ` +
      `mean confidence ${o.meanConfidence.toFixed(2)}, ${Math.round(100 * o.atOrAbove)}% at or above ${o.threshold.toFixed(2)}, below which a note calls its match uncertain`,
  ];
}

const MISSES_SHOWN = 30;
const rankOf = (rank: number) => (rank === 0 ? 'not ranked' : `#${rank}`);

/**
 * The queries Sightline did not answer in its top 10, those plain BM25 answered first (where a
 * signal is missing), each with what Sightline ranked instead; the JSON report lists every query.
 */
function renderMisses(queries: readonly EvalQueryResult[]): string[] {
  const missed = (rank: number) => rank === 0 || rank > 10;
  const misses = queries
    .filter((q) => missed(q.rank))
    .sort((a, b) => Number(missed(a.baselineRank)) - Number(missed(b.baselineRank)));
  const onlyBaseline = misses.filter((q) => !missed(q.baselineRank)).length;
  const onlyOurs = queries.filter((q) => !missed(q.rank) && missed(q.baselineRank)).length;
  return [
    `Per query: Sightline has a changed file in its top 10 for ${queries.length - misses.length} of ${queries.length}; ` +
      `${onlyOurs} of those plain BM25 misses, and BM25 finds ${onlyBaseline} that Sightline misses.`,
    ...(misses.length > 0
      ? [`Missed${misses.length > MISSES_SHOWN ? ` (first ${MISSES_SHOWN} of ${misses.length})` : ''}:`]
      : []),
    ...misses
      .slice(0, MISSES_SHOWN)
      .flatMap((q) => [
        `  ${q.id.slice(0, 12)} "${q.query}": changed ${q.gold.join(', ')}`,
        `      Sightline ${rankOf(q.rank)} (confidence ${q.confidence.toFixed(2)}; ranked ${q.top.join(', ') || 'nothing'}), plain BM25 ${rankOf(q.baselineRank)}`,
      ]),
  ];
}

function levelRate(risk: RiskEvalReport, level: keyof RiskEvalReport['levels']): string {
  const n = risk.levels[level];
  return `${level} ${n}${n > 0 ? ` (${((100 * risk.laterFixesByLevel[level]) / n).toFixed(0)}% later fix)` : ''}`;
}

function fixClaimRate(risk: RiskEvalReport): string {
  const { tickets, followedByFix } = risk.fixClaims;
  const rest = risk.tickets - tickets;
  const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(0)}%`;
  const held = `; it held on the history of ${risk.fixClaimHeldOn} of the ${plural(risk.snapshots, 'snapshot')}`;
  if (tickets === 0) return `said of no ticket${held}`;
  return `said of ${tickets} tickets, ${pct(followedByFix, tickets)} later fix${rest > 0 ? ` (the rest ${pct(risk.positives - followedByFix, rest)})` : ''}${held}`;
}

function outcomeCounts(risk: RiskEvalReport): string {
  return `  ${risk.tickets} tickets (${risk.dropped} too recent to judge), ${risk.positives} followed by a fix (${(100 * risk.baseRate).toFixed(0)}%); levels: ${levelRate(risk, 'high')}, ${levelRate(risk, 'medium')}, ${levelRate(risk, 'low')}`;
}

function renderRisk(risk: RiskEvalReport): string[] {
  if (risk.insufficient)
    return [`Risk: not measured — ${risk.insufficient}`, ...(risk.tickets > 0 ? [outcomeCounts(risk)] : [])];
  const estimate = (e: Estimate | null) =>
    e ? `${e.value.toFixed(3)} [${e.low.toFixed(2)}–${e.high.toFixed(2)}]` : 'n/a';
  const size = risk.changeSize;
  return [
    `Risk against later fixes (a fix of another ticket on one of the ticket's files within ${risk.horizonDays} days; 95% bootstrap intervals):`,
    outcomeCounts(risk),
    `  assessed on ${plural(risk.snapshots, 'snapshot')} (the cut, refreshed when a ticket came more than ${risk.refreshDays} days after the last)`,
    `  risk score AUC ${estimate(risk.score)}, high vs the rest AUC ${estimate(risk.highVsRest)}, lift of the top third ${estimate(risk.liftTopThird)}`,
    `  plain hotspot baseline AUC ${estimate(risk.baseline)}`,
    `  "follow-up fixes concentrate here": ${fixClaimRate(risk)}`,
    ...(size
      ? [`  change size above the median (${size.median} lines): risk score AUC ${estimate(size.score)}`]
      : []),
  ];
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
}

/** A ratio to nothing is no figure: say what happened instead. */
function mrrRatio(sightline: number, plain: number): string {
  if (plain > 0) return `, MRR ×${(sightline / plain).toFixed(2)}`;
  return sightline > 0 ? '; plain BM25 ranked no answer' : '; neither ranked an answer';
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
