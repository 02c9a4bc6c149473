import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deserializeAnalysisCache, serializeAnalysisCache, type AnalysisCache } from '@sightline/analysis';
import { CliError, EXIT_FAILURE } from '../cli-error';

/** The `--cache <file>` help text, one meaning for every command that takes it. */
export const CACHE_OPTION_HELP =
  'reuse and update an analysis cache file: later runs read only what changed (analyze, match, assess and eval share it)';

/** Checked before any work, so a typo in a path costs nothing: the flag is named in the message. */
export function checkWritablePath(flag: string, file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CliError(`${flag} ${file}: directory ${dir} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`${flag} ${file}: is a directory`);
}

/** The cache a previous run left; none (a full run) when there is no file or it is unreadable. */
export function readCacheFile(file: string | undefined): AnalysisCache | undefined {
  return file && existsSync(file) ? deserializeAnalysisCache(readFileSync(file)) : undefined;
}

export function writeCacheFile(file: string | undefined, cache: AnalysisCache): void {
  if (!file) return;
  try {
    writeFileSync(file, serializeAnalysisCache(cache));
  } catch (error) {
    throw new CliError(`--cache ${file}: cannot write: ${(error as Error).message}`, EXIT_FAILURE);
  }
}
