import { plural } from '@sightline/analysis';
import { IndexField } from '../index/corpus';
import { MatchReason, RankedResult } from './match-result';
import type { MentionKind } from './mention-signal';

/**
 * One plain sentence from a result's strongest reasons, for ticket notes and the CLI. Renderers
 * that want their own wording read `reasons` directly; this is the reference phrasing.
 */
const FIELD_PHRASES: Record<IndexField | 'content', readonly [string, string]> = {
  content: ['appears in its code', 'appear in its code'],
  name: ['matches the file name', 'match the file name'],
  directories: ['matches the folder names', 'match the folder names'],
  symbols: ['matches symbol names', 'match symbol names'],
  comments: ['appears in its comments', 'appear in its comments'],
  commits: ['appears in the commits that changed it', 'appear in the commits that changed it'],
  tickets: ['appears in past tickets that changed it', 'appear in past tickets that changed it'],
};

function quoted(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(', ');
}

export function describeReason(reason: MatchReason): string {
  switch (reason.kind) {
    case 'terms':
      return termsPhrase(reason.terms, [reason.field]);
    case 'mention':
      if (reason.mention === 'stack-frame') return framePhrase([reason.text]);
      if (reason.mention === 'ticket-commits') return `commits naming ${reason.text} already changed it`;
      return `the ticket names ${reason.mention === 'file' ? 'the file ' : ''}\`${reason.text}\``;
    case 'name':
      return namePhrase([reason.text], reason.target);
    case 'similar-tickets': {
      const keys = reason.tickets.flatMap((t) => (t.key ? [t.key] : []));
      const changes = reason.tickets.length - keys.length;
      const parts = [
        keys.length > 0 ? `${plural(keys.length, 'past ticket', 'past tickets')} (${keys.join(', ')})` : '',
        changes > 0 ? plural(changes, 'past change', 'past changes') : '',
      ].filter((p) => p);
      return `${parts.join(' and ')} with similar text changed it`;
    }
    case 'prior':
      switch (reason.prior) {
        case 'change-frequency':
          return `it changed ${plural(reason.value, 'time', 'times')}`;
        case 'recency':
          // Days are rounded: a change in the snapshot's last hours is 0 days old.
          return reason.value === 0
            ? 'it changed less than a day ago'
            : `it changed ${plural(reason.value, 'day', 'days')} ago`;
        case 'size':
          return `it is large (${reason.value} lines)`;
        case 'bug-fix-history':
          return `${plural(reason.value, 'past bug fix', 'past bug fixes')} touched it`;
      }
      return '';
    case 'path-rule':
      return `${reason.source} "${reason.value}" maps to ${reason.glob}`;
    case 'feedback':
      return `marked ${reason.verdict} for ${reason.tickets.join(', ')}`;
    case 'files':
      return `best files: ${reason.files.map((f) => f.path).join(', ')}`;
  }
}

// Direct references at least this share of the strongest reason's lead the sentence.
const LEADING_MENTION = 0.5;

/** References that point at this very file; a quoted name (`take`) may be declared in many. */
const NAMES_THE_FILE: ReadonlySet<MentionKind> = new Set(['file', 'stack-frame']);

/** The names a file or symbol of this result carries (its `name` reasons), lowercase, by target. */
type DeclaredNames = ReadonlyMap<string, 'file' | 'symbol'>;

function declaredNames(reasons: readonly MatchReason[]): DeclaredNames {
  return new Map(
    reasons.flatMap((r) => (r.kind === 'name' ? [[r.text.toLowerCase(), r.target] as const] : [])),
  );
}

/**
 * A reference the ticket makes itself (a file, a name written as code, a stack frame, its own
 * earlier commits) is the evidence a reader can check at a glance. Its references are one signal,
 * split among them (a frame, the function it names, a constant the text quotes): together nearly
 * as strong as the strongest reason, one of them goes first — one naming the file itself if there
 * is one, else a name the file declares (`AxiosRequestConfig` in `index.d.ts`, rather than the
 * `TypeScript` its comments use), else the strongest.
 */
function readingOrder(reasons: readonly MatchReason[], declared: DeclaredNames): MatchReason[] {
  const ordered = reasons.filter((r) => r.kind !== 'files');
  const mentions = ordered.filter((r) => r.kind === 'mention');
  const together = mentions.reduce((sum, r) => sum + r.share, 0);
  const mention =
    mentions.find((r) => NAMES_THE_FILE.has(r.mention)) ??
    mentions.find((r) => declared.has(r.text.toLowerCase())) ??
    mentions[0];
  if (!mention || mention === ordered[0] || together < LEADING_MENTION * ordered[0].share) return ordered;
  return [mention, ...ordered.filter((r) => r !== mention)];
}

/** Words naming the same target are one reason to a reader: "the words "A" and "B" name this file". */
interface NameGroup {
  kind: 'names';
  target: 'file' | 'symbol';
  texts: string[];
}

/** Frames in the same file are one reason too: "stack-trace frames point at json.go:56 and json.go:39". */
interface FrameGroup {
  kind: 'frames';
  texts: string[];
}

/** The same words found in several fields are one finding: "… appear in its code and in the commits that changed it". */
interface TermsGroup {
  kind: 'terms-in-fields';
  terms: string[];
  fields: Array<IndexField | 'content'>;
}

type Phrase = MatchReason | NameGroup | FrameGroup | TermsGroup;

const sameTerms = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((t) => b.includes(t));

