import type { Command } from 'commander';
import { z } from 'zod';
import {
  DEFAULT_EVAL_SET_OPTIONS,
  DEFAULT_WEIGHTS,
  INDEX_FIELDS,
  type WeightOverrides,
} from '@sightline/matching';
import { CliError } from '../cli-error';
import { renderEvalReport } from './match/eval-report';
import { CACHE_OPTION_HELP, checkWritablePath } from './cache-file';
import { runEvaluation } from './match/eval-runner';
import type { CommandIo } from './match/repository-index';
import { printable } from './printable';

interface EvalFlags {
  cut?: string;
  since?: string;
  limit: string;
  maxFiles: string;
  weights?: string;
  risk?: boolean;
  perQuery?: boolean;
  json?: boolean;
  cache?: string;
}

/** `--weights '{"similar":0}'`: overrides of DEFAULT_WEIGHTS, for ablations and tuning experiments. */
function parseWeights(value: string | undefined): WeightOverrides | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new CliError('--weights must be a JSON object');
  }
  const result = weightOverridesSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CliError(`--weights: ${issue.path.join('.') || 'value'} ${issue.message}`);
  }
  return result.data as WeightOverrides;
}

const weight = z.number().min(0);
const weightOverridesSchema = z
  .object({
    ...Object.fromEntries(
      Object.keys(DEFAULT_WEIGHTS)
        .filter((key) => key !== 'fields')
        .map((key) => [key, weight.optional()]),
    ),
    fields: z
      .partialRecord(
        z.enum(INDEX_FIELDS),
        z
          .object({ weight, b: z.number().min(0).max(1) })
          .partial()
          .strict(),
      )
      .optional(),
  })
  .strict();

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} must be a positive integer, got ${value}`);
  return n;
}

/**
 * `sightline eval`: builds an evaluation set from the repository's own history after a cut and
 * prints Top-1/5/10, MRR and MAP for Sightline and, in the same run, for plain BM25 over file
 * contents (docs/matching.md).
 */
export function registerEvalCommand(
  program: Command,
  io: CommandIo = { stdout: process.stdout, stderr: process.stderr },
): void {
  program
    .command('eval')
    .description("measure matching accuracy on the repository's own history (Top-k, MRR, MAP vs. BM25)")
    .argument('<path>', 'repository (work tree or bare)')
    .option('--cut <rev>', 'index the repository at this revision; commits after it are the queries')
    .option('--since <date>', 'cut at the last commit before this date (YYYY-MM-DD)')
    .option(
      '--limit <n>',
      'queries at most; without --cut/--since the cut is placed so about this many follow it',
      String(DEFAULT_EVAL_SET_OPTIONS.limit),
    )
    .option(
      '--max-files <n>',
      'skip commits changing more source files than this (sweeping changes, not tickets)',
      String(DEFAULT_EVAL_SET_OPTIONS.maxGoldFiles),
    )
    .option(
      '--weights <json>',
      'override ranking weights, e.g. \'{"similar":0}\' (experiments; see docs/matching.md)',
    )
    .option(
      '--risk',
      'also measure the risk level against fixes that landed on the same files within 30 days',
    )
    .option(
      '--per-query',
      "list the queries Sightline missed (with --json: every query, with both methods' ranks and Sightline's best files)",
    )
    .option('--json', 'print the report as JSON')
    .option('--cache <file>', CACHE_OPTION_HELP)
    .action(async (path: string, flags: EvalFlags) => {
      if (flags.cut && flags.since) throw new CliError('give at most one of --cut or --since');
      if (flags.cache) checkWritablePath('--cache', flags.cache);
      const options = {
        cut: flags.cut,
        since: flags.since,
        limit: positiveInt('--limit', flags.limit),
        maxGoldFiles: positiveInt('--max-files', flags.maxFiles),
        weights: parseWeights(flags.weights),
        risk: flags.risk,
        perQuery: flags.perQuery,
        cacheFile: flags.cache,
      };
      const report = await runEvaluation(path, options, io);
      io.stdout.write(
        flags.json ? JSON.stringify(report, null, 2) + '\n' : printable(renderEvalReport(report)),
      );
    });
}
