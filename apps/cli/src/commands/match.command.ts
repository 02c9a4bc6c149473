import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  describeResult,
  rankTicket,
  type MatchResult,
  type RankedResult,
  type TicketInput,
} from '@sightline/matching';
import { CliError } from '../cli-error';
import { CACHE_OPTION_HELP, checkWritablePath, readCacheFile, writeCacheFile } from './cache-file';
import { readQueryFile, ticketFromText } from './match/query-input';
import { buildRepositoryIndex, type CommandIo } from './match/repository-index';
import { printable } from './printable';

interface MatchFlags {
  rev: string;
  query?: string;
  queries?: string;
  top: string;
  json?: boolean;
  cache?: string;
}

/** The line written per query: the contract `sightline match` keeps for other tools. */
export interface MatchLine {
  id: string;
  results: Pick<RankedResult, 'path' | 'kind' | 'score' | 'reasons'>[];
  confidence: number;
  noMatch: boolean;
  /** Present when some of the most similar past work changed no source file. */
  otherWork?: MatchResult['otherWork'];
}

function toLine(id: string, result: MatchResult): MatchLine {
  const results = [...result.files, ...result.areas].map(({ path, kind, score, reasons }) => ({
    path,
    kind,
    score,
    reasons,
  }));
  return {
    id,
    results,
    confidence: result.confidence,
    noMatch: result.noMatch,
    ...(result.otherWork ? { otherWork: result.otherWork } : {}),
  };
}

function otherWorkLine({ otherWork }: MatchResult): string[] {
  if (!otherWork) return [];
  const example = otherWork.tickets[0];
  return [
    `${Math.round(otherWork.share * 100)}% of the similarity of the most similar past work is work that changed no source file` +
      (example ? ` (e.g. ${example.title ? `"${example.title}": ` : ''}${example.files.join(', ')})` : ''),
  ];
}

function renderText(result: MatchResult): string {
  if (result.noMatch) {
    const why =
      result.noMatchReason === 'empty'
        ? 'the ticket has no words to match'
        : "nothing in the repository's code matches the ticket";
    return [`No match (${why}). Confidence 0.`, ...otherWorkLine(result)].join('\n') + '\n';
  }
  const lines: string[] = [];
  const section = (title: string, items: RankedResult[]) => {
    lines.push(title);
    items.forEach((r, i) => {
      const why = describeResult(r);
      lines.push(
        `  ${String(i + 1).padStart(2)}. ${r.path}  ${r.score.toFixed(2)}${why ? `\n      ${why}` : ''}`,
      );
    });
  };
  section('Files', result.files);
  section('Areas', result.areas);
  lines.push(
    `Confidence ${result.confidence.toFixed(2)}${result.confidence < 0.3 ? ' (low: treat these as guesses)' : ''}`,
  );
  lines.push(...otherWorkLine(result));
  if (result.truncated) lines.push('(the ticket text was cut to the input limits)');
  return lines.join('\n') + '\n';
}

function parseTop(value: string): number {
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 1000)
    throw new CliError(`--top must be an integer from 1 to 1000, got ${value}`);
  return top;
}

/**
 * `sightline match`: ranks files and code areas for ticket text, with reasons. The index is
 * built once per invocation (the tree and history at `--rev`), then every query is answered.
 */
export function registerMatchCommand(
  program: Command,
  io: CommandIo & { stdin?: () => string } = { stdout: process.stdout, stderr: process.stderr },
): void {
  program
    .command('match')
    .description('rank the files and code areas a ticket will most likely touch, with reasons')
    .argument('<path>', 'repository (work tree or bare)')
    .option('--rev <rev>', 'index the tree and history at this revision', 'HEAD')
    .option('--query <text>', 'one ticket: title, optionally followed by a newline and the description')
    .option(
      '--queries <file>',
      'JSON lines {"id","text"}; answers one JSON line per query, in order ("-" reads stdin)',
    )
    .option('--top <k>', 'files and areas to list, each', '10')
    .option('--json', 'print the single --query answer as JSON')
    .option('--cache <file>', CACHE_OPTION_HELP)
    .action(async (path: string, flags: MatchFlags) => {
      if ((flags.query === undefined) === (flags.queries === undefined))
        throw new CliError('give exactly one of --query or --queries');
      if (flags.cache) checkWritablePath('--cache', flags.cache);
      const top = parseTop(flags.top);
      const stdin = io.stdin ?? (() => readFileSync(0, 'utf8'));
      const batch = flags.queries !== undefined ? readQueryFile(flags.queries, stdin) : undefined;
      const { index, cache } = await buildRepositoryIndex(path, flags.rev, io, {
        cache: readCacheFile(flags.cache),
        sameRun: false,
      });
      writeCacheFile(flags.cache, cache);
      const rank = (ticket: TicketInput): MatchResult => rankTicket(index, ticket, { top });
      if (batch) {
        for (const q of batch) io.stdout.write(JSON.stringify(toLine(q.id, rank(q.ticket))) + '\n');
        return;
      }
      const result = rank(ticketFromText(flags.query ?? ''));
      if (!flags.json) {
        io.stdout.write(printable(renderText(result)));
        return;
      }
      const { id: _id, ...line } = toLine('', result);
      io.stdout.write(JSON.stringify({ query: flags.query, ...line }, null, 2) + '\n');
    });
}
