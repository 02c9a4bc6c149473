import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, hasChildOfType, SWITCH } from './common-rules';

function collectPackage(node: SyntaxNode, out: Collected): void {
  const name = node.namedChildren.find(
    (child) => child.type === 'qualified_identifier' || child.type === 'identifier',
  );
  if (name && out.packageName === undefined) out.packageName = compact(name.text);
}

/** `import a.b.C`, `import a.b.*`, `import a.b.C as D` → `a.b.C`, `a.b.*`, `a.b.C`. */
function collectImport(node: SyntaxNode, out: Collected): void {
  const specifier = compact(
    node.text
      .replace(/^import\s+/, '')
      .replace(/\s+as\s+\S+\s*$/, '')
      .replace(/;\s*$/, ''),
  );
  if (specifier) out.imports.push({ specifier, typeOnly: false });
}

function propertyOwner(node: SyntaxNode): string | undefined {
  const property = node.parent;
  const declaration = property?.namedChildren.find((child) => child.type === 'variable_declaration');
  return declaration?.namedChildren[0]?.text;
}

export const KOTLIN_RULES: GrammarRules = {
  language: 'kotlin',
  named: {
    if_expression: BRANCH,
    for_statement: BRANCH,
    while_statement: BRANCH,
    do_while_statement: BRANCH,
    catch_block: BRANCH,
    when_expression: SWITCH,
    when_entry: DECISION,
  },
  tokens: {
    // `else ->` is the when's default branch.
    else: { mcc: -1, parents: ['when_entry'] },
    '?.': DECISION,
    '=': { mcc: 1, parents: ['function_value_parameters', 'class_parameter'] },
  },
  functions: {
    function_declaration: { kind: 'function', when: hasChildOfType('function_body') },
    secondary_constructor: { kind: 'constructor', name: () => 'constructor' },
    anonymous_function: { kind: 'lambda', name: () => undefined, placeholder: '<anonymous>' },
    lambda_literal: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
    getter: {
      kind: 'accessor',
      name: () => 'get',
      owner: propertyOwner,
      when: hasChildOfType('function_body'),
    },
    setter: {
      kind: 'accessor',
      name: () => 'set',
      owner: propertyOwner,
      when: hasChildOfType('function_body'),
    },
  },
  containers: { class_declaration: 'name', object_declaration: 'name' },
  symbols: { function_declaration: 'name' },
  comments: ['line_comment', 'block_comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||', '?:'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_expression'],
  elseContainers: ['if_expression'],
  conditionFields: ['condition'],
  collect: {
    package_header: { collect: collectPackage },
    import: { collect: collectImport },
  },
};
