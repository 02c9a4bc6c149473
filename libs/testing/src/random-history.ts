import { seededRandom } from '@sightline/risk';
import type { FixtureAuthor, FixtureRepo } from './fixture-repo';

export interface RandomHistoryOptions {
  seed: number;
  commits: number;
  /** First commit time, Unix seconds; each commit is a few hours after the previous. */
  startTime?: number;
  /** Adds `Co-authored-by:` trailers now and then. */
  coAuthors?: boolean;
  /** Creates side branches and merges them now and then. */
  merges?: boolean;
}

const AUTHORS: FixtureAuthor[] = [
  { name: 'Ada', email: 'ada@example.com' },
  { name: 'Bob', email: 'bob@example.com' },
  { name: 'Bobby', email: 'BOB@old.example' },
  { name: 'Carol', email: 'carol@example.com' },
  { name: 'Dan', email: 'dan@example.com' },
];
const DIRS = ['src', 'src/core', 'src/ui', 'lib', 'docs', 'test'];
const EXTS = ['.ts', '.py', '.go', '.md', '.txt'];

/**
 * Appends random commits to a repository: adds, edits, renames (with and without edits),
 * deletes, binary files, fixes, ticket keys, a mailmap alias and optionally co-authors and
 * merged side branches. Returns the time of the last commit.
 */
export class RandomHistory {
  private readonly random: () => number;
  private readonly files = new Map<string, string[]>();
  private time: number;
  private counter = 0;

  constructor(
    private readonly repo: FixtureRepo,
    private readonly options: RandomHistoryOptions,
  ) {
    this.random = seededRandom(options.seed);
    this.time = options.startTime ?? 1_600_000_000;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private lines(count: number): string[] {
    return Array.from({ length: count }, () => `line ${Math.floor(this.random() * 1000)} ${this.counter++}`);
  }

  private newPath(): string {
    return `${this.pick(DIRS)}/f${this.counter++}${this.pick(EXTS)}`;
  }

  /** Adds `count` commits on the current branch. */
  grow(count: number = this.options.commits): number {
    if (this.files.size === 0 && !this.repoHasMailmap()) {
      this.repo.commit({
        message: 'Mailmap',
        time: this.time,
        files: { '.mailmap': 'Bob <bob@example.com> <bob@old.example>\n' },
      });
    }
    for (let i = 0; i < count; i++) {
      if (this.options.merges && this.files.size > 3 && this.random() < 0.1) this.sideBranch();
      else this.randomCommit();
    }
    return this.time;
  }

  private repoHasMailmap(): boolean {
    return this.repo.git(['ls-files', '--', '.mailmap']).trim() !== '';
  }

  private randomCommit(): void {
    this.time += 3600 + Math.floor(this.random() * 7200);
    const changes: Record<string, string | Buffer | null> = {};
    const moves: [string, string][] = [];
    const operations = 1 + Math.floor(this.random() * 4);
    const touched = new Set<string>();
    for (let op = 0; op < operations; op++) {
      const roll = this.random();
      const existing = [...this.files.keys()].filter((p) => !touched.has(p));
      if (existing.length === 0 || roll < 0.3) {
        const path = this.newPath();
        if (this.random() < 0.05) {
          changes[path] = Buffer.from([0, 1, 2, Math.floor(this.random() * 255)]);
          this.files.set(path, []);
        } else {
          const content = this.lines(1 + Math.floor(this.random() * 8));
          this.files.set(path, content);
          changes[path] = content.join('\n') + '\n';
        }
        touched.add(path);
      } else if (roll < 0.75) {
        const path = this.pick(existing);
        const content = this.files.get(path)!;
        if (content.length === 0) {
          changes[path] = Buffer.from([0, 9, Math.floor(this.random() * 255)]);
        } else {
          const at = Math.floor(this.random() * content.length);
          content.splice(at, this.random() < 0.5 ? 1 : 0, ...this.lines(1 + Math.floor(this.random() * 3)));
          changes[path] = content.join('\n') + '\n';
        }
        touched.add(path);
      } else if (roll < 0.9) {
        const from = this.pick(existing);
        const to = this.newPath();
        moves.push([from, to]);
        const content = this.files.get(from)!;
        this.files.delete(from);
        this.files.set(to, content);
        if (content.length > 3 && this.random() < 0.5) {
          content.push(...this.lines(1));
          changes[to] = content.join('\n') + '\n';
        }
        touched.add(from);
        touched.add(to);
      } else {
        const path = this.pick(existing);
        this.files.delete(path);
        changes[path] = null;
        touched.add(path);
      }
    }
    this.repo.commit({
      message: this.message(),
      time: this.time,
      author: this.pick(AUTHORS),
      files: changes,
      moves,
    });
  }

  private message(): string {
    const fix = this.random() < 0.25 ? 'fix: ' : '';
    const ticket =
      this.random() < 0.4 ? ` ${this.pick(['APP', 'ENG', 'OPS'])}-${1 + Math.floor(this.random() * 6)}` : '';
    let message = `${fix}change ${this.counter++}${ticket}\n`;
    if (this.options.coAuthors && this.random() < 0.2) {
      const co = this.pick(AUTHORS);
      message += `\nCo-authored-by: ${co.name} <${co.email}>\n`;
    }
    return message;
  }

  private sideBranch(): void {
    const branch = `side${this.counter++}`;
    this.repo.git(['checkout', '-q', '-b', branch]);
    const before = new Map([...this.files].map(([p, c]) => [p, [...c]]));
    // Side commits only edit, so the merge never conflicts with main's renames.
    const path = this.pick([...this.files.keys()].filter((p) => this.files.get(p)!.length > 0));
    if (path === undefined) {
      this.repo.git(['checkout', '-q', '-']);
      return;
    }
    this.time += 600;
    const content = this.files.get(path)!;
    content.push(...this.lines(1));
    this.repo.commit({
      message: this.message(),
      time: this.time,
      author: this.pick(AUTHORS),
      files: { [path]: content.join('\n') + '\n' },
    });
    this.repo.git(['checkout', '-q', 'main']);
    // Main moves on with a new file (no conflict possible), then merges the side branch.
    const mainFiles = new Map(before);
    mainFiles.set(path, content);
    const added = this.newPath();
    const addedContent = this.lines(2);
    mainFiles.set(added, addedContent);
    this.time += 300;
    this.repo.commit({
      message: this.message(),
      time: this.time,
      author: this.pick(AUTHORS),
      files: { [added]: addedContent.join('\n') + '\n' },
    });
    this.time += 600;
    this.repo.merge(branch, this.time);
    this.files.clear();
    for (const [p, c] of mainFiles) this.files.set(p, c);
  }
}
