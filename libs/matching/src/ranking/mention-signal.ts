import { MatchIndex, ticketsOfKey } from '../index/match-index';
import { MEMBER_SEPARATOR, Mentions } from '../text/mentions';
import { resolveFile, resolveFrameFile } from './resolve-paths';
import { tokenize } from '../text/tokenizer';

/**
 * Resolves a ticket's exact mentions against the snapshot. A mention's strength is its
 * specificity: a file name or symbol that only one file has is near-certain; one shared by ten
 * files says little about which. Several mentions combine as a noisy-or, so the signal stays in
 * [0, 1] and no pile of weak mentions outweighs one precise one.
 */
export type MentionKind = 'file' | 'symbol' | 'stack-frame' | 'ticket-commits';

export interface MentionHit {
  kind: MentionKind;
  text: string;
  /** What this mention alone gives the file (its specificity, frame decay…), for splitting the signal. */
  strength: number;
}

export interface MentionSignal {
  value: number;
  hits: MentionHit[];
}

// A name shared by more files than this is too common to point anywhere.
const MAX_AMBIGUITY = 12;
// Later frames of a trace are further from the failure.
const FRAME_DECAY = 0.85;
const MEMBER_ONLY = 0.25;
// An identifier inside a call's parentheses is usually an argument type, rarely what changes.
const ARGUMENT_STRENGTH = 0.3;
/**
 * A name only the description writes: often the reporter's own code calling the entry point
 * (`requests.post`, `@Entity`), while the fix lands deeper. On 93 real GitHub issues matched at
 * their fix's parent (docs/matching.md), 0.5 against 1: MRR 0.773 → 0.791, 9 issues up, 6 down.
 */
const DESCRIBED_STRENGTH = 0.5;

interface ResolvedSymbol {
  strong: readonly number[];
  weak: readonly number[];
}

/**
 * Files a symbol refers to: files declaring it, and files named after it (one class per file).
 * When a file both declares it and is named after it, that file is its home and the other
 * declarers are `weak` (a shim or stub re-declaring every decorator, a mock, a same-named inner
 * class), as other declarers of `Owner.member` are.
 */
function resolveSymbolPart(index: MatchIndex, part: string): ResolvedSymbol {
  const key = part.toLowerCase();
  const declared = index.symbolDocs.get(key) ?? [];
  const named = index.stemDocs.get(key) ?? [];
  if (named.length === 0) return { strong: declared, weak: [] };
  if (declared.length === 0) return { strong: named, weak: [] };
  const home = new Set(named);
  const all = [...new Set([...named, ...declared])];
  // A name this common points nowhere, home or not (`run`, `get`).
  if (all.length > MAX_AMBIGUITY || !declared.some((d) => home.has(d))) return { strong: all, weak: [] };
  return { strong: named, weak: declared.filter((d) => !home.has(d)) };
}

/**
 * Files whose source text holds `name` as a whole identifier: a name the ticket writes as code
 * that no file declares (`mktemp()`, `currentKey`, `hide_input=`) is still used somewhere, and the
 * few files using it are where the change goes.
 */
function filesUsing(index: MatchIndex, name: string): readonly number[] {
  const terms = tokenize(name);
  const key = terms[terms.length - 1];
  const termId = key === undefined ? undefined : index.content.termId(key);
  if (termId === undefined || index.content.fields.length === 0) return [];
  const postings = index.content.fields[0];
  const start = postings.offsets[termId];
  const end = postings.offsets[termId + 1];
  return end - start > MAX_AMBIGUITY ? [] : Array.from(postings.docs.subarray(start, end));
}

/**
 * A lowercase dotted name of three or more parts (`unclean.leader.election.enable`,
 * `spring.datasource.url`) is a setting's key, not a class and its members.
 */
const SETTING_KEY = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}$/;
const OPTION_DASHES = /^--/;

/** Files whose source text holds every word of `name`: where a setting key is defined or read. */
function filesHoldingAll(index: MatchIndex, name: string): readonly number[] {
  const postings = index.content.fields[0];
  if (!postings) return [];
  let kept: Set<number> | undefined;
  for (const term of new Set(tokenize(name))) {
    const termId = index.content.termId(term);
    if (termId === undefined) return [];
    const docs = postings.docs.subarray(postings.offsets[termId], postings.offsets[termId + 1]);
    kept = new Set(kept ? Array.from(docs).filter((d) => kept!.has(d)) : docs);
    if (kept.size === 0) return [];
  }
  return kept ? [...kept] : [];
}

class Accumulator {
  readonly signals = new Map<number, MentionSignal>();

  /** `maxFiles`: a name shared by more files points nowhere; a ticket's own work may be wide. */
  add(
    docs: readonly number[],
    strength: number,
    hit: Omit<MentionHit, 'strength'>,
    maxFiles = MAX_AMBIGUITY,
  ): void {
    if (docs.length === 0 || docs.length > maxFiles) return;
    const p = strength / docs.length;
    for (const doc of docs) {
      const signal = this.signals.get(doc) ?? { value: 0, hits: [] };
      signal.value = 1 - (1 - signal.value) * (1 - p);
      const same = signal.hits.find((h) => h.kind === hit.kind && h.text === hit.text);
      if (same) same.strength = Math.max(same.strength, p);
      else signal.hits.push({ ...hit, strength: p });
      this.signals.set(doc, signal);
    }
  }
}

/**
 * A name's files share its strength as before, a home's weak declarers at a quarter of a share:
 * `Entity` declared in Entity.ts and two shims gives Entity.ts ⅓, each shim ¹⁄₁₂.
 */
