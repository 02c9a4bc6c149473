import { AnalysisInputError, GitCommandError } from '@sightline/analysis';

/** Exit codes the CLI promises to scripts: 0 success, 1 failure while working, 2 bad usage or input. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An error whose message is meant for the user as it is: no stack trace is printed for it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * The CLI's reading of an analysis failure: bad input (a path, a revision, an option) is a usage
 * error, git failing while working a failure; anything else is thrown on as it is.
 */
export function asCliError(error: unknown): unknown {
  if (error instanceof AnalysisInputError) return new CliError(error.message, EXIT_USAGE);
  if (error instanceof GitCommandError) return new CliError(error.message, EXIT_FAILURE);
  return error;
}
