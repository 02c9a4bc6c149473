import { MatchIndex } from '../index/match-index';
import { nameKey } from '../text/name-key';
import { isStopWord } from '../text/stop-words';
import { PreparedTicket } from '../ticket/prepare-ticket';

/**
 * File and symbol names a ticket writes as ordinary words: "the response writer flushes twice"
 * names `response_writer.go`, "Failable methods" names `Failable.java`. Runs of up to four words
 * are joined and compared with the files' and symbols' name keys. Like an exact mention, a hit's
 * strength is its specificity (one file with that name: strong; ten: weak), scaled by how rare
 * the name is in the repository's text (in a web framework "context" names `context.go` but is
 * said about everything), and hits combine as a noisy-or. Single words only ever match file
 * names: one word equal to some method name is too common to mean anything. A file's name
 * without its family's words ("escriptize" for `rebar_prv_escriptize`) counts at half strength.
 */
export interface NameHit {
  text: string;
  target: 'file' | 'symbol';
}

export interface NameSignal {
  value: number;
  hits: NameHit[];
}

const MAX_WORDS = 2_000;
const MAX_GRAM = 4;
const MAX_AMBIGUITY = 12;
// A symbol named in words is weaker evidence than a file named in words.
const SYMBOL_STRENGTH = 0.5;
// So is a file named without its family's words (family-names.ts).
const FAMILY_STRENGTH = 0.5;
const WORD = /[\p{L}\p{N}_]+/gu;
const RARITY_EXPONENT = 1;

/** idf of the name's term relative to the rarest possible term, in (0, 1]. */
function rarity(index: MatchIndex, key: string): number {
  const termId = index.text.termId(key);
  if (termId === undefined) return 1;
  return Math.min(1, index.text.idf(termId) / Math.log(1 + index.text.documentCount));
}

function add(out: Map<number, NameSignal>, docs: readonly number[], strength: number, hit: NameHit): void {
  if (docs.length === 0 || docs.length > MAX_AMBIGUITY) return;
  const p = strength / docs.length;
  for (const doc of docs) {
    const signal = out.get(doc) ?? { value: 0, hits: [] };
    signal.value = 1 - (1 - signal.value) * (1 - p);
    if (!signal.hits.some((h) => h.text === hit.text)) signal.hits.push(hit);
    out.set(doc, signal);
  }
}

export function nameSignals(index: MatchIndex, ticket: PreparedTicket): Map<number, NameSignal> {
  const out = new Map<number, NameSignal>();
  const words = `${ticket.title}\n${ticket.description}`.match(WORD)?.slice(0, MAX_WORDS) ?? [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (isStopWord(words[i].toLowerCase())) continue;
    for (let n = 1; n <= MAX_GRAM && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      if (n > 1 && isStopWord(last.toLowerCase())) break;
      const gram = words.slice(i, i + n);
      const key = nameKey(gram.join(''));
      if (key.length < 3 || seen.has(key)) continue;
      seen.add(key);
      const text = gram.join(' ');
      const files = index.fileKeyDocs.get(key) ?? [];
      const family = index.familyKeyDocs.get(key) ?? [];
      const symbolic = n > 1 || /[\p{Lu}_]/u.test(gram[0].slice(1));
      const symbols = symbolic ? (index.symbolKeyDocs.get(key) ?? []) : [];
      if (files.length === 0 && symbols.length === 0 && family.length === 0) continue;
      const strength = Math.pow(rarity(index, key), RARITY_EXPONENT);
      add(out, files, strength, { text, target: 'file' });
      add(out, symbols, strength * SYMBOL_STRENGTH, { text, target: 'symbol' });
      add(out, family, strength * FAMILY_STRENGTH, { text, target: 'file' });
    }
  }
  return out;
}
