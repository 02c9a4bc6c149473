/** Upper bound on the comment text kept per file: enough for the matcher's vocabulary. */
export const MAX_COMMENT_CHARS = 4096;

const LICENCE = /\b(copyright|licen[cs]e|spdx-license-identifier)\b/i;

/**
 * Gathers comment and docstring text for the matcher. Comment markers and decoration are removed,
 * and a licence header is skipped: it is boilerplate that would crowd out the words that describe
 * the code.
 */
export class CommentCollector {
  private readonly parts: string[] = [];
  private length = 0;
  private seenAny = false;

  get full(): boolean {
    return this.length >= MAX_COMMENT_CHARS;
  }

  add(raw: string): void {
    const first = !this.seenAny;
    this.seenAny = true;
    if (this.full) return;
    if (first && LICENCE.test(raw)) return;
    const text = stripCommentMarkers(raw);
    if (text.length === 0) return;
    const room = MAX_COMMENT_CHARS - this.length;
    const piece = text.length > room ? text.slice(0, room) : text;
    this.parts.push(piece);
    this.length += piece.length + 1;
  }

  text(): string {
    return this.parts.join('\n');
  }
}

/** Removes `//`, `/* *\/`, `#`, `--` and `--[[ ]]`, docstring quotes and leading `*` decoration; collapses blank lines. */
export function stripCommentMarkers(raw: string): string {
  let body = raw.trim();
  body = body.replace(/^(\/\*+!?|\/\/+[!/]?|#+!?|=begin\b|"""|'''|r?"""|<!--|--\[=*\[|-{2,})/, '');
  body = body.replace(/(\*+\/|=end|"""|'''|-->|\]=*\])$/, '');
  const lines = body.split('\n').map((line) =>
    line
      .replace(/^\s*(\*+(?!\/)|\/\/+[!/]?|#+)/, '')
      // Markup in doc comments (`<summary>`, `<p>`, `</code>`) is not vocabulary.
      .replace(/<\/?[A-Za-z][\w-]*(\s[^<>]*)?\/?>/g, '')
      .trim(),
  );
  return lines.filter((line) => line.length > 0).join('\n');
}
