import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { deserializeAnalysisCache, serializeAnalysisCache } from '@sightline/analysis';
import { buildShopHistory, type ShopHistory } from '@sightline/testing';
import { CliError } from '../cli-error';
import { registerMatchCommand, type MatchLine } from './match.command';

async function run(args: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const program = new Command('sightline').exitOverride();
  registerMatchCommand(program, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: () => stdin,
  });
  await program.parseAsync(['node', 'sightline', 'match', ...args]);
  return { stdout, stderr };
}

describe('sightline match', () => {
  let shop: ShopHistory;
  let scratch: string;
  beforeAll(() => {
    shop = buildShopHistory();
    scratch = mkdtempSync(join(tmpdir(), 'sightline-match-'));
  });
  afterAll(() => {
    shop.repo.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('answers one query with files, areas, reasons and confidence', async () => {
    const { stdout } = await run([
      shop.repo.path,
      '--query',
      'Refund of a partial charge fails',
      '--json',
      '--top',
      '2',
    ]);
    const answer = JSON.parse(stdout);
    expect(answer.query).toBe('Refund of a partial charge fails');
    expect(answer.noMatch).toBe(false);
    const files = answer.results.filter((r: MatchLine['results'][number]) => r.kind === 'file');
    const areas = answer.results.filter((r: MatchLine['results'][number]) => r.kind === 'area');
    expect(files[0].path).toBe('src/payment.ts');
    expect(files.length).toBeLessThanOrEqual(2);
    // A repository this small is one area: its root.
    expect(areas.map((a: MatchLine['results'][number]) => a.path)).toEqual(['.']);
    expect(files[0].reasons.length).toBeGreaterThan(0);
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  }, 60_000);

  it('says when the most similar past work changed no source file', async () => {
    const query = 'Explain the shop cart in the readme';
    const { stdout } = await run([shop.repo.path, '--query', query, '--json']);
    const answer = JSON.parse(stdout) as MatchLine;
    expect(answer.otherWork?.share).toBeGreaterThan(0);
    expect(answer.otherWork?.tickets[0]).toEqual(
      expect.objectContaining({ title: 'docs: fix the readme', files: ['README.md'] }),
    );
    const text = await run([shop.repo.path, '--query', query]);
    expect(text.stdout).toMatch(
      /\d+% of the similarity of the most similar past work is work that changed no source file \(e\.g\. "docs: fix the readme": README\.md\)/,
    );
    const code = JSON.parse(
      (await run([shop.repo.path, '--query', 'Refund of a partial charge fails', '--json'])).stdout,
    );
    expect(code.otherWork).toBeUndefined();
    // No code matches the word, but past work outside the code does: the answer says so.
    const docsOnly = await run([shop.repo.path, '--query', 'Readme']);
    expect(docsOnly.stdout).toBe(
      "No match (nothing in the repository's code matches the ticket). Confidence 0.\n" +
        '100% of the similarity of the most similar past work is work that changed no source file (e.g. "docs: fix the readme": README.md)\n',
    );
  }, 60_000);

  it('prints a readable answer by default, and says "no match" for signal-free text', async () => {
    const { stdout } = await run([shop.repo.path, '--query', 'reindexProducts is slow']);
    expect(stdout).toMatch(
      /^Files\n {3}1\. src\/search\/indexer\.ts {2}\d\.\d\d\n {6}The ticket names `reindexProducts`/,
    );
    expect(stdout).toMatch(/Confidence \d\.\d\d/);
    const none = await run([shop.repo.path, '--query', 'the of and']);
    expect(none.stdout).toBe('No match (the ticket has no words to match). Confidence 0.\n');
  }, 60_000);

  it('answers a JSON-lines batch in order, one line per query, at a revision', async () => {
    const file = join(scratch, 'queries.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'cart quantities' }),
        '',
        JSON.stringify({ id: 7, text: 'Product search\nreindex is slow for drafts' }),
        JSON.stringify({ id: 'c', title: 'Wishlist', description: 'wishlist sharing' }),
      ].join('\n'),
    );
    const { stdout } = await run([shop.repo.path, '--queries', file, '--rev', shop.cut]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as MatchLine);
    expect(lines.map((l) => l.id)).toEqual(['a', '7', 'c']);
    expect(lines[0].results[0]).toEqual(expect.objectContaining({ path: 'src/cart.ts', kind: 'file' }));
    expect(lines[1].results[0].path).toBe('src/search/indexer.ts');
    // The wishlist does not exist at the cut.
    expect(lines[2]).toEqual({ id: 'c', results: [], confidence: 0, noMatch: true });
  }, 60_000);

  it('reads the batch from stdin with "-"', async () => {
    const { stdout } = await run(
      [shop.repo.path, '--queries', '-'],
      JSON.stringify({ id: 'x', text: 'card charge retry' }) + '\n',
    );
    expect(JSON.parse(stdout).results[0].path).toBe('src/payment.ts');
  }, 60_000);

  it('rejects bad usage before indexing', async () => {
    await expect(run([shop.repo.path])).rejects.toThrow(
      new CliError('give exactly one of --query or --queries'),
    );
    await expect(run([shop.repo.path, '--query', 'x', '--top', '0'])).rejects.toThrow(
      '--top must be an integer from 1 to 1000',
    );
    const bad = join(scratch, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"ok"}\n{"text":"no id"}\n');
    await expect(run([shop.repo.path, '--queries', bad])).rejects.toThrow(
      `${bad}:2: id must be a string or a number`,
    );
    writeFileSync(bad, '{"id":"a"}\n');
    await expect(run([shop.repo.path, '--queries', bad])).rejects.toThrow(
      `${bad}:1: line needs "text" or "title"`,
    );
    writeFileSync(bad, 'not json\n');
    await expect(run([shop.repo.path, '--queries', bad])).rejects.toThrow(`${bad}:1: not valid JSON`);
    await expect(run([shop.repo.path, '--queries', join(scratch, 'missing.jsonl')])).rejects.toThrow(
      'no such file',
    );
  });

  it('keeps --cache between runs and reads what it holds instead of the history again', async () => {
    const cache = join(scratch, 'analysis.cache');
    writeFileSync(cache, 'not a cache');
    const first = await run([
      shop.repo.path,
      '--query',
      'Refund of a partial charge fails',
      '--cache',
      cache,
    ]);
    const written = deserializeAnalysisCache(readFileSync(cache));
    expect(written?.commits.length).toBeGreaterThan(0);
    const again = await run([
      shop.repo.path,
      '--query',
      'Refund of a partial charge fails',
      '--cache',
      cache,
    ]);
    expect(again.stdout).toBe(first.stdout);
    // A word only the cached commit records hold: found only if the next run read them.
    for (const commit of written!.commits) commit.subject = `${commit.subject} zebracorn`;
    writeFileSync(cache, serializeAnalysisCache(written!));
    const fromCache = await run([shop.repo.path, '--query', 'zebracorn', '--json', '--cache', cache]);
    expect(JSON.parse(fromCache.stdout).noMatch).toBe(false);
    const fresh = await run([shop.repo.path, '--query', 'zebracorn', '--json']);
    expect(JSON.parse(fresh.stdout).noMatch).toBe(true);
    await expect(
      run([shop.repo.path, '--query', 'x', '--cache', join(scratch, 'missing-dir', 'c.cache')]),
    ).rejects.toThrow(/^--cache .*missing-dir\/c\.cache: directory .* does not exist$/);
  }, 60_000);

  it('reports a path that is not a repository as bad input', async () => {
    await expect(run([scratch, '--query', 'x'])).rejects.toBeInstanceOf(CliError);
  });
});
