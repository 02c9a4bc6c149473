/**
 * The strongest pairs, at most two from each family of files that change together while other
 * families have pairs to show: eight `…ArrayValueExtractor`s that always change as one would
 * otherwise fill the table with one fact. A family is what the pairs seen so far (listed or not,
 * strongest first) connect. Rows left free when every family is shown go to the strongest of the
 * pairs held back, so a small repository whose files form one family still fills its table.
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
  const chosen: number[] = [];
  const heldBack: number[] = [];
  pairs.forEach((pair, i) => {
    if (chosen.length === top) return;
    const [a, b] = [family(pair.a), family(pair.b)];
    const listed = (rows.get(a) ?? 0) + (a === b ? 0 : (rows.get(b) ?? 0));
    if (a !== b) parent.set(b, a);
    if (listed >= 2) {
      heldBack.push(i);
      rows.set(a, listed);
      return;
    }
    chosen.push(i);
    rows.set(a, listed + 1);
  });
  const refill = heldBack.slice(0, top - chosen.length);
  const couplings = [...chosen, ...refill].sort((x, y) => x - y).map((i) => pairs[i]);
  return { couplings, repeated: heldBack.length - refill.length };
}
