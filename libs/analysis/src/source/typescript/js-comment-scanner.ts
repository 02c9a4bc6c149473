import { addRange, emptyRanges, type TextRanges } from '../line-counter';

/**
 * Finds `//` and `/* *\/` comments in JS/TS text. The parser has already located every string,
 * template, regular expression and JSX text (`literals`), so the scan only has to skip those: a
 * `//` inside `"http://…"` or a regex is never mistaken for a comment.
 */
export function scanJsComments(text: string, literals: TextRanges): TextRanges {
  const comments = emptyRanges();
  const length = text.length;
  let next = 0;
  let literalStart = literals.starts.length > 0 ? literals.starts[0] : Infinity;
  let i = 0;
  while (i < length) {
    if (i >= literalStart) {
      i = Math.max(i, literals.ends[next]);
      next++;
      literalStart = next < literals.starts.length ? literals.starts[next] : Infinity;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code !== 47) {
      i++;
      continue;
    }
    const following = text.charCodeAt(i + 1);
    if (following === 47) {
      let end = text.indexOf('\n', i + 2);
      if (end < 0) end = length;
      if (end > i && text.charCodeAt(end - 1) === 13) end--;
      addRange(comments, i, end);
      i = end;
    } else if (following === 42) {
      let end = text.indexOf('*/', i + 2);
      end = end < 0 ? length : end + 2;
      addRange(comments, i, end);
      i = end;
    } else {
      i++;
    }
  }
  return comments;
}
