/**
 * A ticket description reduced to what matching reads: plain text (code kept in place, markup
 * gone) plus the code spans and blocks on their own, because text the author marked as code is an
 * explicit reference to names in the repository.
 */
export interface CleanText {
  text: string;
  code: string[];
}

/**
 * A link into a repository (`…/blob/<ref>/src/app.py#L10`, `…/-/blob/…`, `…/src/<ref>/…`) names a
 * file; any other URL is noise for matching ("https", "github", "com").
 */
export function linkToText(url: string): string {
  const match = /\/(?:-\/)?(?:blob|tree|src|raw)\/[^/\s]+\/([^?#\s]+)/.exec(url);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
