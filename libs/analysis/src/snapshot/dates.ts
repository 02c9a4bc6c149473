/** ISO-8601 in UTC, second precision: what every date in the snapshot looks like. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Whole calendar months from `from` to `to` (both Unix seconds), counted as people do: Jan 31 → Feb 28 is 0. */
export function wholeMonthsBetween(from: number, to: number): number {
  if (to <= from) return 0;
  const a = new Date(from * 1000);
  const b = new Date(to * 1000);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  const aRest = ((a.getUTCDate() * 24 + a.getUTCHours()) * 60 + a.getUTCMinutes()) * 60 + a.getUTCSeconds();
  const bRest = ((b.getUTCDate() * 24 + b.getUTCHours()) * 60 + b.getUTCMinutes()) * 60 + b.getUTCSeconds();
  if (bRest < aRest) months--;
  return Math.max(0, months);
}

/** Rounds a ratio for output so that the JSON is stable and readable. */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
