import { adfToText, isAdfDocument } from '../text/adf-to-text';
import { CleanText } from '../text/clean-text';
import { markdownToText } from '../text/markdown-to-text';
import { extractTicketMentions, Mentions } from '../text/mentions';
import { withoutStackTraces } from '../text/stack-traces';
import { tokenizeWithSurface } from '../text/tokenizer';

/**
 * A ticket as trackers hand it over. `description` is an ADF document (Jira Cloud), Markdown
 * (Linear) or plain text; anything else is ignored rather than rejected, because a webhook must
 * never fail on a description it cannot read.
 */
export interface TicketInput {
  key?: string;
  title?: string;
  description?: unknown;
  /** Jira components. */
  components?: readonly string[];
  /** Jira labels or Linear labels. */
  labels?: readonly string[];
  /** Jira issue type or Linear's equivalent label ("Bug", "Story"). */
  issueType?: string;
}

export interface InputLimits {
  maxTitleChars: number;
  maxDescriptionChars: number;
  /** Distinct query terms kept (title first, then the description's most repeated). */
  maxQueryTerms: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxTitleChars: 1_000,
  maxDescriptionChars: 20_000,
  maxQueryTerms: 256,
};

/**
 * A description term counts this much relative to a title term: titles are written to summarise,
 * descriptions ramble. On 101 real GitHub issues matched at their fix's parent (docs/matching.md,
 * "Descriptions"), 0.15 gave MRR 0.696 against 0.679 at 0.4, and 0.619 against 0.596 on 41 others
 * with stack traces.
 */
const DESCRIPTION_TERM_WEIGHT = 0.15;
const MAX_TERM_WEIGHT = 3;
// Raw input beyond this is cut before conversion, so the converters never see megabytes.
const RAW_DESCRIPTION_LIMIT = 400_000;

export interface QueryTerm {
  term: string;
  weight: number;
  /** How the ticket wrote it, for explanations. */
  surface: string;
  inTitle: boolean;
}

export interface PreparedTicket {
  key?: string;
  title: string;
  /** The description's clean text without its stack traces, whose evidence is `mentions.frames`. */
  description: string;
  code: string[];
  terms: QueryTerm[];
  mentions: Mentions;
  bugLike: boolean;
  components: string[];
  labels: string[];
  /** True when the title or description was cut to the limits. */
  truncated: boolean;
}

const BUG_TYPE = /\b(bug|defect|incident|fault|problem|regression)\b/i;
const BUG_WORDS =
  /\b(fix(es|ed)?|bug|crash(es|ed)?|error|exception|fail(s|ed|ure)?|broken|regression|wrong|incorrect|panic|traceback|npe|null ?pointer|hotfix|revert)\b/i;

function describe(description: unknown): CleanText {
  if (typeof description === 'string') return markdownToText(description.slice(0, RAW_DESCRIPTION_LIMIT));
  if (isAdfDocument(description)) return adfToText(description);
  return { text: '', code: [] };
}

function cleanStrings(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
    .map((v) => v.trim());
}

function collectTerms(title: string, description: string, limit: number): QueryTerm[] {
  const byTerm = new Map<string, QueryTerm>();
  const add = (text: string, weight: number, inTitle: boolean): void => {
    for (const { term, surface } of tokenizeWithSurface(text)) {
      const existing = byTerm.get(term);
      if (existing) {
        existing.weight = Math.min(MAX_TERM_WEIGHT, existing.weight + weight);
      } else {
        byTerm.set(term, { term, weight, surface, inTitle });
      }
    }
  };
  add(title, 1, true);
  add(description, DESCRIPTION_TERM_WEIGHT, false);
  const terms = [...byTerm.values()];
  if (terms.length <= limit) return terms;
  return terms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Number(b.t.inTitle) - Number(a.t.inTitle) || b.t.weight - a.t.weight || a.i - b.i)
    .slice(0, limit)
    .map(({ t }) => t);
}

export function prepareTicket(
  input: TicketInput,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): PreparedTicket {
  const rawTitle = typeof input.title === 'string' ? input.title.replace(/\s+/g, ' ').trim() : '';
  const title = rawTitle.slice(0, limits.maxTitleChars);
  const described = describe(input.description);
  const description = described.text.slice(0, limits.maxDescriptionChars);
  const truncated = title.length < rawTitle.length || description.length < described.text.length;
  const titleClean = markdownToText(title);
  const mentions = extractTicketMentions(titleClean, { text: description, code: described.code });
  const prose = withoutStackTraces(description);
  const labels = cleanStrings(input.labels);
  const components = cleanStrings(input.components);
  const bugLike =
    (input.issueType !== undefined && BUG_TYPE.test(input.issueType)) ||
    labels.some((l) => BUG_TYPE.test(l)) ||
    BUG_WORDS.test(title) ||
    mentions.frames.length > 0;
  return {
    key: input.key,
    title: titleClean.text,
    description: prose,
    code: described.code,
    terms: collectTerms(titleClean.text, prose, limits.maxQueryTerms),
    mentions,
    bugLike,
    components,
    labels,
    truncated,
  };
}

/**
 * The ticket with `words` read as more of its description: the function and file names of its
 * stack frames that are this repository's code, which only the index can tell from other code's.
 */
export function withDescriptionWords(ticket: PreparedTicket, words: string, limit: number): PreparedTicket {
  if (!words) return ticket;
  const description = `${ticket.description}\n${words}`;
  return { ...ticket, description, terms: collectTerms(ticket.title, description, limit) };
}
