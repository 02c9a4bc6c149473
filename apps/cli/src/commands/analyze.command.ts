import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  analyseRepository,
  renderSnapshotSummary,
  type AnalysisProgress,
  type AnalysisResult,
} from '@sightline/analysis';
import { asCliError, CliError, EXIT_FAILURE } from '../cli-error';
import { CACHE_OPTION_HELP, checkWritablePath, readCacheFile, writeCacheFile } from './cache-file';
import { printable } from './printable';

export interface AnalyzeIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

interface AnalyzeFlags {
  rev: string;
  since?: string;
  renames: boolean;
  exclude: string[];
  defaultExcludes: boolean;
  json?: boolean;
  out?: string;
  cache?: string;
}

const PHASE_LABEL: Record<AnalysisProgress['phase'], string> = {
  history: 'history',
  files: 'files',
  figures: 'figures',
};

/** A one-line progress display on a terminal's stderr, redrawn in place. */
function progressBar(stderr: AnalyzeIo['stderr']): { update(p: AnalysisProgress): void; clear(): void } {
  const state = new Map<string, AnalysisProgress>();
  let drawn = false;
  return {
    update(progress) {
      state.set(progress.phase, progress);
      const width = Math.max(10, Math.min(30, Math.floor(((stderr.columns ?? 80) - 50) / 2)));
      const parts = [...state.values()].map((p) => {
        const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
        const filled = Math.round(ratio * width);
        return `${PHASE_LABEL[p.phase]} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`;
      });
      stderr.write(`\r\x1b[2K${parts.join('  ')}`);
      drawn = true;
    },
    clear() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runAnalysis(path: string, flags: AnalyzeFlags, io: AnalyzeIo): Promise<AnalysisResult> {
  const bar = io.stderr.isTTY ? progressBar(io.stderr) : undefined;
  const previous = readCacheFile(flags.cache);
  try {
    return await analyseRepository(
      path,
      {
        rev: flags.rev,
        since: flags.since,
        renames: flags.renames,
        exclude: flags.exclude,
        defaultExcludes: flags.defaultExcludes,
      },
      bar ? (p) => bar.update(p) : undefined,
      { previous },
    );
  } catch (error) {
    throw asCliError(error);
  } finally {
    bar?.clear();
  }
}

/** `sightline analyze`: the repository snapshot, as a readable summary or as JSON (docs/analysis-output.md). */
export function registerAnalyzeCommand(
  program: Command,
  io: AnalyzeIo = { stdout: process.stdout, stderr: process.stderr },
): void {
  program
    .command('analyze')
    .description('analyse a git repository: hotspots, ownership, coupling, dependencies, areas and tickets')
    .argument('<path>', 'repository to analyse (work tree or bare)')
    .option('--rev <rev>', 'revision to analyse (its history, never --all)', 'HEAD')
    .option('--since <date>', 'only count commits from this date (YYYY-MM-DD or "6 months ago")')
    .option('--no-renames', 'treat a move as delete + add, exactly like `git log --no-renames`')
    .option('--exclude <glob>', 'also exclude paths matching the glob (repeatable)', collect, [])
    .option(
      '--no-default-excludes',
      'also count vendored, generated and lock files (node_modules/, dist/, *.lock …)',
    )
    .option('--json', 'print the snapshot as JSON')
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--cache <file>', CACHE_OPTION_HELP)
    .action(async (path: string, flags: AnalyzeFlags) => {
      if (flags.out) checkWritablePath('--out', flags.out);
      if (flags.cache) checkWritablePath('--cache', flags.cache);
      const result = await runAnalysis(path, flags, io);
      const { snapshot } = result;
      for (const warning of snapshot.warnings) io.stderr.write(`sightline: warning: ${printable(warning)}\n`);
      const text = flags.json
        ? JSON.stringify(snapshot, null, 2) + '\n'
        : printable(renderSnapshotSummary(snapshot));
      writeCacheFile(flags.cache, result.cache);
      try {
        if (flags.out) writeFileSync(flags.out, text);
        else io.stdout.write(text);
      } catch (error) {
        throw new CliError(`cannot write output: ${(error as Error).message}`, EXIT_FAILURE);
      }
    });
}
