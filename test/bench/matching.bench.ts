// npm run bench:matching -- [repository ...]
// Prints, per corpus: files indexed, index build time and memory, and query latency p50/p99 of
// `rankTicket` (reasons included, top 10). Always runs synthetic corpora of 5k and 50k files;
// each repository given is analysed first (the analysis time is printed beside the index build)
// and queried with its own commit subjects. Figures only; nothing here asserts a time.
import { collectRepositoryCorpus } from '@sightline/analysis';
import {
  buildMatchIndex,
  cleanQuery,
  matchCorpusFromAnalysis,
  rankTicket,
  type MatchCorpus,
  type MatchIndex,
} from '@sightline/matching';
import { cpus, loadavg } from 'node:os';
import { random, syntheticCorpus, syntheticQueries } from './matching-corpus';

interface Case {
  name: string;
  /** Built inside the measurement and dropped after indexing, so memory counts the index alone. */
  corpus: () => MatchCorpus;
  queries: string[];
  analysisMs?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function memory(): Promise<number> {
  // Array buffers are released by finalizers after a collection: give them time to run.
  for (let i = 0; i < 6; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
  return `p50 ${at(50)} ms  p99 ${at(99)} ms  max ${sorted[sorted.length - 1].toFixed(2)} ms`;
}

/** The corpus lives only in here, so after it returns the index is all that stays reachable. */
function build(corpus: () => MatchCorpus): { index: MatchIndex; buildMs: number } {
  const input = corpus();
  const started = process.hrtime.bigint();
  const index = buildMatchIndex(input);
  return { index, buildMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function run(c: Case): Promise<void> {
  const before = await memory();
  const { index, buildMs } = build(c.corpus);
  const indexMb = ((await memory()) - before) / 1024 / 1024;
  for (const q of c.queries.slice(0, 50)) rankTicket(index, { title: q });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of c.queries) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    rankTicket(index, { title: q });
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  process.stdout.write(
    `${c.name}: ${index.paths.length} files indexed, ${index.pastTickets.length} past tickets/changes\n` +
      `  index build ${(buildMs / 1000).toFixed(2)} s${c.analysisMs !== undefined ? ` (the analysis took ${(c.analysisMs / 1000).toFixed(1)} s)` : ''}, index memory ${indexMb.toFixed(0)} MB\n` +
      `  ${wall.length} queries, wall: ${percentiles(wall)}\n` +
      `  ${''.padStart(String(wall.length).length)} queries, cpu:  ${percentiles(cpu)}\n`,
  );
}

async function repositoryCase(path: string): Promise<Case> {
  const started = Date.now();
  const { corpus, snapshot } = await collectRepositoryCorpus(path);
  const analysisMs = Date.now() - started;
  const matchCorpus = matchCorpusFromAnalysis(corpus, snapshot);
  const subjects = [...new Set(corpus.files.flatMap((f) => f.commitSubjects))]
    .map(cleanQuery)
    .filter((s) => s.length > 0);
  const rand = random(7);
  const queries = Array.from(
    { length: Math.min(1000, subjects.length) },
    () => subjects[Math.floor(rand() * subjects.length)],
  );
  return {
    name: `${path.split('/').filter(Boolean).slice(-2).join('/')}`,
    corpus: () => matchCorpus,
    queries,
    analysisMs,
  };
}

async function main(): Promise<void> {
  if (!gc) process.stderr.write('(run with node --expose-gc for exact memory figures)\n');
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  process.stdout.write(
    `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}: wall times include waiting for a CPU; cpu times count every thread of the process, garbage-collector helpers included\n`,
  );
  for (const size of [5_000, 50_000]) {
    const queries = syntheticQueries(syntheticCorpus(size), size > 10_000 ? 500 : 1000);
    await run({ name: `synthetic ${size / 1000}k files`, corpus: () => syntheticCorpus(size), queries });
  }
  for (const path of process.argv.slice(2)) await run(await repositoryCase(path));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
