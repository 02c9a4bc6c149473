import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, JUMP, SWITCH } from './common-rules';

/** The declared name inside a declarator chain: `*f(int)`, `K::m() const`, `operator==`. */
function declaratorName(node: SyntaxNode): string | undefined {
  let current = node.childForFieldName('declarator');
  while (current) {
    if (current.type === 'function_declarator') return current.childForFieldName('declarator')?.text;
    current =
      current.childForFieldName('declarator') ??
      current.namedChildren.find((c) => c.type.endsWith('declarator')) ??
      null;
  }
  return undefined;
}

function collectInclude(node: SyntaxNode, out: Collected): void {
  const path = node.childForFieldName('path');
  if (!path) return;
  const specifier = stringContent(path);
  if (!specifier) return;
  out.imports.push({
    specifier,
    typeOnly: false,
    kind: path.type === 'system_lib_string' ? 'include-system' : 'include',
  });
}

export const C_RULES: GrammarRules = {
  language: 'c',
  named: {
    if_statement: BRANCH,
    for_statement: BRANCH,
    while_statement: BRANCH,
    do_statement: BRANCH,
    conditional_expression: BRANCH,
    switch_statement: SWITCH,
    goto_statement: JUMP,
  },
  tokens: {
    case: { mcc: 1, parents: ['case_statement'] },
  },
  functions: {
    function_definition: { kind: 'function', name: declaratorName },
  },
  containers: {},
  symbols: {
    struct_specifier: 'name',
    union_specifier: 'name',
    enum_specifier: 'name',
    type_definition: 'declarator',
  },
  comments: ['comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['else_clause'],
  conditionFields: ['condition', 'initializer', 'update'],
  collect: {
    preproc_include: { collect: collectInclude },
  },
};

export const CPP_RULES: GrammarRules = {
  ...C_RULES,
  language: 'cpp',
  named: {
    ...C_RULES.named,
    for_range_loop: BRANCH,
    catch_clause: BRANCH,
    optional_parameter_declaration: DECISION,
  },
  functions: {
    ...C_RULES.functions,
    lambda_expression: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
  },
  containers: { class_specifier: 'name', struct_specifier: 'name' },
  symbols: { ...C_RULES.symbols, namespace_definition: 'name' },
  conditionFields: [...C_RULES.conditionFields, 'declarator', 'right'],
};
