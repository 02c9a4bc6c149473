/**
 * Control characters a repository can put in a file name or a commit subject (an ESC that starts
 * a terminal escape sequence, a carriage return that rewrites the line) shown as `\x1B`, `\r`…
 * instead of acting on the reader's terminal. Tabs and line breaks stay: the output is laid out
 * with them. JSON output needs nothing: JSON.stringify escapes them already.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\f': '\\f', '\v': '\\v', '\b': '\\b' };

export function printable(text: string): string {
  return text.replace(
    CONTROL,
    (char) => NAMED[char] ?? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
