import type { NodeRule, SyntaxNode } from '../grammar-rules';

/** A decision that is also a nesting structure: if, loops, catch, ternary. */
export const BRANCH: NodeRule = { mcc: 1, cog: 'structure' };
/** A decision with no cognitive weight of its own: a case, an arm, `?.`, a default value. */
export const DECISION: NodeRule = { mcc: 1 };
/** Scored once for cognitive complexity, whatever the number of cases: switch, match, when. */
export const SWITCH: NodeRule = { cog: 'structure' };
export const ELSE_IF: NodeRule = { mcc: 1, cog: 'else-if' };
export const JUMP: NodeRule = { cog: 'jump' };

export function hasField(field: string): (node: SyntaxNode) => boolean {
  return (node) => node.childForFieldName(field) !== null;
}

export function hasChildOfType(type: string): (node: SyntaxNode) => boolean {
  return (node) => node.namedChildren.some((child) => child.type === type);
}

/** Removes whitespace and comments a declaration may contain (`a . b` → `a.b`). */
export function compact(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').replace(/\s+/g, '');
}
