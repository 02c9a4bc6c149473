import { CleanText, linkToText } from './clean-text';

/**
 * Markdown (Linear descriptions, and any plain-text description) → clean text. Line-oriented and
 * forgiving rather than a full CommonMark parser: matching needs the words and the code, not the
 * layout. Fenced code blocks and inline code are kept in the text and also returned as code.
 * Emphasis markers are only removed where they delimit words, so `snake_case_names` survive.
 */
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HTML_TAG =
  /<\/?(?:a|b|i|u|s|p|br|hr|em|strong|code|pre|kbd|sub|sup|div|span|img|ul|ol|li|table|thead|tbody|tr|td|th|details|summary|blockquote|h[1-6])\b[^<>]*>|<!--[\s\S]*?-->/gi;
const IMAGE = /!\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;
const LINK = /\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g;
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>()\]]+/g;
const INLINE_CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const STRONG = /(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g;
const EMPHASIS = /(^|[^\p{L}\p{N}_*])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\p{L}\p{N}_*]|$)/gu;

function stripLine(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}(?:>\s?)+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/, '')
    .replace(/\s*\|\s*/g, ' ');
}

function inlineToText(line: string, code: string[]): string {
  const spans: string[] = [];
  // Inline code is lifted out first so its content is never treated as markup.
  let text = line.replace(INLINE_CODE, (_m, _ticks: string, content: string) => {
    const trimmed = content.trim();
    if (trimmed) code.push(trimmed);
    spans.push(trimmed);
    return `\uE000${spans.length - 1}\uE000`;
  });
  text = text
    .replace(HTML_TAG, ' ')
    .replace(IMAGE, (_m, alt: string) => alt)
    .replace(LINK, (_m, label: string, url: string) => {
      const linked = linkToText(url);
      return linked && linked !== label ? `${label} ${linked}` : label;
    })
    .replace(AUTOLINK, (_m, url: string) => linkToText(url))
    .replace(BARE_URL, (url) => linkToText(url))
    .replace(STRONG, '$2')
    .replace(EMPHASIS, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return text.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => spans[Number(i)] ?? '');
}

export function markdownToText(markdown: string): CleanText {
  const code: string[] = [];
  const out: string[] = [];
  let fence: string | undefined;
  let block: string[] = [];
  for (const raw of markdown
    .replace(/\uE000/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')) {
    const fenceMatch = FENCE.exec(raw);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        if (block.join('').trim()) code.push(block.join('\n'));
        fence = undefined;
        block = [];
      } else {
        block.push(raw);
        out.push(raw);
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const line = inlineToText(stripLine(raw), code).trim();
    if (line) out.push(line);
  }
  // An unterminated fence still holds code the author meant to show.
  if (fence !== undefined && block.join('').trim()) code.push(block.join('\n'));
  return { text: out.join('\n'), code };
}
