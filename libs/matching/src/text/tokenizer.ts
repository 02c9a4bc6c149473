import { isStopWord } from './stop-words';
import { stem } from './stemmer';

/**
 * Text → index terms, the same way for ticket text and for every indexed field, so that a ticket
 * saying "save uploaded file" meets `SaveUploadedFile`, `save_uploaded_file` and
 * `save-uploaded-file`. Identifiers are split on case changes, `_`, `-`, `$` and digits, and are
 * also kept whole (joined, lowercase) so an exact identifier match scores above a loose one.
 * Scripts written without spaces (Han, Kana, Hangul, Thai) become overlapping character bigrams,
 * the usual index unit for them. Nothing here throws on any input.
 */

// A raw token: word characters, optionally joined by hyphens (kebab-case file names).
const RAW_TOKEN = /[\p{L}\p{M}\p{N}_$]+(?:-[\p{L}\p{M}\p{N}_$]+)*/gu;
// Parts of one identifier: "HTTPResponse2Code" → HTTP, Response, 2, Code. A plural acronym stays
// one part ("fetchIDsForURLs" → fetch, IDs, For, URLs), not "ID" and "Ds".
const PART =
  /\p{Lu}{2,}s(?![\p{Ll}\p{M}])|\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+|\p{N}+|[\p{L}\p{M}]+/gu;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]+/gu;
const HAS_UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u;
const NON_ASCII = /[\u0080-\uffff]/;
const SEPARATORS = /[_$-]+/g;
const HEX_LIKE = /^(?=.*\d)[0-9a-f]{8,}$/;
const DIGITS_ONLY = /^\p{N}+$/u;

/** Longer tokens are hashes, encoded blobs or minified code, never words a ticket would use. */
export const MAX_TOKEN_LENGTH = 64;

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

function keepPart(part: string): boolean {
  return part.length > 1 && !DIGITS_ONLY.test(part) && !isStopWord(part);
}

/** Receives each term with the lowercase word it came from (for explanations). */
type Sink = (term: string, surface: string) => void;

function pushBigrams(run: string, sink: Sink): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    sink(chars[0], chars[0]);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) sink(chars[i] + chars[i + 1], chars[i] + chars[i + 1]);
}

function pushIdentifier(raw: string, sink: Sink): void {
  if (raw.length > MAX_TOKEN_LENGTH) return;
  const parts = raw.match(PART) ?? [];
  let kept = 0;
  let lastStem = '';
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (!keepPart(lower)) continue;
    lastStem = cachedStem(lower);
    sink(lastStem, lower);
    kept++;
  }
  if (parts.length < 2) return;
  const whole = raw.replace(SEPARATORS, '').toLowerCase();
  if (whole.length < 2 || DIGITS_ONLY.test(whole) || HEX_LIKE.test(whole)) return;
  const wholeStem = cachedStem(whole);
  // The whole identifier only adds evidence when it differs from its single kept part.
  if (kept === 1 && lastStem === wholeStem) return;
  sink(wholeStem, raw);
}

function pushToken(raw: string, sink: Sink): void {
  if (HAS_UNSPACED.test(raw)) {
    let last = 0;
    for (const m of raw.matchAll(UNSPACED_SCRIPT)) {
      const index = m.index ?? 0;
      if (index > last) pushIdentifier(raw.slice(last, index), sink);
      pushBigrams(m[0], sink);
      last = index + m[0].length;
    }
    if (last < raw.length) pushIdentifier(raw.slice(last), sink);
    return;
  }
  if (HEX_LIKE.test(raw.toLowerCase())) return;
  pushIdentifier(raw, sink);
}

function scan(text: string, sink: Sink): void {
  if (!text) return;
  const normalized = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  for (const m of normalized.matchAll(RAW_TOKEN)) pushToken(m[0], sink);
}

/** Index terms of `text` in order of appearance, repeated as often as they occur. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scan(text, (term) => out.push(term));
  return out;
}

export interface SurfacedTerm {
  term: string;
  /** The word as written (parts lowercase, whole identifiers as typed). */
  surface: string;
}

/** Like `tokenize`, keeping the written form of each term so reasons can quote the ticket. */
export function tokenizeWithSurface(text: string): SurfacedTerm[] {
  const out: SurfacedTerm[] = [];
  scan(text, (term, surface) => out.push({ term, surface }));
  return out;
}

/** Lowercase parts of one identifier, unstemmed, stop words kept: for display and mentions. */
export function splitIdentifier(identifier: string): string[] {
  const out: string[] = [];
  for (const piece of identifier.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    for (const part of piece.match(PART) ?? []) out.push(part.toLowerCase());
  }
  return out;
}
