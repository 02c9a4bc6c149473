/**
 * Code-line counting shared by every language: a line counts when it holds a character that is
 * neither whitespace nor inside a comment, which is how cloc separates code from blank and
 * comment-only lines. The parsers supply the comment ranges, so comment markers inside strings
 * never confuse the count.
 */

/** Half-open [start, end) character ranges, sorted by start and not overlapping. */
export interface TextRanges {
  starts: number[];
  ends: number[];
}

export function emptyRanges(): TextRanges {
  return { starts: [], ends: [] };
}

/** Appends a range, keeping the list sorted even if a parser reports one out of order. */
export function addRange(ranges: TextRanges, start: number, end: number): void {
  const n = ranges.starts.length;
  if (end <= start) return;
  if (n === 0 || start >= ranges.ends[n - 1]) {
    ranges.starts.push(start);
    ranges.ends.push(end);
    return;
  }
  if (start >= ranges.starts[n - 1] && end <= ranges.ends[n - 1]) return;
  const pairs = ranges.starts.map((s, i) => [s, ranges.ends[i]] as const);
  pairs.push([start, end]);
  pairs.sort((a, b) => a[0] - b[0]);
  ranges.starts.length = 0;
  ranges.ends.length = 0;
  for (const [s, e] of pairs) {
    const last = ranges.ends.length - 1;
    if (last >= 0 && s < ranges.ends[last]) {
      ranges.ends[last] = Math.max(ranges.ends[last], e);
    } else {
      ranges.starts.push(s);
      ranges.ends.push(e);
    }
  }
}

function isWhitespace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xfeff || code === 0xa0
  );
}

/** Number of lines holding code outside the given comment ranges. */
export function countCodeLines(text: string, comments: TextRanges): number {
  let count = 0;
  let lineHasCode = false;
  let next = 0;
  let commentStart = comments.starts.length > 0 ? comments.starts[0] : Infinity;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (i === commentStart) {
      const end = comments.ends[next];
      // Newlines inside the comment still end lines.
      for (; i < end && i < length; i++) {
        if (text.charCodeAt(i) === 10) {
          if (lineHasCode) count++;
          lineHasCode = false;
        }
      }
      i--;
      next++;
      commentStart = next < comments.starts.length ? comments.starts[next] : Infinity;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (lineHasCode) count++;
      lineHasCode = false;
    } else if (!lineHasCode && !isWhitespace(code)) {
      lineHasCode = true;
    }
  }
  if (lineHasCode) count++;
  return count;
}

/** 1-based line numbers for character offsets; line starts found with native `indexOf`. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    const starts = (this.starts ??= this.computeStarts());
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  private computeStarts(): number[] {
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
}
