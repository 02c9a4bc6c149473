import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, hasChildOfType, hasField, SWITCH } from './common-rules';

/** `import Foundation`, `import struct Shop.Item`, `@testable import App` → `Foundation`, `Shop.Item`, `App`. */
function collectImport(node: SyntaxNode, out: Collected): void {
  const name = node.namedChildren.find((child) => child.type === 'identifier');
  if (name) out.imports.push({ specifier: compact(name.text), typeOnly: false });
}

/** Accessors are named after their property: `size.get`. */
function propertyName(node: SyntaxNode): string | undefined {
  let current: SyntaxNode | null = node.parent;
  while (current && current.type !== 'property_declaration') current = current.parent;
  const pattern = current?.childForFieldName('name');
  return pattern?.childForFieldName('bound_identifier')?.text ?? pattern?.text;
}

const ACCESSOR_CHILDREN = ['computed_getter', 'computed_setter', 'computed_modify'];

/** `break label` / `continue label`: a jump for cognitive complexity (an unlabelled one is not). */
function isLabelledJump(node: SyntaxNode): boolean {
  const keyword = node.firstChild?.type;
  return (keyword === 'break' || keyword === 'continue') && node.childForFieldName('result') !== null;
}

function isExtension(node: SyntaxNode): boolean {
  return node.childForFieldName('declaration_kind')?.type === 'extension';
}

export const SWIFT_RULES: GrammarRules = {
  language: 'swift',
  named: {
    if_statement: BRANCH,
    guard_statement: BRANCH,
    for_statement: BRANCH,
    while_statement: BRANCH,
    repeat_while_statement: BRANCH,
    catch_block: BRANCH,
    ternary_expression: BRANCH,
    switch_statement: SWITCH,
    // One per `case` label, however many patterns it lists; `default:` excluded.
    switch_entry: DECISION,
    default_keyword: { mcc: -1, parents: ['switch_entry'] },
    control_transfer_statement: { cog: 'jump', when: isLabelledJump },
  },
  tokens: {
    '??': { mcc: 1, parents: ['nil_coalescing_expression'] },
    // `a?.b`: the optional-chaining `?` sits directly under the navigation expression.
    '?': { mcc: 1, parents: ['navigation_expression'] },
    // A default parameter value.
    '=': { mcc: 1, parents: ['function_declaration', 'init_declaration'] },
  },
  functions: {
    function_declaration: { kind: 'function', when: hasField('body') },
    init_declaration: { kind: 'constructor', name: () => 'init', when: hasField('body') },
    deinit_declaration: { kind: 'method', name: () => 'deinit' },
    computed_getter: { kind: 'accessor', name: () => 'get', owner: propertyName },
    computed_setter: { kind: 'accessor', name: () => 'set', owner: propertyName },
    // A read-only computed property written without `get { }`.
    computed_property: {
      kind: 'accessor',
      name: () => 'get',
      owner: propertyName,
      when: (node) => !ACCESSOR_CHILDREN.some((type) => hasChildOfType(type)(node)),
    },
    lambda_literal: { kind: 'lambda', name: () => undefined, placeholder: '<closure>' },
  },
  // Classes, structs, enums, actors and extensions are all `class_declaration`.
  containers: { class_declaration: 'name', protocol_declaration: 'name' },
  reopens: isExtension,
  symbols: { protocol_function_declaration: 'name', typealias_declaration: 'name' },
  comments: ['comment', 'multiline_comment'],
  binaryTypes: ['conjunction_expression', 'disjunction_expression'],
  operatorField: 'op',
  logicalOperators: ['&&', '||'],
  parenTypes: ['tuple_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['if_statement'],
  namedElse: true,
  conditionFields: ['condition', 'collection', 'expr'],
  collect: {
    import_declaration: { collect: collectImport },
  },
};
