import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, SWITCH } from './common-rules';

/*
 * Elixir declares everything with ordinary calls (`defmodule`, `def`, `if`, `case`, `alias`), so
 * most rules look at the name a call is made with.
 */

/** The name a call is made with (`if` for `if x do … end`), or undefined for `a.b()` calls. */
function callName(node: SyntaxNode): string | undefined {
  const target = node.childForFieldName('target');
  return target?.type === 'identifier' ? target.text : undefined;
}

/** A call's arguments (a child node, not a field). */
function argumentsOf(node: SyntaxNode): SyntaxNode | undefined {
  return node.namedChildren.find((child) => child.type === 'arguments');
}

function callTo(...names: string[]): (node: SyntaxNode) => boolean {
  const wanted = new Set(names);
  return (node) => wanted.has(callName(node) ?? '');
}

const FUNCTION_DEFINERS = callTo('def', 'defp', 'defmacro', 'defmacrop');
const MODULE_DEFINERS = callTo('defmodule', 'defprotocol', 'defimpl');
const MODULE_USES = callTo('alias', 'import', 'require', 'use');

/** `def f(x) do … end` and `def f(x), do: …` have a body; a protocol's `def f(x)` does not. */
function hasBody(node: SyntaxNode): boolean {
  return (
    node.namedChildren.some((child) => child.type === 'do_block') ||
    (argumentsOf(node)?.namedChildren.some((child) => child.type === 'keywords') ?? false)
  );
}

/** `def total(items)`, `def kind(x) when …`, `def zero` → `total`, `kind`, `zero`. */
function definedName(node: SyntaxNode): string | undefined {
  let head = argumentsOf(node)?.firstNamedChild ?? null;
  if (head?.type === 'binary_operator' && head.childForFieldName('operator')?.type === 'when')
    head = head.childForFieldName('left');
  if (head?.type === 'identifier') return head.text;
  return head?.type === 'call' ? callName(head) : undefined;
}

/** `defmodule Shop.Cart do`, `defprotocol P do`, `defimpl P, for: X do` → the module's name. */
function moduleName(node: SyntaxNode): string | undefined {
  if (!MODULE_DEFINERS(node)) return undefined;
  const name = argumentsOf(node)?.firstNamedChild;
  return name?.type === 'alias' ? name.text : undefined;
}

/** `alias A.B`, `alias A.{B, C}`, `import A`, `require A`, `use A` → `A.B`; `A.B`, `A.C`; `A`. */
function collectModuleUse(node: SyntaxNode, out: Collected): void {
  if (!MODULE_USES(node)) return;
  const used = argumentsOf(node)?.firstNamedChild;
  if (used?.type === 'alias') {
    out.imports.push({ specifier: used.text, typeOnly: false });
  } else if (used?.type === 'dot') {
    const prefix = used.childForFieldName('left')?.text;
    const group = used.childForFieldName('right');
    if (prefix && group?.type === 'tuple')
      for (const member of group.namedChildren)
        if (member.type === 'alias')
          out.imports.push({ specifier: `${prefix}.${member.text}`, typeOnly: false });
  }
}

/** `@moduledoc """…"""` and `@doc "…"` are the language's docstrings: comments. */
function collectDoc(node: SyntaxNode, out: Collected): void {
  const doc = node.childForFieldName('operand');
  const text = doc ? argumentsOf(doc)?.firstNamedChild : undefined;
  if (text?.type !== 'string') return;
  const body = text.namedChildren
    .filter((part) => part.type === 'quoted_content')
    .map((part) => part.text)
    .join('');
  out.comment(node.startIndex, node.endIndex, body);
}

/** `_ ->` of a case, receive or with-else, and `true ->` of a cond: the default branch. */
function isCatchAll(node: SyntaxNode): boolean {
  const patterns = node.childForFieldName('left')?.namedChildren ?? [];
  return patterns.length === 1 && (patterns[0].text === '_' || patterns[0].text === 'true');
}

const CLAUSE_PARENTS = ['do_block', 'else_block', 'rescue_block', 'catch_block'];

export const ELIXIR_RULES: GrammarRules = {
  language: 'elixir',
  named: {
    call: [
      { ...BRANCH, when: callTo('if', 'unless', 'for') },
      { ...SWITCH, when: callTo('case', 'cond', 'receive', 'with') },
    ],
    // Each clause of a case, cond, receive or with-else, and each rescue or catch handler.
    stab_clause: [
      { mcc: 1, parents: CLAUSE_PARENTS },
      { mcc: -1, parents: ['do_block', 'else_block'], when: isCatchAll },
    ],
    else_block: { cog: 'else' },
    rescue_block: SWITCH,
    catch_block: SWITCH,
  },
  tokens: {
    // A guard (`def f(x) when …`, `x when … ->`).
    when: { mcc: 1, parents: ['binary_operator'] },
    // A default argument (`def f(x \\ 1)`).
    '\\\\': DECISION,
  },
  functions: {
    call: { kind: 'function', name: definedName, when: (node) => FUNCTION_DEFINERS(node) && hasBody(node) },
    anonymous_function: { kind: 'lambda', name: () => undefined, placeholder: '<fn>' },
  },
  containers: { call: moduleName },
  modulesOnly: true,
  // Protocol function heads (no body) are declared names although they are not functions.
  symbols: { call: (node) => (FUNCTION_DEFINERS(node) ? definedName(node) : undefined) },
  comments: ['comment'],
  binaryTypes: ['binary_operator'],
  logicalOperators: ['and', 'or', '&&', '||'],
  parenTypes: ['block'],
  ifTypes: [],
  elseContainers: [],
  conditionFields: [],
  collect: {
    call: { collect: collectModuleUse },
    unary_operator: { startsWith: ['@moduledoc', '@doc'], collect: collectDoc },
  },
};
