import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { buildShopHistory, FixtureRepo, type ShopHistory } from '@sightline/testing';
import { CliError } from '../cli-error';
import { registerEvalCommand } from './eval.command';
import type { EvalReport } from './match/eval-runner';

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const program = new Command('sightline').exitOverride();
  registerEvalCommand(program, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  });
  await program.parseAsync(['node', 'sightline', 'eval', ...args]);
  return stdout;
}

describe('sightline eval', () => {
  let shop: ShopHistory;
  beforeAll(() => {
    shop = buildShopHistory();
  });
  afterAll(() => shop.repo.dispose());

  it('measures Sightline and the content baselines on the commits after the cut', async () => {
    const report = JSON.parse(await run([shop.repo.path, '--cut', shop.cut, '--json'])) as EvalReport;
    expect(report.cut).toEqual(expect.objectContaining({ rev: shop.cut, chosenBy: 'cut' }));
    expect(report.commitsAfterCut).toBe(6);
    // The readme, test-only and new-file commits give no query.
    expect(report.queries).toBe(3);
    expect(report.indexedFiles).toBe(4);
    expect(report.sightline).toEqual({ queries: 3, top1: 1, top5: 1, top10: 1, mrr: 1, map: 1 });
    expect(report.baselines.plain.queries).toBe(3);
    expect(report.baselines.tokenized.top10).toBeGreaterThan(0);
    expect(report.calibration.reduce((n, b) => n + b.count, 0)).toBe(3);
  }, 60_000);

  it('gives the same report from a --cache file, which it writes for the next run', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sightline-eval-'));
    try {
      const cache = join(scratch, 'eval.cache');
      const without = { ...JSON.parse(await run([shop.repo.path, '--cut', shop.cut, '--json'])), millis: 0 };
      const args = [shop.repo.path, '--cut', shop.cut, '--json', '--cache', cache];
      expect({ ...JSON.parse(await run(args)), millis: 0 }).toEqual(without);
      expect(existsSync(cache)).toBe(true);
      expect({ ...JSON.parse(await run(args)), millis: 0 }).toEqual(without);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('places the cut itself when none is given, and prints a table', async () => {
    const text = await run([shop.repo.path, '--limit', '2']);
    expect(text).toContain('chosen for the query count');
    expect(text).toMatch(/Sightline\s+\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%\s+\d\.\d{3}\s+\d\.\d{3}/);
    expect(text).toMatch(/BM25 over contents \(plain\)/);
    expect(text).toMatch(/Sightline vs plain BM25: Top-5 [+-]\d+\.\d points, MRR ×/);
    expect(text).toMatch(
      /Only 1 query: each moves Top-k by 100\.0 points, so read these figures as rough \(another --cut or --since may give more\)/,
    );
  }, 60_000);

  it('lists every query with --per-query, and the misses in the table', async () => {
    const report = JSON.parse(
      await run([shop.repo.path, '--cut', shop.cut, '--per-query', '--json']),
    ) as EvalReport;
    expect(report.perQuery).toHaveLength(3);
    // "docs: fix the readme" changed only README.md: no right file, so only its confidence is shown.
    expect(report.otherWork).toEqual(expect.objectContaining({ queries: 1, threshold: 0.3 }));
    for (const q of report.perQuery ?? []) {
      expect(q).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{40}$/), query: expect.any(String) }),
      );
      // Top-1 on every query (above): the first changed file is Sightline's best file.
      expect(q.rank).toBe(1);
      expect(q.gold).toContain(q.top[0]);
      expect(q.baselineRank).toBeGreaterThanOrEqual(0);
    }
    const text = await run([shop.repo.path, '--cut', shop.cut, '--per-query']);
    expect(text).toContain('Per query: Sightline has a changed file in its top 10 for 3 of 3;');
    expect(text).not.toContain('Missed');
    expect(await run([shop.repo.path, '--cut', shop.cut, '--json'])).not.toContain('"perQuery"');
  }, 60_000);

  it('cuts by date with --since', async () => {
    const report = JSON.parse(await run([shop.repo.path, '--since', '2023-11-22', '--json'])) as EvalReport;
    expect(report.cut.chosenBy).toBe('since');
    expect(report.cut.time.slice(0, 10) < '2023-11-22').toBe(true);
  }, 60_000);

  it('takes weight overrides for ablations', async () => {
    const withoutText = JSON.parse(
      await run([
        shop.repo.path,
        '--cut',
        shop.cut,
        '--json',
        '--weights',
        '{"text":0,"content":0,"similar":0,"mention":0,"nameMatch":0}',
      ]),
    ) as EvalReport;
    // With every query-dependent signal off, nothing is a candidate.
    expect(withoutText.sightline.top10).toBe(0);
    const fieldsOnly = JSON.parse(
      await run([
        shop.repo.path,
        '--cut',
        shop.cut,
        '--json',
        '--weights',
        '{"fields":{"name":{"weight":0}}}',
      ]),
    ) as EvalReport;
    expect(fieldsOnly.queries).toBe(3);
  }, 60_000);

  it('with --risk, says plainly when there are too few tickets to measure risk', async () => {
    const report = JSON.parse(
      await run([shop.repo.path, '--cut', shop.cut, '--risk', '--json']),
    ) as EvalReport;
    expect(report.risk).toEqual(
      expect.objectContaining({ insufficient: expect.any(String), score: null, highVsRest: null }),
    );
    expect(report.risk?.tickets).toBeLessThanOrEqual(3);
    const text = await run([shop.repo.path, '--cut', shop.cut, '--risk']);
    expect(text).toContain('Risk: not measured — ');
    expect(await run([shop.repo.path, '--cut', shop.cut, '--json'])).not.toContain('"risk"');
  }, 60_000);

  it('judges a file moved after the cut by the path the index has for it', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit({
        message: 'Add the client',
        time: 1_600_000_000,
        files: {
          'lib/client.dart': 'class Client {\n  void send() {}\n}\n',
          'lib/headers.dart': 'class Headers {}\n',
        },
      });
      const cut = repo.git(['rev-parse', 'HEAD']).trim();
      repo.commit({ message: 'Move into packages', time: 1_600_086_400, moves: [['lib', 'pkgs/http/lib']] });
      repo.commit({
        message: 'Fix client send retries',
        time: 1_600_172_800,
        files: { 'pkgs/http/lib/client.dart': 'class Client {\n  void send() { retry(); }\n}\n' },
      });
      const report = JSON.parse(await run([repo.path, '--cut', cut, '--per-query', '--json'])) as EvalReport;
      expect(report.perQuery?.map((q) => [q.query, q.gold, q.rank])).toEqual([
        ['Fix client send retries', ['lib/client.dart'], 1],
      ]);
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('ranks the baselines over the files Sightline indexes, not vendored or generated ones', async () => {
    const repo = FixtureRepo.create();
    try {
      const cartTotal =
        '// The cart total, before rounding.\nexport function total(items) {\n  return items.length;\n}\n';
      repo.commit({
        message: 'Add the cart',
        time: 1_600_000_000,
        files: {
          'src/cart.js': cartTotal,
          'src/price.js': 'export const price = 1;\n',
          // Vendored and generated copies that say "cart total" far more often than the cart does.
          'vendor/shop/cart-total.js': '// cart total rounding\n'.repeat(20),
          'src/cart_pb.js':
            '// Code generated by protoc-gen-js. DO NOT EDIT.\n' + '// cart total rounding\n'.repeat(20),
        },
      });
      const cut = repo.git(['rev-parse', 'HEAD']).trim();
      repo.commit({
        message: 'Fix cart total rounding',
        time: 1_600_086_400,
        files: { 'src/cart.js': cartTotal.replace('length', 'length + 0') },
      });
      const report = JSON.parse(await run([repo.path, '--cut', cut, '--per-query', '--json'])) as EvalReport;
      expect(report.indexedFiles).toBe(2);
      expect(report.perQuery?.map((q) => [q.gold, q.baselineRank])).toEqual([[['src/cart.js'], 1]]);
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('places the default cut later when the tree was replaced and no query is left before it', async () => {
    const repo = FixtureRepo.create();
    try {
      const day = 86_400;
      for (let i = 0; i < 40; i++) {
        repo.commit({
          message: `Tune the v1 lexer, step ${i}`,
          time: 1_600_000_000 + i * day,
          files: { 'v1/lexer.go': `package v1\n\nconst step = ${i}\n` },
        });
      }
      repo.commit({
        message: 'Replace the parser with v2',
        time: 1_600_000_000 + 40 * day,
        files: {
          'v1/lexer.go': null,
          'v2/decoder.go': 'package v2\n\nfunc Decode() {}\n',
          'v2/encoder.go': 'package v2\n\nfunc Encode() {}\n',
        },
      });
      for (let i = 0; i < 20; i++) {
        const file = i % 2 ? 'v2/decoder.go' : 'v2/encoder.go';
        repo.commit({
          message: `Fix ${i % 2 ? 'decoding' : 'encoding'} of case ${i}`,
          time: 1_600_000_000 + (41 + i) * day,
          files: { [file]: `package v2\n\n// case ${i}\nfunc ${i % 2 ? 'Decode' : 'Encode'}() {}\n` },
        });
      }
      // The default cut (half the history back) is in the v1 tree, where no fix's file existed yet.
      const report = JSON.parse(await run([repo.path, '--json'])) as EvalReport;
      expect(report.cut.chosenBy).toBe('default');
      expect(report.queries).toBeGreaterThan(0);
      expect(report.indexedFiles).toBe(2);
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('says plainly when the repository holds no source file to match against', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit({
        message: 'Add templates',
        time: 1_600_000_000,
        files: { 'Node.gitignore': 'node_modules/\n' },
      });
      repo.commit({
        message: 'Fix the Node template',
        time: 1_600_086_400,
        files: { 'Node.gitignore': 'dist/\n' },
      });
      await expect(run([repo.path])).rejects.toThrow('holds no source file Sightline matches tickets to');
    } finally {
      repo.dispose();
    }
  }, 60_000);

  it('rejects contradictory or malformed options', async () => {
    await expect(run([shop.repo.path, '--weights', '{"bogus":1}'])).rejects.toThrow('--weights:');
    await expect(run([shop.repo.path, '--weights', '{"similar":-1}'])).rejects.toThrow('--weights: similar');
    await expect(run([shop.repo.path, '--weights', '{"fields":{"nope":{"weight":1}}}'])).rejects.toThrow(
      '--weights: fields',
    );
    await expect(run([shop.repo.path, '--weights', 'x'])).rejects.toThrow('--weights must be a JSON object');
    await expect(run([shop.repo.path, '--cut', 'HEAD', '--since', '2024-01-01'])).rejects.toThrow(
      new CliError('give at most one of --cut or --since'),
    );
    await expect(run([shop.repo.path, '--limit', 'x'])).rejects.toThrow('--limit must be a positive integer');
    await expect(run([shop.repo.path, '--since', 'yesterday-ish'])).rejects.toThrow('not a date');
    await expect(run([shop.repo.path, '--cut', 'HEAD'])).rejects.toThrow('no commit after the cut qualifies');
  }, 60_000);
});
