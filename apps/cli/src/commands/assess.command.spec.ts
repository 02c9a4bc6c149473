import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { Command } from 'commander';
import { buildRiskHistory, type FixtureRepo } from '@sightline/testing';
import { CliError } from '../cli-error';
import { registerAssessCommand } from './assess.command';

const ROOT = resolve(__dirname, '../../../..');
const HOT = 'Rounding of discounts is off';
const QUIET = 'Label text should be trimmed';

async function runInProcess(args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const program = new Command('sightline').exitOverride();
  registerAssessCommand(program, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin: () => stdin,
  });
  await program.parseAsync(['node', 'sightline', 'assess', ...args]);
  return { stdout, stderr };
}

function adfErrors(document: unknown): unknown[] {
  const path = require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return validate(document) ? [] : (validate.errors ?? []);
}

describe('sightline assess', () => {
  let repo: FixtureRepo;
  let scratch: string;
  beforeAll(() => {
    repo = buildRiskHistory();
    scratch = mkdtempSync(join(tmpdir(), 'sightline-assess-'));
  });
  afterAll(() => {
    repo.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('answers one JSON line per query in batch mode, high for the hotspot and low for the quiet file', async () => {
    const file = join(scratch, 'queries.jsonl');
    writeFileSync(
      file,
      [
        { id: 'A-1', text: HOT },
        { id: 'A-2', text: QUIET },
        { id: 'A-3', text: '' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n') + '\n',
    );
    const { stdout } = await runInProcess([repo.path, '--queries', file]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.level, l.noMatch])).toEqual([
      ['A-1', 'high', false],
      ['A-2', 'low', false],
      ['A-3', 'low', true],
    ]);
    const [hot, , empty] = lines;
    expect(Object.keys(hot)).toEqual(
      expect.arrayContaining(['id', 'level', 'score', 'confidence', 'reasons', 'areas']),
    );
    expect(hot.score).toBeGreaterThan(0.8);
    expect(hot.areas[0]).toMatchObject({
      path: 'packages/billing',
      // code lines: the package's package.json is no code
      loc: 108,
      recentRevisions: 21,
      authors: 4,
      bugFixRevisions: 10,
    });
    expect(hot.reasons[0]).toMatchObject({
      kind: 'hotspot',
      file: 'packages/billing/src/invoice.ts',
      loc: 108,
      authors: 4,
      recentRevisions: 21,
      windowDays: 365,
    });
    expect(hot.reasons[0].text).toMatch(
      /^On size, authors, complexity and recent changes, the matched code in packages\/billing ranks above (all|\d+%) of/,
    );
    expect(hot.dependencyWarnings[0]).toMatchObject({ area: 'packages/ledger', degree: 68 });
    expect(empty).toMatchObject({ score: 0, confidence: 0, reasons: [{ kind: 'no-match', why: 'empty' }] });
  }, 60_000);

  it('prints a readable assessment for one query', async () => {
    const { stdout } = await runInProcess([repo.path, '--query', HOT]);
    expect(stdout).toMatch(
      /^Risk: HIGH \(score [01]\.\d\d, confidence 0\.\d\d\)\nThe code this ticket touches is where follow-up fixes concentrate: \d+× this repository's 30-day fix rate\.\n/,
    );
    expect(stdout).toContain('Also plan for packages/ledger');
    expect(stdout).toMatch(
      /\nSimilar past tickets\n {2}- SHOP-\d+ .+ \((1 commit|\d+ commits, (under a day|\d+ days?) from first to last)\)\n/,
    );
  }, 60_000);

  it('gives the same assessment from a --cache file as from a full run', async () => {
    const cache = join(scratch, 'assess.cache');
    const full = await runInProcess([repo.path, '--query', HOT, '--json']);
    await runInProcess([repo.path, '--query', HOT, '--json', '--cache', cache]);
    const cached = await runInProcess([repo.path, '--query', HOT, '--json', '--cache', cache]);
    expect(cached.stdout).toBe(full.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(0);
  }, 60_000);

  it('says no match, with zero confidence, for an empty ticket', async () => {
    const text = await runInProcess([repo.path, '--query', '']);
    expect(text.stdout).toBe(
      'No match: the ticket has no words to match. No risk level assessed. Confidence 0.\n',
    );
    const json = JSON.parse((await runInProcess([repo.path, '--query', '  ', '--json'])).stdout);
    expect(json).toMatchObject({ level: 'low', score: 0, confidence: 0, noMatch: true });
  }, 60_000);

  it('previews the Linear note as Markdown and the Jira note as schema-valid ADF', async () => {
    const markdown = (
      await runInProcess([
        repo.path,
        '--query',
        HOT,
        '--format',
        'markdown',
        '--report-url',
        'https://sightline.example/r/1',
      ])
    ).stdout;
    expect(markdown).toMatch(/^### Sightline: code context\n\n\*\*HIGH RISK\*\* · confidence 0\.\d\d\n/);
    expect(markdown).toContain('- `packages/billing` (match ');
    expect(markdown).toContain(
      '> - `packages/ledger`: changes together with packages/billing in 68% of commits',
    );
    expect(markdown).toContain('[Full report](https://sightline.example/r/1) · sightline:note');
    const adf = JSON.parse((await runInProcess([repo.path, '--query', QUIET, '--format', 'adf'])).stdout);
    expect(adf).toMatchObject({ type: 'doc', version: 1 });
    expect(adfErrors(adf)).toEqual([]);
    expect(JSON.stringify(adf)).toContain('"text":"LOW RISK"');
  }, 60_000);

  it('applies threshold overrides and rejects bad ones', async () => {
    const { stdout } = await runInProcess([
      repo.path,
      '--query',
      QUIET,
      '--json',
      '--high',
      '0',
      '--medium',
      '0',
    ]);
    expect(JSON.parse(stdout).level).toBe('high');
    const cases: [string[], RegExp][] = [
      [['--query', HOT, '--high', 'x'], /--high must be a number from 0 to 1, got x/],
      [['--query', HOT, '--high', '0.4', '--medium', '0.6'], /medium must not exceed high/],
      [['--query', HOT, '--format', 'pdf'], /--format must be one of text, json, markdown, adf, got pdf/],
      [['--query', HOT, '--queries', '-'], /give exactly one of --query or --queries/],
      [['--query', HOT, '--rev', 'nope'], /unknown revision "nope"/],
    ];
    for (const [args, message] of cases) {
      const error = await runInProcess([repo.path, ...args]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toMatch(message);
    }
  }, 60_000);

  it('runs as the real program in both modes, with clear exit codes for bad input', () => {
    const run = (args: string[], input?: string) =>
      spawnSync(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/cli/src/main.ts',
          'assess',
          ...args,
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          input,
        },
      );
    const one = run([repo.path, '--query', QUIET, '--json']);
    expect([one.status, JSON.parse(one.stdout).level]).toEqual([0, 'low']);
    const batch = run(
      [repo.path, '--queries', '-', '--format', 'markdown'],
      JSON.stringify({ id: 'B-1', text: HOT }) + '\n',
    );
    const line = JSON.parse(batch.stdout);
    expect([batch.status, line.id, line.level]).toEqual([0, 'B-1', 'high']);
    expect(line.note).toMatch(/^### Sightline: code context/);
    const notRepo = run([scratch, '--query', HOT]);
    expect([notRepo.status, notRepo.stderr]).toEqual([2, `sightline: ${scratch}: not a git repository\n`]);
    const badRev = run([repo.path, '--query', HOT, '--rev', 'nope']);
    expect([badRev.status, badRev.stderr]).toEqual([
      2,
      `sightline: unknown revision "nope" in ${repo.path}\n`,
    ]);
  }, 120_000);
});