function addResolved(
  acc: Accumulator,
  { strong, weak }: ResolvedSymbol,
  strength: number,
  hit: Omit<MentionHit, 'strength'>,
): void {
  const files = strong.length + weak.length;
  if (files === 0) return;
  acc.add(strong, (strength * strong.length) / files, hit);
  acc.add(weak, (strength * MEMBER_ONLY * weak.length) / files, hit);
}

/**
 * A dotted name (`StringUtils.join`, `flask.helpers.send_file`) is resolved part by part; files
 * matched by several parts (the class *and* its method) gain from each, so the qualified name
 * singles out the declaring file.
 */
function addSymbol(
  index: MatchIndex,
  acc: Accumulator,
  symbol: string,
  strength: number,
  kind: MentionKind,
  usedStrength = 0,
): void {
  const hit = { kind, text: symbol };
  if (SETTING_KEY.test(symbol)) {
    // Resolved part by part, `leader` and `enable` would point at any class with those names. A key
    // no few files hold whole (or a module path such as `werkzeug.utils.secure_filename`, which
    // looks the same) falls through to the parts.
    const holders = filesHoldingAll(index, symbol);
    if (holders.length > 0 && holders.length <= MAX_AMBIGUITY) {
      acc.add(holders, strength, hit);
      return;
    }
  }
  // An option (`--forbid-only`) is resolved by its name, without the dashes it is quoted with.
  const parts = symbol
    .replace(OPTION_DASHES, '')
    .split(MEMBER_SEPARATOR)
    .filter((p) => p.length > 1);
  const owners = new Set<number>();
  for (const part of parts.slice(0, -1)) {
    const resolved = resolveSymbolPart(index, part);
    addResolved(acc, resolved, strength, hit);
    if (resolved.strong.length <= MAX_AMBIGUITY) for (const d of resolved.strong) owners.add(d);
  }
  const member = parts[parts.length - 1];
  if (member === undefined) return;
  const resolved = resolveSymbolPart(index, member);
  if (resolved.strong.length === 0 && usedStrength > 0) {
    // A module's constant is declared where it is assigned; the other files only use it.
    const assigned = index.assignedDocs.get(member.toLowerCase()) ?? [];
    const assigners = assigned.length <= MAX_AMBIGUITY ? assigned : [];
    acc.add(assigners, strength, hit);
    const users = filesUsing(index, member).filter((d) => !assigners.includes(d));
    acc.add(users, strength * usedStrength, hit);
    return;
  }
  // A lower-case qualifier whose files do not declare the member may be a module, package or
  // variable (`attrs.evolve`, `cobra.Command`) as well as an instance of the member's owner
  // (`route.all`, whose methods are made at run time): its files keep their credit, and the
  // member's declarers get theirs in full. A type (`Request.hooks`) is the owner, whose members
  // its parser may not list (`self.hooks`).
  const declarers = [...resolved.strong, ...resolved.weak];
  const qualifier = parts[parts.length - 2];
  const moduleLike =
    qualifier !== undefined && /^[a-z]/.test(qualifier) && !declarers.some((d) => owners.has(d));
  if (owners.size === 0 || moduleLike) {
    addResolved(acc, resolved, strength, hit);
    return;
  }
  // `Range.readObject`: the owner's file gets the full weight; other files that merely declare a
  // `readObject` are weak matches.
  acc.add(
    declarers.filter((d) => owners.has(d)),
    strength,
    hit,
  );
  acc.add(
    declarers.filter((d) => !owners.has(d)),
    strength * MEMBER_ONLY,
    hit,
  );
}

/**
 * The files earlier commits naming the ticket's own key changed: once work on a ticket has begun
 * (a reopened bug, a re-check after a push), where it went is known, as near-certain as a name.
 */
function addOwnWork(index: MatchIndex, acc: Accumulator, ownKey: string): void {
  const docs = new Set(ticketsOfKey(index, ownKey).flatMap((t) => Array.from(index.ticketDocs[t])));
  acc.add([...docs], 1, { kind: 'ticket-commits', text: ownKey.toUpperCase() }, Infinity);
}

export function mentionSignals(
  index: MatchIndex,
  mentions: Mentions,
  usedStrength = 0,
  ownKey?: string,
): Map<number, MentionSignal> {
  const acc = new Accumulator();
  if (ownKey) addOwnWork(index, acc, ownKey);
  const frameFiles = new Set<string>();
  let resolvedFrames = 0;
  for (const frame of mentions.frames) {
    if (frame.file) {
      // A frame of a file not in this repository is other code (the runtime, a framework, another
      // package): it says nothing about where the change goes, not even through its function name.
      frameFiles.add(frame.file);
      const docs = resolveFrameFile(index, frame.file);
      if (docs.length === 0) continue;
      const text = `${frame.file}${frame.line ? `:${frame.line}` : ''}`;
      acc.add(docs, Math.pow(FRAME_DECAY, resolvedFrames++), { kind: 'stack-frame', text });
    } else if (frame.symbol) {
      addSymbol(index, acc, frame.symbol, Math.pow(FRAME_DECAY, resolvedFrames) * 0.5, 'stack-frame');
    }
  }
  const described = new Set(mentions.describedOnly);
  const strengthOf = (name: string) => (described.has(name) ? DESCRIBED_STRENGTH : 1);
  for (const file of mentions.files) {
    if (!frameFiles.has(file))
      acc.add(resolveFile(index, file), strengthOf(file), { kind: 'file', text: file });
  }
  for (const symbol of mentions.symbols) {
    addSymbol(index, acc, symbol, strengthOf(symbol), 'symbol', usedStrength);
  }
  for (const symbol of mentions.arguments) {
    addSymbol(index, acc, symbol, ARGUMENT_STRENGTH * strengthOf(symbol), 'symbol');
  }
  return acc.signals;
}
