// npm run bench:matching -- [repository ...]
// Prints, per corpus: files indexed, index build time and memory, and query latency p50/p99 of
// `rankTicket` (reasons included, top 10). Always runs synthetic corpora of 5k and 50k files;
// each repository given is analysed first (the analysis time is printed beside the index build)
// and queried with its own commit subjects. Figures only; nothing here asserts a time.
import { collectRepositoryCorpus } from '@sightline/analysis';
import { buildMatchIndex, cleanQuery, matchCorpusFromAnalysis, rankTicket, type MatchCorpus } from '@sightline/matching';
import { random, syntheticCorpus, syntheticQueries } from './matching-corpus';

interface Case {
  name: string;
  corpus: MatchCorpus;
  queries: string[];
  analysisMs?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function memory(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function run(c: Case): void {
  const before = memory();
  const started = process.hrtime.bigint();
  const index = buildMatchIndex(c.corpus);
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const heapMb = (memory() - before) / 1024 / 1024;
  for (const q of c.queries.slice(0, 50)) rankTicket(index, { title: q });
  const times: number[] = [];
  for (const q of c.queries) {
    const t0 = process.hrtime.bigint();
    rankTicket(index, { title: q });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  process.stdout.write(
    `${c.name.padEnd(34)} files ${String(index.paths.length).padStart(6)}  past changes ${String(index.pastTickets.length).padStart(6)}  ` +
      `build ${(buildMs / 1000).toFixed(2)} s${c.analysisMs !== undefined ? ` (analysis ${(c.analysisMs / 1000).toFixed(1)} s)` : ''}  ` +
      `memory ${heapMb.toFixed(0)} MB  queries ${times.length}  p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}  max ${ms(times[times.length - 1])}\n`,
  );
}

async function repositoryCase(path: string): Promise<Case> {
  const started = Date.now();
  const { corpus, snapshot } = await collectRepositoryCorpus(path);
  const analysisMs = Date.now() - started;
  const matchCorpus = matchCorpusFromAnalysis(corpus, snapshot);
  const subjects = [...new Set(corpus.files.flatMap((f) => f.commitSubjects))].map(cleanQuery).filter((s) => s.length > 0);
  const rand = random(7);
  const queries = Array.from({ length: Math.min(1000, subjects.length) }, () => subjects[Math.floor(rand() * subjects.length)]);
  return { name: `${path.split('/').filter(Boolean).slice(-2).join('/')}`, corpus: matchCorpus, queries, analysisMs };
}

async function main(): Promise<void> {
  if (!gc) process.stderr.write('(run with node --expose-gc for exact memory figures)\n');
  for (const size of [5_000, 50_000]) {
    const corpus = syntheticCorpus(size);
    run({ name: `synthetic ${size / 1000}k files`, corpus, queries: syntheticQueries(corpus, size > 10_000 ? 500 : 1000) });
  }
  for (const path of process.argv.slice(2)) run(await repositoryCase(path));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
