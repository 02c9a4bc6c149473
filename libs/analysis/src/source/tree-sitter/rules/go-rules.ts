import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, JUMP, SWITCH } from './common-rules';

/** Methods are named after their receiver type, `Server.Start`, as Go documentation names them. */
function receiverType(node: SyntaxNode): string | undefined {
  const receiver = node.childForFieldName('receiver');
  const type = receiver?.namedChildren
    .find((c) => c.type === 'parameter_declaration')
    ?.childForFieldName('type');
  return type?.text.replace(/^\*/, '').replace(/\[.*$/s, '');
}

function collectImport(node: SyntaxNode, out: Collected): void {
  const path = stringContent(node.childForFieldName('path'));
  if (path) out.imports.push({ specifier: path, typeOnly: false });
}

function collectPackage(node: SyntaxNode, out: Collected): void {
  const name = node.namedChildren.find((child) => child.type === 'package_identifier');
  if (name && out.packageName === undefined) out.packageName = name.text;
}

export const GO_RULES: GrammarRules = {
  language: 'go',
  named: {
    if_statement: BRANCH,
    for_statement: BRANCH,
    expression_case: DECISION,
    type_case: DECISION,
    communication_case: DECISION,
    expression_switch_statement: SWITCH,
    type_switch_statement: SWITCH,
    select_statement: SWITCH,
    goto_statement: JUMP,
    label_name: { cog: 'jump', parents: ['break_statement', 'continue_statement'] },
  },
  tokens: {},
  functions: {
    function_declaration: { kind: 'function' },
    method_declaration: { kind: 'method', owner: receiverType },
    func_literal: { kind: 'lambda', name: () => undefined, placeholder: '<func>' },
  },
  containers: {},
  symbols: { type_spec: 'name', type_alias: 'name', method_elem: 'name' },
  comments: ['comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['if_statement'],
  conditionFields: ['condition', 'initializer', 'update', 'value', 'alias'],
  collect: {
    package_clause: { collect: collectPackage },
    import_spec: { collect: collectImport },
  },
};
