const count = new Intl.NumberFormat('en-US');

/** A count as notes and reasons print it: with thousands separators (`12,418`). */
export function formatCount(n: number): string {
  return count.format(n);
}

/** A count with its noun: `1 author`, `1,385 authors`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
