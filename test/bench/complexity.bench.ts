/*
 * Source-analysis throughput: runs analyseSource over every supported file of a repository's
 * tree and prints files, lines and lines/s per language, and parse failures; then the same over a
 * worker-thread pool.
 *
 *   npm run bench:complexity -- <repository> [--rev HEAD] [--runs 3] [--threads 2] [--eslint]
 *
 * The repository may be a bare git directory: the tree is read with `git ls-tree -r -z` and
 * `git cat-file --batch`. `--eslint` also checks every JS/TS file's McCabe figures against
 * ESLint's `complexity` rule and prints the number of files that differ.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import {
  analyseSource,
  createSourcePool,
  languageOf,
  loadWasmGrammars,
  type SourceFacts,
} from '@sightline/analysis';

interface Blob {
  path: string;
  content: string;
  lines: number;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

function readTree(repo: string, rev: string): Blob[] {
  const listing = execFileSync('git', ['-C', repo, 'ls-tree', '-r', '-z', '--full-tree', rev], {
    maxBuffer: 1 << 30,
  });
  const entries: { oid: string; path: string }[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    // Symbolic links (mode 120000) hold a target path, not source; the analysis skips them too.
    const match = /^(?!120000)\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match && languageOf(match[2])) entries.push({ oid: match[1], path: match[2] });
  }
  const batch = execFileSync('git', ['-C', repo, 'cat-file', '--batch'], {
    input: entries.map((e) => e.oid).join('\n') + '\n',
    maxBuffer: 2 ** 32,
  });
  const blobs: Blob[] = [];
  let pos = 0;
  for (const entry of entries) {
    const newline = batch.indexOf(10, pos);
    const header = batch.toString('utf8', pos, newline).split(' ');
    const size = Number(header[2]);
    const content = batch.toString('utf8', newline + 1, newline + 1 + size);
    blobs.push({ path: entry.path, content, lines: countLines(content) });
    pos = newline + 1 + size + 1;
  }
  return blobs;
}

const rate = (lines: number, ms: number) => `${Math.round(lines / (ms / 1000)).toLocaleString('en')} lines/s`;

interface RunResult {
  ms: number;
  cpuMs: number;
  facts: (SourceFacts | undefined)[];
  perLanguageMs: Map<string, number>;
}

/** User + system CPU time of the whole process (all threads), which shared machines distort less than wall time. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function runInProcess(blobs: Blob[]): RunResult {
  const perLanguageMs = new Map<string, number>();
  const facts: (SourceFacts | undefined)[] = [];
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const blob of blobs) {
    const t0 = process.hrtime.bigint();
    const result = analyseSource(blob.path, blob.content);
    const spent = Number(process.hrtime.bigint() - t0) / 1e6;
    facts.push(result);
    const language = result?.language ?? 'unknown';
    perLanguageMs.set(language, (perLanguageMs.get(language) ?? 0) + spent);
  }
  return {
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    cpuMs: cpuMsSince(cpuStart),
    facts,
    perLanguageMs,
  };
}

function printLanguages(
  blobs: Blob[],
  facts: (SourceFacts | undefined)[],
  perLanguageMs: Map<string, number>,
): void {
  const rows = new Map<
    string,
    { files: number; lines: number; loc: number; functions: number; failures: number }
  >();
  blobs.forEach((blob, i) => {
    const f = facts[i];
    if (!f) return;
    const row = rows.get(f.language) ?? { files: 0, lines: 0, loc: 0, functions: 0, failures: 0 };
    row.files++;
    row.lines += blob.lines;
    row.loc += f.loc;
    row.functions += f.functions.length;
    if (f.parseError) row.failures++;
    rows.set(f.language, row);
  });
  console.log('language       files      lines        LOC  functions  parse failures  lines/s (1 thread)');
  for (const [language, row] of [...rows.entries()].sort((a, b) => b[1].lines - a[1].lines)) {
    const ms = perLanguageMs.get(language) ?? 0;
    console.log(
      `${language.padEnd(12)} ${String(row.files).padStart(7)} ${String(row.lines).padStart(10)} ${String(row.loc).padStart(10)} ${String(row.functions).padStart(10)} ${String(row.failures).padStart(15)}  ${rate(row.lines, ms)}`,
    );
  }
}

async function runPool(
  blobs: Blob[],
  threads: number,
  runs: number,
): Promise<{ ms: number; cpuMs: number }[]> {
  const pool = createSourcePool(threads);
  try {
    // Start the workers (module loading) outside the measurement; JIT warm-up stays inside run 1.
    await Promise.all(blobs.slice(0, threads).map((b) => pool.analyse(b.path, b.content)));
    const results: { ms: number; cpuMs: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const cpuStart = process.cpuUsage();
      const started = process.hrtime.bigint();
      await Promise.all(blobs.map((b) => pool.analyse(b.path, b.content)));
      results.push({ ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: cpuMsSince(cpuStart) });
    }
    return results;
  } finally {
    await pool.close();
  }
}

/** Files whose per-function McCabe figures differ from ESLint's `complexity` rule. */
async function eslintMismatches(
  blobs: Blob[],
  facts: (SourceFacts | undefined)[],
): Promise<{ checked: number; differing: string[] }> {
  const { Linter } = await import('eslint');
  const tseslint = (await import('typescript-eslint')).default;
  const linter = new Linter({ configType: 'flat' });
  const differing: string[] = [];
  let checked = 0;
  blobs.forEach((blob, i) => {
    const f = facts[i];
    if (!f || (f.language !== 'typescript' && f.language !== 'javascript') || f.parseError) return;
    const extension = blob.path.split('.').pop()!;
    const config = [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.mts', '**/*.cts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: { ecmaFeatures: { jsx: !['ts', 'mts', 'cts'].includes(extension) } },
        },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' as const },
        rules: { complexity: ['error', 0] as ['error', number] },
      },
    ];
    const messages = linter.verify(blob.content, config, { filename: blob.path });
    if (messages.some((m) => m.fatal)) return;
    checked++;
    const expected = messages
      .filter((m) => m.ruleId === 'complexity')
      .map((m) => `${m.line}:${/complexity of (\d+)/.exec(m.message)![1]}`)
      .sort();
    const ours = f.functions.map((fn) => `${fn.line}:${fn.complexity}`).sort();
    if (expected.join() !== ours.join()) differing.push(blob.path);
  });
  return { checked, differing };
}

async function main(): Promise<void> {
  const repo = process.argv[2];
  if (!repo || repo.startsWith('--')) {
    console.error(
      'usage: npm run bench:complexity -- <repository> [--rev HEAD] [--runs 3] [--threads N] [--eslint]',
    );
    process.exit(2);
  }
  const rev = option('rev', 'HEAD');
  const runs = Number(option('runs', '3'));
  const threads = Number(option('threads', String(availableParallelism())));
  const blobs = readTree(repo, rev);
  await loadWasmGrammars();
  const totalLines = blobs.reduce((sum, b) => sum + b.lines, 0);
  console.log(
    `repository ${repo} @ ${rev}: ${blobs.length} supported files, ${totalLines.toLocaleString('en')} lines`,
  );

  const describe = (label: string, run: { ms: number; cpuMs: number }) =>
    console.log(
      `${label}: ${(run.ms / 1000).toFixed(2)} s wall, ${rate(totalLines, run.ms)}; ${(run.cpuMs / 1000).toFixed(2)} s CPU`,
    );
  let last = runInProcess(blobs);
  describe('in-process run 1 (cold)', last);
  for (let run = 2; run <= runs; run++) {
    last = runInProcess(blobs);
    describe(`in-process run ${run}`, last);
  }
  printLanguages(blobs, last.facts, last.perLanguageMs);
  const failures = blobs
    .map((b, i) => [b.path, last.facts[i]?.parseError] as const)
    .filter(([, error]) => error);
  console.log(`parse failures: ${failures.length}`);
  for (const [path, error] of failures.slice(0, 20)) console.log(`  ${path}: ${error}`);

  if (threads > 1) {
    const poolRuns = await runPool(blobs, threads, runs);
    poolRuns.forEach((run, i) =>
      describe(`worker pool, ${threads} threads, run ${i + 1}${i === 0 ? ' (cold)' : ''}`, run),
    );
  }
  if (process.argv.includes('--eslint')) {
    const { checked, differing } = await eslintMismatches(blobs, last.facts);
    console.log(`ESLint complexity cross-check: ${checked} JS/TS files, ${differing.length} differ`);
    for (const path of differing.slice(0, 20)) console.log(`  ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
