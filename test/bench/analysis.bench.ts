// npm run bench:analysis -- <repository> [rev] [--runs N]
// Prints commits, files, wall time and peak RSS of `sightline analyze --json`, its ratio to the
// single-process floor `git log --no-merges --numstat --no-renames` measured in the same run, and
// the complexity pass's lines per second. Figures only; nothing here asserts a time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const TIME = '/usr/bin/time';

interface Measured {
  wallMs: number;
  /** Peak RSS of the process tree's largest member (GNU time's %M), when GNU time is installed. */
  maxRssKb?: number;
  stdout: string;
}

function measure(command: string, args: string[], cwd: string, discardStdout = false): Promise<Measured> {
  const timed = existsSync(TIME);
  const argv = timed ? ['-f', '%e %M', command, ...args] : args;
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(timed ? TIME : command, argv, {
      cwd,
      stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0)
        return reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      const last = stderr.trim().split('\n').pop() ?? '';
      const rss = timed ? Number(last.split(' ')[1]) : undefined;
      resolvePromise({
        wallMs,
        maxRssKb: Number.isFinite(rss) ? rss : undefined,
        stdout: Buffer.concat(out).toString('utf8'),
      });
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args.splice(runsAt, 2)[1]) || 1) : 2;
  const [repoArg, rev = 'HEAD'] = args;
  if (!repoArg) {
    process.stderr.write('usage: npm run bench:analysis -- <repository> [rev] [--runs N]\n');
    process.exitCode = 2;
    return;
  }
  const repo = resolve(repoArg);
  const out = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  try {
    const commits = execFileSync('git', ['rev-list', '--count', '--no-merges', rev, '--'], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
    process.stdout.write(`repository        ${repo} @ ${rev} (${commits} non-merge commits)\n`);

    // The CLI's own start-up (TypeScript transpiled on the fly) is measured so it can be told apart.
    const startup = await measure(process.execPath, [...TS_NODE, 'apps/cli/src/main.ts', '--version'], ROOT);
    // Floor and analysis alternate so that both see the same machine load; the best of each counts.
    const floors: Measured[] = [];
    const clis: Measured[] = [];
    const analyze = [
      ...TS_NODE,
      'apps/cli/src/main.ts',
      'analyze',
      repo,
      '--rev',
      rev,
      '--json',
      '--out',
      join(out, 'snapshot.json'),
    ];
    for (let run = 0; run < runs; run++) {
      floors.push(
        await measure('git', ['log', '--no-merges', '--numstat', '--no-renames', rev, '--'], repo, true),
      );
      clis.push(await measure(process.execPath, analyze, ROOT));
      const ratio = (clis[run].wallMs / floors[run].wallMs).toFixed(2);
      process.stdout.write(
        `run ${run + 1}/${runs}`.padEnd(18) +
          `floor ${seconds(floors[run].wallMs)}, analyze ${seconds(clis[run].wallMs)}, ratio ${ratio}\n`,
      );
    }
    const best = (list: Measured[]): Measured => list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const floor = best(floors);
    const cli = best(clis);
    const child = await measure(
      process.execPath,
      [...TS_NODE, 'test/bench/analysis-child.ts', repo, rev],
      ROOT,
    );
    const stats = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;

    const lines = [
      ['commits', String(stats.commits)],
      [
        'files',
        `${stats.files} (${stats.codeFiles} code files, ${stats.loc} LOC, ${stats.parseFailures} parse failures)`,
      ],
      [
        'git log floor',
        `${seconds(floor.wallMs)} (git log --no-merges --numstat --no-renames; git peak RSS ${megabytes(floor.maxRssKb)})`,
      ],
      [
        'analyze --json',
        `${seconds(cli.wallMs)} (CLI incl. ${seconds(startup.wallMs)} start-up; peak RSS of node and git children ${megabytes(cli.maxRssKb)})`,
      ],
      [
        'ratio',
        `${(cli.wallMs / floor.wallMs).toFixed(2)} (best analyze / best floor of ${runs} runs); ${((cli.wallMs - startup.wallMs) / floor.wallMs).toFixed(2)} without start-up`,
      ],
      [
        'analysis',
        `${seconds(stats.wallMs)} in-process, peak RSS of the analysis process ${megabytes(stats.maxRssKb)}`,
      ],
      [
        'complexity pass',
        `${stats.linesParsed} lines in ${seconds(stats.parseMillis)} = ${Math.round(stats.linesParsed / (stats.parseMillis / 1000))} lines/s (${stats.blobsParsed} files)`,
      ],
    ];
    for (const [label, value] of lines) process.stdout.write(`${label.padEnd(18)}${value}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
