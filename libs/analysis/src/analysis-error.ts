/**
 * Why an analysis could not run on the input it was given. Callers map `kind` to their own
 * outcome: the CLI to exit code 2, the ingestion worker to a permanent (not retried) failure.
 */
export type AnalysisInputErrorKind =
  | 'path-not-found'
  | 'not-a-repository'
  | 'empty-repository'
  | 'invalid-revision'
  | 'unknown-revision'
  | 'invalid-option';

export class AnalysisInputError extends Error {
  constructor(
    readonly kind: AnalysisInputErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisInputError';
  }
}

/** git itself failed while the analysis was reading the repository (corrupt object, killed process). */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.slice(0, 3).join(' ')} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim() || 'no message'}`,
    );
    this.name = 'GitCommandError';
  }
}
