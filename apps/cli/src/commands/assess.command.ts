import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { rankTicket, type TicketInput } from '@sightline/matching';
import {
  assessRisk,
  calibrateRisk,
  riskThresholdsSchema,
  type RiskAssessment,
  type RiskThresholds,
} from '@sightline/risk';
import { combineAssessments, noteReportOf, renderNote } from '@sightline/trackers';
import { CliError } from '../cli-error';
import { CACHE_OPTION_HELP, checkWritablePath, readCacheFile, writeCacheFile } from './cache-file';
import { assessLine, renderAssessmentText } from './assess/assess-output';
import { readQueryFile, ticketFromText } from './match/query-input';
import { buildRepositoryIndex, type CommandIo } from './match/repository-index';
import { printable } from './printable';

type Format = 'text' | 'json' | 'markdown' | 'adf';
const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'adf'];

interface AssessFlags {
  rev: string;
  query?: string;
  queries?: string;
  format?: string;
  json?: boolean;
  high?: string;
  medium?: string;
  minConfidence?: string;
  reportUrl?: string;
  cache?: string;
}

function parseFormat(flags: AssessFlags): Format {
  if (flags.json && flags.format !== undefined && flags.format !== 'json')
    throw new CliError('--json and --format must agree');
  const format = flags.json ? 'json' : (flags.format ?? 'text');
  if (!FORMATS.includes(format as Format))
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${format}`);
  return format as Format;
}

function parseThresholds(flags: AssessFlags): RiskThresholds {
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw new CliError(`${name} must be a number from 0 to 1, got ${value}`);
    return n;
  };
  const parsed = riskThresholdsSchema.safeParse({
    high: number('--high', flags.high),
    medium: number('--medium', flags.medium),
    minConfidence: number('--min-confidence', flags.minConfidence),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag =
      issue.path.length > 0
        ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
        : 'thresholds';
    throw new CliError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}

function parseReportUrl(value: string | undefined, path: string): string {
  if (value === undefined) return pathToFileURL(resolve(path)).href;
  try {
    return new URL(value).href;
  } catch {
    throw new CliError(`--report-url ${value}: not a URL`);
  }
}

/**
 * `sightline assess`: the matching and risk assessment the enrichment service runs, in-process,
 * on the repository at `--rev`. `--format markdown|adf` prints the note exactly as it would be
 * written to Linear (Markdown) or Jira (ADF), so anyone can preview it before connecting a tracker.
 */
export function registerAssessCommand(
  program: Command,
  io: CommandIo & { stdin?: () => string } = { stdout: process.stdout, stderr: process.stderr },
): void {
  program
    .command('assess')
    .description('assess the risk of the code a ticket will most likely touch, with reasons')
    .argument('<path>', 'repository (work tree or bare)')
    .option('--rev <rev>', 'assess against the tree and history at this revision', 'HEAD')
    .option('--query <text>', 'one ticket: title, optionally followed by a newline and the description')
    .option(
      '--queries <file>',
      'JSON lines {"id","text"}; answers one JSON line per query, in order ("-" reads stdin)',
    )
    .option('--format <format>', 'text, json, markdown (the Linear note) or adf (the Jira note)')
    .option('--json', 'the same as --format json')
    .option('--high <score>', 'score at or above which the level is high (0..1, default 0.8)')
    .option('--medium <score>', 'score at or above which the level is medium (0..1, default 0.5)')
    .option('--min-confidence <c>', 'confidence below which high is held at medium (0..1, default 0.3)')
    .option(
      '--report-url <url>',
      'the "Full report" link of a previewed note (default: the repository as a file URL)',
    )
    .option('--cache <file>', CACHE_OPTION_HELP)
    .action(async (path: string, flags: AssessFlags) => {
      if ((flags.query === undefined) === (flags.queries === undefined))
        throw new CliError('give exactly one of --query or --queries');
      if (flags.cache) checkWritablePath('--cache', flags.cache);
      const format = parseFormat(flags);
      const thresholds = parseThresholds(flags);
      const reportUrl = parseReportUrl(flags.reportUrl, path);
      const stdin = io.stdin ?? (() => readFileSync(0, 'utf8'));
      const batch = flags.queries !== undefined ? readQueryFile(flags.queries, stdin) : undefined;
      const { index, snapshot, cache } = await buildRepositoryIndex(path, flags.rev, io, {
        cache: readCacheFile(flags.cache),
        sameRun: false,
      });
      writeCacheFile(flags.cache, cache);
      const calibration = calibrateRisk(snapshot, { index });
      const assess = (ticket: TicketInput) => {
        const match = rankTicket(index, ticket);
        return {
          match,
          assessment: assessRisk({ match, snapshot, calibration, thresholds, ticketKey: ticket.key }),
        };
      };
      // The enrichment service's own note mapping, over this one repository: the preview is the note.
      const note = (id: string, run: ReturnType<typeof assess>) =>
        renderNote(
          noteReportOf(
            combineAssessments([
              {
                repositoryId: path,
                repositoryName: path,
                snapshotId: snapshot.repository.head,
                head: snapshot.repository.head,
                ...run,
              },
            ]),
            { ticketKey: id, reportUrl },
          ),
        );

      if (batch) {
        for (const q of batch) {
          const run = assess(q.ticket);
          const line: Record<string, unknown> = { ...assessLine(q.id, run.assessment) };
          if (format === 'markdown') line.note = note(q.id, run).markdown;
          if (format === 'adf') line.note = note(q.id, run).adf;
          io.stdout.write(JSON.stringify(line) + '\n');
        }
        return;
      }
      const run = assess(ticketFromText(flags.query ?? ''));
      io.stdout.write(printable(render(format, run.assessment, () => note('preview', run))));
    });
}

function render(
  format: Format,
  assessment: RiskAssessment,
  note: () => ReturnType<typeof renderNote>,
): string {
  switch (format) {
    case 'text':
      return renderAssessmentText(assessment);
    case 'json':
      return JSON.stringify(assessLine('', assessment), null, 2) + '\n';
    case 'markdown':
      return note().markdown;
    case 'adf':
      return JSON.stringify(note().adf, null, 2) + '\n';
  }
}
