import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, ELSE_IF, hasField, SWITCH } from './common-rules';

function collectNamespace(node: SyntaxNode, out: Collected): void {
  const name = node.childForFieldName('name');
  if (name && out.packageName === undefined) out.packageName = compact(name.text);
}

/** `use A\B\C;`, `use A\B\{C, D as E};`, `use function A\f;` → `A\B\C`, `A\B\C`, `A\B\D`, `A\f`. */
function collectUse(node: SyntaxNode, out: Collected): void {
  const group = node.childForFieldName('body');
  const prefix = group
    ? node.namedChildren.find((child) => child.type === 'namespace_name')?.text
    : undefined;
  const clauses = (group ?? node).namedChildren.filter((child) => child.type === 'namespace_use_clause');
  for (const clause of clauses) {
    const name = clause.namedChildren.find(
      (child) => child.type === 'qualified_name' || child.type === 'name',
    );
    if (!name) continue;
    const specifier = compact(prefix ? `${prefix}\\${name.text}` : name.text).replace(/^\\/, '');
    out.imports.push({ specifier, typeOnly: false });
  }
}

/** `require 'x.php'` and `require __DIR__ . '/x.php'` (kept as `__DIR__/x.php`, resolved from the file). */
function collectRequire(node: SyntaxNode, out: Collected): void {
  const argument = node.namedChildren.find((child) => child.type !== 'comment');
  if (!argument) return;
  if (argument.type === 'string' || argument.type === 'encapsed_string') {
    const specifier = stringContent(argument);
    if (specifier) out.imports.push({ specifier, typeOnly: false, kind: 'require' });
    return;
  }
  if (argument.type === 'binary_expression' && argument.childForFieldName('left')?.text === '__DIR__') {
    const tail = stringContent(argument.childForFieldName('right'));
    if (tail) out.imports.push({ specifier: `__DIR__${tail}`, typeOnly: false, kind: 'require' });
  }
}

const REQUIRE = { collect: collectRequire };

export const PHP_RULES: GrammarRules = {
  language: 'php',
  named: {
    if_statement: BRANCH,
    else_if_clause: ELSE_IF,
    for_statement: BRANCH,
    foreach_statement: BRANCH,
    while_statement: BRANCH,
    do_statement: BRANCH,
    catch_clause: BRANCH,
    conditional_expression: BRANCH,
    switch_statement: SWITCH,
    match_expression: SWITCH,
    case_statement: DECISION,
    match_conditional_expression: DECISION,
    nullsafe_member_access_expression: DECISION,
    nullsafe_member_call_expression: DECISION,
  },
  tokens: {
    '??=': { mcc: 1, parents: ['augmented_assignment_expression'] },
    '=': { mcc: 1, parents: ['simple_parameter', 'property_promotion_parameter'] },
  },
  functions: {
    function_definition: { kind: 'function' },
    method_declaration: { kind: 'method', when: hasField('body') },
    anonymous_function: { kind: 'lambda', name: () => undefined, placeholder: '<closure>' },
    anonymous_function_creation_expression: {
      kind: 'lambda',
      name: () => undefined,
      placeholder: '<closure>',
    },
    arrow_function: { kind: 'lambda', name: () => undefined, placeholder: '<arrow>' },
  },
  containers: {
    class_declaration: 'name',
    interface_declaration: 'name',
    trait_declaration: 'name',
    enum_declaration: 'name',
  },
  symbols: { method_declaration: 'name' },
  comments: ['comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||', 'and', 'or', '??'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['else_clause'],
  conditionFields: ['condition'],
  collect: {
    namespace_definition: { collect: collectNamespace },
    namespace_use_declaration: { collect: collectUse },
    require_expression: REQUIRE,
    require_once_expression: REQUIRE,
    include_expression: REQUIRE,
    include_once_expression: REQUIRE,
  },
};
