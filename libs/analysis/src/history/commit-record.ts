/**
 * One non-merge commit as the analysis keeps it: everything the figures need and nothing more,
 * so that the whole history fits in memory compactly and can be cached for incremental runs.
 */
export interface CommitRecord {
  hash: string;
  /** Committer time, Unix seconds (the time `--since` and every window use). */
  time: number;
  /** Raw (pre-mailmap) identity id of the author in the IdentityTable. */
  author: number;
  /** Raw identity ids from `Co-authored-by:` lines. */
  coAuthors: number[];
  fix: boolean;
  tickets: string[];
  subject: string;
  /** Quadruples per changed file: path id, added lines, deleted lines, renamed-from path id or -1. Binary files count 0. */
  changes: Int32Array;
  /** git could not diff the commit (a file version is missing): its files count 0 lines, renames unfollowed. */
  linesUnknown?: true;
}

export const CHANGE_STRIDE = 4;

/** Interns strings (paths, raw identities) to dense ids; the ids index every per-path array. */
export class InternTable {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  constructor(values: readonly string[] = []) {
    for (const value of values) this.intern(value);
  }

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      const kept = detach(value);
      this.values.push(kept);
      this.ids.set(kept, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * Copies a string out of the text it was cut from. V8 keeps substrings as views of their parent,
 * so one kept subject or name would otherwise hold a whole commit message in memory.
 */
export function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** A raw identity is kept as "name <email>", the form `git check-mailmap` takes and returns. */
export function rawIdentity(name: string, email: string): string {
  return `${name.trim()} <${email.trim()}>`;
}
