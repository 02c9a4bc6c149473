import { CleanText, linkToText } from './clean-text';

/**
 * Atlassian Document Format (Jira Cloud descriptions) → clean text. Walks the node tree without
 * trusting it: unknown node types contribute their children's text, malformed nodes are skipped,
 * and depth and node count are bounded so a hostile document cannot exhaust the stack or the CPU.
 */
const MAX_DEPTH = 64;
const MAX_NODES = 50_000;

// Nodes after which a line ends, so words from adjacent blocks never run together.
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'taskItem',
  'decisionItem',
  'tableCell',
  'tableHeader',
  'tableRow',
  'panel',
  'expand',
  'nestedExpand',
  'rule',
  'mediaSingle',
]);
// People, emoji and media carry no evidence about code.
const SKIPPED_TYPES = new Set(['mention', 'emoji', 'media', 'mediaGroup', 'mediaInline']);

interface Walk {
  lines: string[];
  current: string;
  code: string[];
  nodes: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasCodeMark(node: Record<string, unknown>): boolean {
  return Array.isArray(node.marks) && node.marks.some((m) => isRecord(m) && m.type === 'code');
}

function linkHref(node: Record<string, unknown>): string {
  if (!Array.isArray(node.marks)) return '';
  for (const mark of node.marks) {
    if (
      isRecord(mark) &&
      mark.type === 'link' &&
      isRecord(mark.attrs) &&
      typeof mark.attrs.href === 'string'
    ) {
      return mark.attrs.href;
    }
  }
  return '';
}

function endLine(walk: Walk): void {
  if (walk.current.trim()) walk.lines.push(walk.current.trim());
  walk.current = '';
}

function append(walk: Walk, text: string): void {
  walk.current += text;
}

function textOf(node: Record<string, unknown>): string {
  return typeof node.text === 'string' ? node.text : '';
}

function visit(node: unknown, depth: number, walk: Walk, inCode: boolean): void {
  if (!isRecord(node) || depth > MAX_DEPTH || walk.nodes >= MAX_NODES) return;
  walk.nodes++;
  const type = typeof node.type === 'string' ? node.type : '';
  if (SKIPPED_TYPES.has(type)) return;
  const attrs = isRecord(node.attrs) ? node.attrs : {};
  switch (type) {
    case 'text': {
      const text = textOf(node);
      append(walk, text);
      const href = linkHref(node);
      const linked = href ? linkToText(href) : '';
      if (linked && linked !== text) append(walk, ` ${linked} `);
      if (!inCode && hasCodeMark(node) && text.trim()) walk.code.push(text.trim());
      return;
    }
    case 'hardBreak':
      endLine(walk);
      return;
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      if (typeof attrs.url === 'string') append(walk, ` ${linkToText(attrs.url)} `);
      return;
    case 'status':
    case 'date':
    case 'placeholder':
      if (typeof attrs.text === 'string') append(walk, ` ${attrs.text} `);
      return;
    default:
      break;
  }
  if (type === 'codeBlock') {
    endLine(walk);
    const before = walk.lines.length;
    visitChildren(node, depth, walk, true);
    endLine(walk);
    const block = walk.lines.slice(before).join('\n');
    if (block.trim()) walk.code.push(block);
    return;
  }
  if (type === 'expand' || type === 'nestedExpand') {
    if (typeof attrs.title === 'string') {
      append(walk, attrs.title);
      endLine(walk);
    }
  }
  visitChildren(node, depth, walk, inCode);
  if (BLOCK_TYPES.has(type)) endLine(walk);
}

function visitChildren(node: Record<string, unknown>, depth: number, walk: Walk, inCode: boolean): void {
  if (!Array.isArray(node.content)) return;
  for (const child of node.content) {
    if (walk.nodes >= MAX_NODES) return;
    visit(child, depth + 1, walk, inCode);
  }
}

/** True for a value shaped like an ADF document (`{ type: 'doc', content: [...] }`). */
export function isAdfDocument(value: unknown): boolean {
  return isRecord(value) && value.type === 'doc' && Array.isArray(value.content);
}

export function adfToText(document: unknown): CleanText {
  const walk: Walk = { lines: [], current: '', code: [], nodes: 0 };
  visit(document, 0, walk, false);
  endLine(walk);
  return { text: walk.lines.join('\n'), code: walk.code };
}
