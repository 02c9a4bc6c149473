import { isIgnoredTicketPrefix } from '../analysis-options';
import { AnalysisInputError } from '../analysis-error';

export interface MessageFactsOptions {
  fixPattern: string;
  ticketPatterns: readonly string[];
  ticketIgnoredPrefixes: readonly string[];
}

export interface CoAuthor {
  name: string;
  email: string;
}

const HTML_COMMENT = /<!--[\s\S]*?-->/g;

// A trailer naming a person ("Signed-off-by: SAY-5 <SAY-5@users.noreply.github.com>"): a user
// name there is not a ticket key.
const PERSON_TRAILER = /^[ \t]*[A-Za-z][A-Za-z-]*:[^\n]*<[^>\n]*@[^>\n]*>[ \t]*$/gm;

// Quoted material — an e-mail reply's or a blockquote's `>` lines, a fenced code block — holds what
// someone else wrote: logs, exceptions, host names. StackExchange.Redis quotes a timeout message
// with "clientName: NAMISTOU-3(…)", which is no ticket.
const QUOTED_LINE = /^[ \t]*>[^\n]*$/gm;
const FENCED_BLOCK = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm;

/** Bump when what `ticketKeys` or `isFix` reads changes: cached history records are then read again. */
export const MESSAGE_RULES_VERSION = 2;

const CO_AUTHOR_LINE = /^[ \t]*co-authored-by:[ \t]*(.*?)[ \t]*<([^>\n]*)>[ \t]*$/gim;

function compile(source: string, flags: string, what: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new AnalysisInputError(
      'invalid-option',
      `invalid ${what} pattern /${source}/: ${(error as Error).message}`,
    );
  }
}

/** What a commit message says: is it a fix, which tickets it names, who co-authored it. */
export class MessageFacts {
  private readonly fix: RegExp;
  private readonly tickets: RegExp[];
  private readonly ignored: Set<string>;

  constructor(options: MessageFactsOptions) {
    this.fix = compile(options.fixPattern, 'i', 'fix');
    this.tickets = options.ticketPatterns.map((source) => compile(source, 'g', 'ticket'));
    this.ignored = new Set(options.ticketIgnoredPrefixes.map((prefix) => prefix.toUpperCase()));
  }

  /** Fixes are recognised by the subject line only: bodies mention "fix" in passing too often. */
  isFix(subject: string): boolean {
    return this.fix.test(subject);
  }

  /** Ticket keys in order of first mention, de-duplicated. A pattern's first group is the key when it has one. */
  ticketKeys(message: string): string[] {
    // A PR template's HTML comments ("<!-- resolves: LIN-1234 -->") are invisible placeholders that
    // squash merges copy into every message: sentry-python has 45 commits "resolving" LIN-1234.
    if (message.includes('<!--')) message = message.replace(HTML_COMMENT, ' ');
    if (message.includes('@')) message = message.replace(PERSON_TRAILER, ' ');
    if (message.includes('>')) message = message.replace(QUOTED_LINE, ' ');
    if (message.includes('```') || message.includes('~~~')) message = message.replace(FENCED_BLOCK, ' ');
    const keys: string[] = [];
    for (const pattern of this.tickets) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(message); match !== null; match = pattern.exec(message)) {
        if (match[0] === '') {
          pattern.lastIndex++;
          continue;
        }
        const key = match[1] ?? match[0];
        // `${COLUMNS-80}` is a shell variable with its default, not ticket COLUMNS-80.
        if (message.startsWith('${', message.indexOf(key, match.index) - 2)) continue;
        const dash = key.lastIndexOf('-');
        if (dash > 0 && isIgnoredTicketPrefix(key.slice(0, dash), this.ignored)) continue;
        if (!keys.includes(key)) keys.push(key);
      }
    }
    return keys;
  }

  coAuthors(message: string): CoAuthor[] {
    const found: CoAuthor[] = [];
    CO_AUTHOR_LINE.lastIndex = 0;
    for (let match = CO_AUTHOR_LINE.exec(message); match !== null; match = CO_AUTHOR_LINE.exec(message)) {
      found.push({ name: match[1], email: match[2] });
    }
    return found;
  }
}
