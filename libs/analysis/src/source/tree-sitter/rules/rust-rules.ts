import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, SWITCH } from './common-rules';

function join(prefix: string, path: string): string {
  return prefix ? `${prefix}::${path}` : path;
}

/** Expands a use tree into one path per imported item: `use a::{b, c::D}` → `a::b`, `a::c::D`. */
function expandUse(node: SyntaxNode, prefix: string, out: string[]): void {
  switch (node.type) {
    case 'use_list':
      for (const child of node.namedChildren) expandUse(child, prefix, out);
      return;
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const base = path ? join(prefix, compact(path.text)) : prefix;
      if (list) expandUse(list, base, out);
      return;
    }
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      if (path) out.push(join(prefix, compact(path.text)));
      return;
    }
    case 'line_comment':
    case 'block_comment':
      return;
    default:
      out.push(join(prefix, compact(node.text)));
  }
}

function collectUse(node: SyntaxNode, out: Collected): void {
  const argument = node.childForFieldName('argument');
  if (!argument) return;
  const paths: string[] = [];
  expandUse(argument, '', paths);
  for (const specifier of paths) out.imports.push({ specifier, typeOnly: false });
}

/** `mod x;` (no body) loads `x.rs` or `x/mod.rs`: a file dependency. */
function collectMod(node: SyntaxNode, out: Collected): void {
  if (node.childForFieldName('body')) return;
  const name = node.childForFieldName('name')?.text;
  if (name) out.imports.push({ specifier: name, typeOnly: false, kind: 'mod' });
}

function collectExternCrate(node: SyntaxNode, out: Collected): void {
  const name = node.childForFieldName('name')?.text;
  if (name) out.imports.push({ specifier: name, typeOnly: false });
}

export const RUST_RULES: GrammarRules = {
  language: 'rust',
  named: {
    if_expression: BRANCH,
    for_expression: BRANCH,
    while_expression: BRANCH,
    // `loop` is `while true`, which ESLint's rule counts as a loop like any other.
    loop_expression: BRANCH,
    match_expression: SWITCH,
    match_arm: DECISION,
    // `?` returns early on error: a branch, like JS optional chaining.
    try_expression: DECISION,
    label: { cog: 'jump', parents: ['break_expression', 'continue_expression'] },
  },
  tokens: {
    // `_ =>` is the match's default arm.
    _: { mcc: -1, parents: ['match_pattern'] },
  },
  functions: {
    function_item: { kind: 'function' },
    closure_expression: { kind: 'lambda', name: () => undefined, placeholder: '<closure>' },
  },
  containers: { impl_item: 'type', trait_item: 'name' },
  symbols: {
    struct_item: 'name',
    function_signature_item: 'name',
    enum_item: 'name',
    union_item: 'name',
    type_item: 'name',
    mod_item: 'name',
    macro_definition: 'name',
  },
  comments: ['line_comment', 'block_comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_expression'],
  elseContainers: ['else_clause'],
  conditionFields: ['condition', 'value', 'pattern'],
  collect: {
    use_declaration: { collect: collectUse },
    mod_item: { collect: collectMod },
    extern_crate_declaration: { collect: collectExternCrate },
  },
};