function groupPhrases(reasons: readonly MatchReason[]): Phrase[] {
  const out: Phrase[] = [];
  for (const reason of reasons) {
    if (reason.kind === 'terms') {
      const group = out.find(
        (r): r is TermsGroup => r.kind === 'terms-in-fields' && sameTerms(r.terms, reason.terms),
      );
      if (group) group.fields.push(reason.field);
      else out.push({ kind: 'terms-in-fields', terms: reason.terms, fields: [reason.field] });
    } else if (reason.kind === 'name') {
      const group = out.find((r): r is NameGroup => r.kind === 'names' && r.target === reason.target);
      if (group) group.texts.push(reason.text);
      else out.push({ kind: 'names', target: reason.target, texts: [reason.text] });
    } else if (reason.kind === 'mention' && reason.mention === 'stack-frame') {
      const group = out.find((r): r is FrameGroup => r.kind === 'frames');
      if (group) group.texts.push(reason.text);
      else out.push({ kind: 'frames', texts: [reason.text] });
    } else {
      out.push(reason);
    }
  }
  return out;
}

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Whether the run of words `inner` lies within the run `outer` ("2 stream" in "HTTP 2 stream"). */
function withinRun(outer: string, inner: string): boolean {
  return outer.length > inner.length && ` ${outer.toLowerCase()} `.includes(` ${inner.toLowerCase()} `);
}

/** The name signal tries every run of words, so "HTTP 2 stream" also hits as "2 stream" and "stream": quote the longest. */
function namePhrase(texts: readonly string[], target: 'file' | 'symbol'): string {
  const longest = texts.filter((t) => !texts.some((other) => withinRun(other, t)));
  const oneWord = longest.length === 1 && !/\s/.test(longest[0]);
  const [noun, verb] = oneWord ? ['word', 'names'] : ['words', 'name'];
  return `the ${noun} ${longest.map((t) => `"${t}"`).join(' and ')} ${verb} ${target === 'file' ? 'this file' : 'a symbol declared here'}`;
}

/**
 * The frame's path is as another machine wrote it (`/srv/venv/lib/…/flask/sessions.py`); the
 * result already says which file, so the file name and line are enough.
 */
function framePhrase(texts: readonly string[]): string {
  const places = texts.map((t) => t.slice(t.lastIndexOf('/') + 1));
  return places.length === 1
    ? `a stack-trace frame points at ${places[0]}`
    : `stack-trace frames point at ${listed(places)}`;
}

/**
 * Fields whose phrases share a verb are said with it once: "appear in its code and in the commits
 * that changed it, and match symbol names".
 */
function termsPhrase(terms: readonly string[], fields: ReadonlyArray<IndexField | 'content'>): string {
  const form = terms.length === 1 ? 0 : 1;
  const byVerb = new Map<string, string[]>();
  for (const phrase of fields.map((field) => FIELD_PHRASES[field][form])) {
    const verb = phrase.slice(0, phrase.indexOf(' '));
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), phrase.slice(verb.length + 1)]);
  }
  const where = [...byVerb].map(([verb, places]) => `${verb} ${listed(places)}`);
  return `${terms.length === 1 ? 'term' : 'terms'} ${quoted(terms)} ${where.join(', and ')}`;
}

/** "the ticket names `Cart`", and where the file carries that name: ", this file's name" / ", declared here". */
function describePhrase(phrase: Phrase, declared: DeclaredNames): string {
  if (phrase.kind === 'terms-in-fields') return termsPhrase(phrase.terms, phrase.fields);
  if (phrase.kind === 'names') return namePhrase(phrase.texts, phrase.target);
  if (phrase.kind === 'frames') return framePhrase(phrase.texts);
  const said = describeReason(phrase);
  if (phrase.kind !== 'mention' || phrase.mention !== 'symbol') return said;
  const target = declared.get(phrase.text.toLowerCase());
  return target ? `${said}, ${target === 'file' ? "this file's name" : 'declared here'}` : said;
}

/**
 * A word the ticket writes as code is read both as a name it mentions and as a file's or symbol's
 * name; a reader sees one reference, so "the word "SerializedName" names this file" after "The
 * ticket names `SerializedName`" is left out (the mention says "this file's name" instead) and
 * the next reason takes its place.
 */
function withoutRepeatedNames(reasons: readonly MatchReason[]): MatchReason[] {
  const mentioned = new Set(reasons.flatMap((r) => (r.kind === 'mention' ? [r.text.toLowerCase()] : [])));
  return reasons.filter((r) => r.kind !== 'name' || !mentioned.has(r.text.toLowerCase()));
}

/**
 * An area speaks with its best file's reasons ("name this file", "changed it"), so its sentence
 * says which file that is.
 */
export function describeResult(result: RankedResult, maxReasons = 2): string {
  const declared = declaredNames(result.reasons);
  const phrases = groupPhrases(readingOrder(withoutRepeatedNames(result.reasons), declared))
    .slice(0, maxReasons)
    .map((phrase) => describePhrase(phrase, declared))
    .filter((p) => p.length > 0);
  if (phrases.length === 0) return '';
  const bestFile = result.reasons.find((r) => r.kind === 'files')?.files[0]?.path;
  const sentence =
    (bestFile ? `best file ${bestFile.slice(bestFile.lastIndexOf('/') + 1)}: ` : '') + phrases.join('; ');
  return sentence[0].toUpperCase() + sentence.slice(1) + '.';
}
