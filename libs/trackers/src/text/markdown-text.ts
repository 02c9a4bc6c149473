/**
 * Flattens Linear Markdown to plain text for matching. Deliberately conservative: it removes
 * syntax that cannot be part of an identifier (fences, heading and quote markers, link targets,
 * `**`, `~~`, backticks) and keeps single `_`/`*`, which are common inside code names.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*(>\s?)+/, '')
        .replace(/^(\s*)([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '$1'),
    )
    .join('\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
