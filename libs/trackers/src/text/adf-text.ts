/**
 * Flattens an ADF document (Jira descriptions and comment bodies) to plain text. Inline nodes
 * join, block nodes end with a newline, list items get a dash, so code paths, mentions and status
 * texts survive for matching and for finding our own marker.
 */
interface AdfLike {
  type?: unknown;
  text?: unknown;
  attrs?: unknown;
  content?: unknown;
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'panel',
  'rule',
  'tableRow',
  'mediaSingle',
  'mediaGroup',
  'decisionItem',
  'taskItem',
  'expand',
  'nestedExpand',
  'layoutColumn',
]);

function attr(node: AdfLike, name: string): string {
  const attrs = node.attrs;
  if (attrs === null || typeof attrs !== 'object') return '';
  const value = (attrs as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

function walk(node: unknown, out: string[]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as AdfLike;
  switch (n.type) {
    case 'text':
      out.push(typeof n.text === 'string' ? n.text : '');
      return;
    case 'hardBreak':
      out.push('\n');
      return;
    case 'status':
    case 'mention':
      out.push(attr(n, 'text'));
      return;
    case 'emoji':
      out.push(attr(n, 'text') || attr(n, 'shortName'));
      return;
    case 'inlineCard':
    case 'blockCard':
      out.push(attr(n, 'url'));
      return;
    case 'date': {
      const ts = Number(attr(n, 'timestamp'));
      out.push(
        Number.isFinite(ts) && attr(n, 'timestamp') !== '' ? new Date(ts).toISOString().slice(0, 10) : '',
      );
      return;
    }
    case 'listItem':
      out.push('- ');
      break;
    case 'tableCell':
    case 'tableHeader':
      out.push(' ');
      break;
    default:
      break;
  }
  if (Array.isArray(n.content)) for (const child of n.content) walk(child, out);
  if (typeof n.type === 'string' && BLOCKS.has(n.type)) out.push('\n');
}

export function adfToText(document: unknown): string {
  const out: string[] = [];
  walk(document, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
