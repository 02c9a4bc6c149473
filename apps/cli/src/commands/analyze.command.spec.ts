import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { FixtureRepo } from '@sightline/testing';
import { CliError } from '../cli-error';
import { registerAnalyzeCommand } from './analyze.command';

const ROOT = resolve(__dirname, '../../../..');

async function runInProcess(args: string[], isTTY = false): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const program = new Command('sightline').exitOverride();
  registerAnalyzeCommand(program, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY, columns: 100 },
  });
  await program.parseAsync(['node', 'sightline', 'analyze', ...args]);
  return { stdout, stderr };
}

describe('sightline analyze', () => {
  let repo: FixtureRepo;
  let scratch: string;
  beforeAll(() => {
    repo = FixtureRepo.create();
    scratch = mkdtempSync(join(tmpdir(), 'sightline-cli-'));
    const source = 'export function f(a: number, b?: number): number {\n  return a > 0 ? a : (b ?? 0);\n}\n';
    for (let i = 0; i < 6; i++) {
      repo.commit({
        message: i % 2 ? `fix: edge case ENG-${i}` : `work ${i}`,
        time: 1_600_000_000 + i * 86_400,
        files: { 'src/a.ts': `${source}// ${i}\n`, 'src/b.ts': `${source}// ${i}\n` },
      });
    }
  });
  afterAll(() => {
    repo.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints the snapshot as JSON with --json', async () => {
    const { stdout } = await runInProcess([repo.path, '--json']);
    const snapshot = JSON.parse(stdout);
    expect(snapshot.schemaVersion).toBe(1);
    expect(snapshot.repository.head).toBe(repo.head());
    expect(snapshot.files.map((f: { path: string; revisions: number }) => [f.path, f.revisions])).toEqual([
      ['src/a.ts', 6],
      ['src/b.ts', 6],
    ]);
    expect(snapshot.coupling).toEqual([
      { a: 'src/a.ts', b: 'src/b.ts', shared: 6, degree: 100, averageRevisions: 6 },
    ]);
  });

  it('never lets a file name act on the terminal: control characters are shown escaped', async () => {
    const hostile = FixtureRepo.create();
    try {
      hostile.commit({
        message: 'work',
        time: 1_600_000_000,
        files: { 'src/\u001b]0;owned\u0007\u001b[2Jx.ts': 'export const x = 1;\n' },
      });
      const { stdout } = await runInProcess([hostile.path]);
      expect(stdout).toContain('src/\\x1B]0;owned\\x07\\x1B[2Jx.ts');
      expect(stdout).not.toContain('\u001b');
    } finally {
      hostile.dispose();
    }
  });

  it('prints a readable summary by default', async () => {
    const { stdout } = await runInProcess([repo.path, '--since', '2020-09-15']);
    expect(stdout).toContain('4 non-merge commits, since 2020-09-15');
    expect(stdout).toContain('Top hotspots');
    expect(stdout).toContain('Riskiest areas');
    // Four shared commits stay below code-maat's default of five.
    expect(stdout).toContain(
      'Strongest change coupling (code on at least one side, tests left out)\n  none above the thresholds',
    );
    expect(stdout).toContain('Files that failed to parse: 0');
  });

  it('counts vendored files only when asked to', async () => {
    const vendored = FixtureRepo.create();
    try {
      vendored.commit({
        message: 'add',
        time: 1_600_000_000,
        files: { 'vendor/lib.js': 'x = 1;\n', 'app.js': 'y = 2;\n' },
      });
      const paths = async (args: string[]) =>
        JSON.parse((await runInProcess([vendored.path, '--json', ...args])).stdout).files.map(
          (f: { path: string }) => f.path,
        );
      expect(await paths([])).toEqual(['app.js']);
      expect(await paths(['--no-default-excludes'])).toEqual(['app.js', 'vendor/lib.js']);
    } finally {
      vendored.dispose();
    }
  });

  it('draws a progress bar on a terminal and clears it before the output', async () => {
    const { stderr } = await runInProcess([repo.path, '--json'], true);
    expect(stderr).toMatch(/history \[#+\] 6\/6/);
    expect(stderr).toMatch(/files \[#+\] 2\/2/);
    expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
    const quiet = await runInProcess([repo.path, '--json'], false);
    expect(quiet.stderr).toBe('');
  });

  it('writes to --out and reuses --cache on the next run', async () => {
    const out = join(scratch, 'snapshot.json');
    const cache = join(scratch, 'analysis.cache');
    await runInProcess([
      repo.path,
      '--json',
      '--out',
      out,
      '--cache',
      cache,
      '--no-renames',
      '--exclude',
      'src/b.ts',
    ]);
    const first = JSON.parse(readFileSync(out, 'utf8'));
    expect(first.repository.renames).toBe(false);
    expect(first.files.map((f: { path: string }) => f.path)).toEqual(['src/a.ts']);
    await runInProcess([
      repo.path,
      '--json',
      '--out',
      out,
      '--cache',
      cache,
      '--no-renames',
      '--exclude',
      'src/b.ts',
    ]);
    const second = JSON.parse(readFileSync(out, 'utf8'));
    expect({ ...second.repository, analyzedAt: 0 }).toEqual({ ...first.repository, analyzedAt: 0 });
    expect(second.files).toEqual(first.files);
  });

  it.each([
    [['/nonexistent/repository'], /no such directory/],
    [[tmpdir()], /not a git repository/],
    [['--rev', 'nope'], /unknown revision "nope"/],
    [['--rev', '-x'], /invalid revision "-x"/],
    [['--since', 'someday'], /unrecognised date "someday"/],
    [['--out', '/nonexistent/dir/out.json'], /directory \/nonexistent\/dir does not exist/],
  ])('reports bad input %j with exit code 2', async (args, message) => {
    const full = args[0].startsWith('/') ? args : [repo.path, ...args];
    const error = await runInProcess(full).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  });

  it('runs as the real program: exit codes, messages, and a path starting with a dash', () => {
    const link = join(scratch, '-repo with space');
    execFileSync('ln', ['-s', repo.path, link]);
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/cli/src/main.ts',
          'analyze',
          ...args,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const ok = run(['--json', '--', link]);
    expect([ok.status, JSON.parse(ok.stdout).files.length]).toEqual([0, 2]);
    const bad = run([join(scratch, 'missing')]);
    expect([bad.status, bad.stderr.trim()]).toEqual([
      2,
      `sightline: ${join(scratch, 'missing')}: no such directory`,
    ]);
  }, 60_000);
});
