/**
 * The strongest pairs, at most two from each family of files that change together: eight
 * `…ArrayValueExtractor`s that always change as one would otherwise fill the table with one fact.
 * A family is what the pairs seen so far (listed or not, strongest first) connect.
 */
export function strongestByFamily<T extends { a: string; b: string }>(
  pairs: readonly T[],
  top: number,
): { couplings: T[]; repeated: number } {
  const parent = new Map<string, string>();
  const family = (path: string): string => {
    let root = path;
    while (parent.has(root)) root = parent.get(root)!;
    if (root !== path) parent.set(path, root);
    return root;
  };
  const rows = new Map<string, number>();
  const couplings: T[] = [];
  let repeated = 0;
  for (const pair of pairs) {
    if (couplings.length === top) break;
    const [a, b] = [family(pair.a), family(pair.b)];
    const listed = (rows.get(a) ?? 0) + (a === b ? 0 : (rows.get(b) ?? 0));
    if (a !== b) parent.set(b, a);
    if (listed >= 2) {
      repeated++;
      rows.set(a, listed);
      continue;
    }
    couplings.push(pair);
    rows.set(a, listed + 1);
  }
  return { couplings, repeated };
}
