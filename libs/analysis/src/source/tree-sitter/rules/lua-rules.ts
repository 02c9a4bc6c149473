import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, ELSE_IF, JUMP } from './common-rules';

/** `function Cart.new()`, `function Cart:total()`, `local function helper()` → `Cart.new`, `Cart.total`, `helper`. */
function functionName(node: SyntaxNode): string | undefined {
  return node.childForFieldName('name')?.text.replace(':', '.');
}

/** `require("a.b")`, `require "a.b"`, `require 'a.b'` → `a.b`. */
function collectRequire(node: SyntaxNode, out: Collected): void {
  if (node.childForFieldName('name')?.text !== 'require') return;
  const argument = node.childForFieldName('arguments');
  const literal = argument?.type === 'string' ? argument : argument?.namedChildren[0];
  const specifier = literal?.type === 'string' ? stringContent(literal) : undefined;
  if (specifier) out.imports.push({ specifier, typeOnly: false });
}

export const LUA_RULES: GrammarRules = {
  language: 'lua',
  named: {
    if_statement: BRANCH,
    elseif_statement: ELSE_IF,
    else_statement: { cog: 'else' },
    for_statement: BRANCH,
    while_statement: BRANCH,
    repeat_statement: BRANCH,
    goto_statement: JUMP,
  },
  tokens: {},
  functions: {
    function_declaration: { kind: 'function', name: functionName },
    function_definition: { kind: 'lambda', name: () => undefined, placeholder: '<function>' },
  },
  containers: {},
  symbols: {},
  comments: ['comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['and', 'or'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: [],
  elseContainers: [],
  conditionFields: ['condition', 'clause'],
  collect: {
    function_call: { startsWith: ['require'], collect: collectRequire },
  },
};
