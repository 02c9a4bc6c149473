import { isRootAreaName } from './area-name';
import { sentenceParts } from './code-spans';
import { safeTicketUrl } from './grooming-digest-text';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every piece of tracker or repository text goes through here: nothing in it becomes markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** A sentence, escaped, with its backtick-quoted names in `<code>`. */
export function sentenceHtml(sentence: string): string {
  return sentenceParts(sentence)
    .map((part) => (part.code ? `<code>${escapeHtml(part.text)}</code>` : escapeHtml(part.text)))
    .join('');
}

/** Items that are already HTML, as a list; nothing for none. */
export function htmlList(items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** An area: a path in code, the root in words. */
export const areaHtml = (name: string): string =>
  isRootAreaName(name) ? escapeHtml(name) : `<code>${escapeHtml(name)}</code>`;

/** Only http(s) addresses become links: a `javascript:` URL from a tracker field never does. */
export function linkHtml(label: string, url: string | null | undefined): string {
  const safe = safeTicketUrl(url ?? null);
  return safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** A complete page around `body` (already HTML): no scripts, one small stylesheet. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}' +
      'th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}' +
      'td ul{margin:0;padding-left:1.2em}</style>',
    '</head>',
    '<body>',
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
