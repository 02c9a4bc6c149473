/** A piece of a note sentence: a name quoted in backticks (`Cart.add`), or the words around it. */
export interface SentencePart {
  text: string;
  code: boolean;
}

const CODE_SPAN = /`([^`\n]+)`/g;

/**
 * Splits a sentence at its backtick-quoted names ("The ticket names `Cart.add`", from the
 * matcher's reasons), so each renderer can show them as code instead of literal backticks.
 */
export function sentenceParts(sentence: string): SentencePart[] {
  const parts: SentencePart[] = [];
  let at = 0;
  for (const match of sentence.matchAll(CODE_SPAN)) {
    if (match.index > at) parts.push({ text: sentence.slice(at, match.index), code: false });
    parts.push({ text: match[1], code: true });
    at = match.index + match[0].length;
  }
  if (at < sentence.length) parts.push({ text: sentence.slice(at), code: false });
  return parts;
}
