import { nameKey } from '../text/name-key';
import { splitIdentifier } from '../text/tokenizer';

/**
 * Shorter names files go by: the name without the leading or trailing words that many file names
 * of the repository share. A module prefix (`rebar_prv_escriptize` → escriptize, Erlang's
 * convention) or a kind suffix (`AssignableToConstraint` → assignable to, `PostgresDriver` →
 * postgres) is what the names have in common, not what tells them apart, and tickets leave it out:
 * "escriptize fails on …", "assignableto should accept value types".
 */

/** A word sequence that starts or ends at least this many file names is a family's. */
export const FAMILY_MIN_FILES = 5;

const MIN_KEY_LENGTH = 3;

function familiesOf(parts: readonly string[]): { family: string; rest: readonly string[] }[] {
  const out: { family: string; rest: readonly string[] }[] = [];
  for (let n = 1; n < parts.length; n++) {
    out.push({ family: `^${parts.slice(0, n).join(' ')}`, rest: parts.slice(n) });
    out.push({
      family: `${parts.slice(parts.length - n).join(' ')}$`,
      rest: parts.slice(0, parts.length - n),
    });
  }
  return out;
}

/** `nameKey` of each shorter name → the files (by position in `names`) that go by it. */
export function familyNameDocs(names: readonly string[]): Map<string, number[]> {
  const split = names.map((name) => familiesOf(splitIdentifier(name)));
  const members = new Map<string, number>();
  for (const families of split) {
    for (const { family } of families) members.set(family, (members.get(family) ?? 0) + 1);
  }
  const docs = new Map<string, number[]>();
  split.forEach((families, doc) => {
    const keys = new Set<string>();
    for (const { family, rest } of families) {
      if ((members.get(family) ?? 0) < FAMILY_MIN_FILES) continue;
      const key = nameKey(rest.join(''));
      if (key.length >= MIN_KEY_LENGTH) keys.add(key);
    }
    for (const key of keys) {
      const files = docs.get(key);
      if (files) files.push(doc);
      else docs.set(key, [doc]);
    }
  });
  return docs;
}
