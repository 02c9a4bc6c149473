import { decodeBytes } from '../git/git-process';
import { CommitRecord, detach, InternTable, rawIdentity } from './commit-record';
import { MessageFacts } from './message-facts';

/** `git log` format: fields split by US (0x1f), the record closed by RS (0x1e); with -z every numstat entry ends in NUL. */
export const LOG_FORMAT = '--format=%H%x1f%ct%x1f%an%x1f%ae%x1f%B%x1e';

const NUL = 0;
const TAB = 9;
const NEWLINE = 10;
const DASH = 45;

interface PendingCommit {
  record: CommitRecord;
  changes: number[];
}

/**
 * Incremental parser of `git log -z --numstat` output in LOG_FORMAT. Chunks may split tokens
 * anywhere; only the unfinished token is carried over, so memory is one commit at most.
 */
export class LogParser {
  private carry: Buffer | undefined;
  private current: PendingCommit | undefined;
  /** 0: expecting an entry or a header; 1 and 2: expecting the old and new path of a rename. */
  private renameStage = 0;
  private renameAdded = 0;
  private renameDeleted = 0;
  private renameFrom = -1;

  constructor(
    private readonly paths: InternTable,
    private readonly identities: InternTable,
    private readonly messages: MessageFacts,
    private readonly onCommit: (record: CommitRecord) => void,
  ) {}

  push(chunk: Buffer): void {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let nul = data.indexOf(NUL, start); nul !== -1; nul = data.indexOf(NUL, start)) {
      this.token(data.subarray(start, nul));
      start = nul + 1;
    }
    this.carry = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
  }

  end(): void {
    if (this.carry && this.carry.length > 0 && !(this.carry.length === 1 && this.carry[0] === NEWLINE)) {
      this.token(this.carry);
    }
    this.carry = undefined;
    this.flush();
  }

  private token(raw: Buffer): void {
    if (this.renameStage === 1) {
      this.renameFrom = this.paths.intern(decodeBytes(raw));
      this.renameStage = 2;
      return;
    }
    if (this.renameStage === 2) {
      this.addChange(
        this.paths.intern(decodeBytes(raw)),
        this.renameAdded,
        this.renameDeleted,
        this.renameFrom,
      );
      this.renameStage = 0;
      return;
    }
    // Only the first entry after a header carries the newline that ends the header.
    const token = raw.length > 0 && raw[0] === NEWLINE ? raw.subarray(1) : raw;
    if (this.current && this.isNumstat(token)) return;
    if (token.length === 0) return;
    this.header(token);
  }

  /** Parses `added TAB deleted TAB path`; an empty path announces a rename whose two paths follow. */
  private isNumstat(token: Buffer): boolean {
    let i = 0;
    const added = this.number(token, i);
    if (added === undefined) return false;
    i = added.next;
    const deleted = this.number(token, i);
    if (deleted === undefined) return false;
    i = deleted.next;
    if (i === token.length) {
      this.renameStage = 1;
      this.renameAdded = deleted.value === -1 ? 0 : added.value;
      this.renameDeleted = added.value === -1 ? 0 : deleted.value;
      return true;
    }
    const binary = added.value === -1 || deleted.value === -1;
    this.addChange(
      this.paths.intern(decodeBytes(token.subarray(i))),
      binary ? 0 : added.value,
      binary ? 0 : deleted.value,
      -1,
    );
    return true;
  }

  /** A decimal count or `-` (binary), followed by a tab; value -1 stands for `-`. */
  private number(token: Buffer, from: number): { value: number; next: number } | undefined {
    if (from < token.length && token[from] === DASH) {
      return token[from + 1] === TAB ? { value: -1, next: from + 2 } : undefined;
    }
    let value = 0;
    let i = from;
    while (i < token.length && token[i] >= 48 && token[i] <= 57) value = value * 10 + token[i++] - 48;
    if (i === from || i >= token.length || token[i] !== TAB) return undefined;
    return { value, next: i + 1 };
  }

  private addChange(path: number, added: number, deleted: number, from: number): void {
    if (!this.current) throw new Error('git log output: a file entry came before any commit header');
    this.current.changes.push(path, added, deleted, from);
  }

  private header(token: Buffer): void {
    this.flush();
    const text = token.toString('utf8');
    const fields = text.split('\x1f');
    if (fields.length < 5 || !/^[0-9a-f]{40,64}$/.test(fields[0])) {
      throw new Error(`git log output: unexpected record "${text.slice(0, 80)}"`);
    }
    const [hash, time, name, email] = fields;
    let message = fields.slice(4).join('\x1f');
    const rs = message.lastIndexOf('\x1e');
    if (rs !== -1) message = message.slice(0, rs);
    const subject = detach(subjectOf(message));
    const coAuthors = this.messages
      .coAuthors(message)
      .map((c) => this.identities.intern(rawIdentity(c.name, c.email)));
    const tickets = this.messages.ticketKeys(message);
    this.current = {
      record: {
        hash: detach(hash),
        time: Number(time),
        author: this.identities.intern(rawIdentity(name, email)),
        coAuthors: coAuthors.length > 0 ? coAuthors : NO_IDS,
        fix: this.messages.isFix(subject),
        tickets: tickets.length > 0 ? tickets.map(detach) : NO_KEYS,
        subject,
        changes: new Int32Array(0),
      },
      changes: [],
    };
  }

  private flush(): void {
    if (!this.current) return;
    if (this.renameStage !== 0) throw new Error('git log output: a rename entry was cut short');
    this.current.record.changes = Int32Array.from(this.current.changes);
    this.onCommit(this.current.record);
    this.current = undefined;
  }
}

/** Most commits have no co-author and no ticket: they share these (never mutated) empty lists. */
const NO_IDS: number[] = [];
const NO_KEYS: string[] = [];

/** The subject as `%s` gives it: the first paragraph with its line breaks folded into spaces. */
export function subjectOf(message: string): string {
  const trimmed = message.replace(/^\s+/, '');
  const end = trimmed.search(/\n[ \t]*\n/);
  const paragraph = end === -1 ? trimmed : trimmed.slice(0, end);
  return paragraph.replace(/\s*\n\s*/g, ' ').trim();
}
