import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, hasField, JUMP, SWITCH } from './common-rules';

/** `using A.B;`, `using static A.B;`, `global using A.B;`, `using X = A.B;` → `A.B`. */
function collectUsing(node: SyntaxNode, out: Collected): void {
  const alias = node.childForFieldName('name');
  const target = node.namedChildren.filter((child) => child !== alias && child.id !== alias?.id).pop();
  if (target) out.imports.push({ specifier: compact(target.text), typeOnly: false });
}

function collectNamespace(node: SyntaxNode, out: Collected): void {
  const name = node.childForFieldName('name');
  if (name && out.packageName === undefined) out.packageName = compact(name.text);
}

/** Accessors are named after their property: `Total.get`. */
function accessorOwner(node: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = node.parent;
  while (
    current &&
    current.type !== 'property_declaration' &&
    current.type !== 'indexer_declaration' &&
    current.type !== 'event_declaration'
  ) {
    current = current.parent;
  }
  if (!current) return undefined;
  return (
    current.childForFieldName('name')?.text ?? (current.type === 'indexer_declaration' ? 'this[]' : undefined)
  );
}

function accessorName(node: SyntaxNode): string | undefined {
  return node.type === 'arrow_expression_clause'
    ? 'get'
    : (node.childForFieldName('name')?.text ?? undefined);
}

export const CSHARP_RULES: GrammarRules = {
  language: 'csharp',
  named: {
    if_statement: BRANCH,
    for_statement: BRANCH,
    foreach_statement: BRANCH,
    while_statement: BRANCH,
    do_statement: BRANCH,
    catch_clause: BRANCH,
    conditional_expression: BRANCH,
    switch_statement: SWITCH,
    switch_expression: SWITCH,
    switch_expression_arm: DECISION,
    // `_ => …` is the switch expression's default arm.
    discard: { mcc: -1, parents: ['switch_expression_arm'] },
    conditional_access_expression: DECISION,
    goto_statement: JUMP,
  },
  tokens: {
    case: { mcc: 1, parents: ['switch_section'] },
    '??=': { mcc: 1, parents: ['assignment_expression'] },
    '=': { mcc: 1, parents: ['parameter'] },
  },
  functions: {
    method_declaration: { kind: 'method', when: hasField('body') },
    constructor_declaration: { kind: 'constructor' },
    destructor_declaration: { kind: 'method', name: () => 'Finalize' },
    operator_declaration: { kind: 'method', name: () => 'operator', when: hasField('body') },
    conversion_operator_declaration: { kind: 'method', name: () => 'operator', when: hasField('body') },
    local_function_statement: { kind: 'function' },
    lambda_expression: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
    anonymous_method_expression: { kind: 'lambda', name: () => undefined, placeholder: '<delegate>' },
    accessor_declaration: {
      kind: 'accessor',
      name: accessorName,
      owner: accessorOwner,
      when: hasField('body'),
    },
    arrow_expression_clause: {
      kind: 'accessor',
      name: accessorName,
      owner: accessorOwner,
      parents: ['property_declaration', 'indexer_declaration'],
    },
  },
  containers: {
    class_declaration: 'name',
    struct_declaration: 'name',
    interface_declaration: 'name',
    record_declaration: 'name',
    enum_declaration: 'name',
  },
  symbols: { delegate_declaration: 'name', method_declaration: 'name', property_declaration: 'name' },
  comments: ['comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||', '??'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['if_statement'],
  conditionFields: ['condition', 'value', 'left', 'right', 'type', 'initializer', 'update'],
  collect: {
    using_directive: { collect: collectUsing },
    namespace_declaration: { collect: collectNamespace },
    file_scoped_namespace_declaration: { collect: collectNamespace },
  },
};
