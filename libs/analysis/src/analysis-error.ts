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

// What git says when an object the history refers to is not in the repository.
const MISSING_OBJECT =
  /unable to read (?:tree )?[0-9a-f]{7,}|missing (?:blob|tree|commit) |bad object |could not get object info/i;

/** How to repair a repository that lacks objects, for every error that finds one missing. */
export const MISSING_OBJECTS_FIX =
  'The repository lacks objects its history needs (a partial or damaged clone): ' +
  'fetch them with `git fetch --refetch`, or clone the repository again in full';

/** git itself failed while the analysis was reading the repository (corrupt object, killed process). */
export class GitCommandError extends Error {
  /** git found an object missing that the history or tree needs: the clone must be repaired. */
  readonly missingObjects: boolean;

  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    /** What happened, when git did not fail but answered something the analysis cannot use. */
    summary?: string,
  ) {
    const said = stderr.trim() || 'no message';
    const missingObjects = MISSING_OBJECT.test(said);
    super(
      (summary ?? `git ${args.slice(0, 3).join(' ')} failed (exit ${exitCode ?? 'signal'}): ${said}`) +
        (missingObjects ? `. ${MISSING_OBJECTS_FIX}` : ''),
    );
    this.name = 'GitCommandError';
    this.missingObjects = missingObjects;
  }

  /** git answered that an object is missing without failing (`cat-file --batch` prints "<oid> missing"). */
  static missingObject(args: readonly string[], oid: string): GitCommandError {
    return new GitCommandError(args, 0, `missing blob ${oid}`, `git ${args[0]}: object ${oid} is missing`);
  }
}
