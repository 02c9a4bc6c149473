import { addRange, countCodeLines, type TextRanges } from './line-counter';
import type { SourceFacts } from './source-facts';
import { analyseTypeScriptWithComments } from './typescript/ts-source-analyser';

/** Vue and Svelte single-file components: markup, style and one or more `<script>` blocks. */
export function isSingleFileComponent(extension: string): boolean {
  return extension === 'vue' || extension === 'svelte';
}

/** A block's content: after its opening tag, before its closing tag. */
interface Block {
  start: number;
  end: number;
}

// Top-level blocks; the content of a <script> or <style> cannot contain its own closing tag. A
// quoted attribute value may hold a ">" (`generic="T extends Item<U>"`).
const BLOCK = /(<(script|style)((?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?)>)([\s\S]*?)<\/\2\s*>/gi;
const LANG = /\blang\s*=\s*["']?(ts|typescript|tsx|jsx)\b/i;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;

/**
 * `content` with the characters inside `blocks` (or, with `keepBlocks`, outside them) replaced by
 * spaces; newlines stay, so lines and offsets are those of the component.
 */
function blank(content: string, blocks: readonly Block[], keepBlocks: boolean): string {
  const spaces = (text: string) => text.replace(/[^\n]/g, ' ');
  const sorted = [...blocks].sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  for (const block of sorted) {
    const between = content.slice(at, block.start);
    const inside = content.slice(block.start, block.end);
    out += keepBlocks ? spaces(between) + inside : between + spaces(inside);
    at = block.end;
  }
  const rest = content.slice(at);
  return out + (keepBlocks ? spaces(rest) : rest);
}

function addMatches(ranges: TextRanges, text: string, pattern: RegExp, offset = 0): void {
  for (const match of text.matchAll(pattern))
    addRange(ranges, offset + match.index, offset + match.index + match[0].length);
}

/**
 * Facts for a component. Its script blocks are analysed as one JavaScript or TypeScript file with
 * the rest blanked out (lines and offsets stay the component's), as ESLint reads components through
 * vue-eslint-parser and svelte-eslint-parser; template expressions add no complexity. LOC counts the
 * whole component (markup, script and style lines), each kind's comments excluded, as cloc does.
 */
export function analyseSingleFileComponent(path: string, content: string): SourceFacts {
  const scripts: Block[] = [];
  const styles: Block[] = [];
  // The script blocks' dialect, as the extension the parser should treat them as.
  let extension = 'js';
  for (const match of content.matchAll(BLOCK)) {
    const [, openingTag, tag, attributes, body] = match;
    const start = match.index + openingTag.length;
    const block = { start, end: start + body.length };
    if (tag.toLowerCase() === 'style') {
      styles.push(block);
      continue;
    }
    scripts.push(block);
    const lang = LANG.exec(attributes ?? '')?.[1].toLowerCase();
    if (lang) extension = lang === 'typescript' ? 'ts' : lang;
  }
  const language = extension.startsWith('ts') ? 'typescript' : 'javascript';
  const script = analyseTypeScriptWithComments(path, blank(content, scripts, true), language, extension);
  const comments: TextRanges = { starts: [...script.comments.starts], ends: [...script.comments.ends] };
  addMatches(comments, blank(content, [...scripts, ...styles], false), HTML_COMMENT);
  for (const style of styles)
    addMatches(comments, content.slice(style.start, style.end), CSS_COMMENT, style.start);
  return { ...script.facts, loc: countCodeLines(content, comments) };
}
