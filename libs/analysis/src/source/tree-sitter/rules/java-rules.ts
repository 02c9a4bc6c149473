import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, hasField, SWITCH } from './common-rules';

function collectPackage(node: SyntaxNode, out: Collected): void {
  const name = node.namedChildren.find(
    (child) => child.type === 'scoped_identifier' || child.type === 'identifier',
  );
  if (name && out.packageName === undefined) out.packageName = compact(name.text);
}

/** `import a.b.C;`, `import static a.b.C.m;`, `import a.b.*;` → `a.b.C`, `a.b.C.m`, `a.b.*`. */
function collectImport(node: SyntaxNode, out: Collected): void {
  const specifier = compact(node.text.replace(/^import\s+(static\s+)?/, '').replace(/;\s*$/, ''));
  if (specifier) out.imports.push({ specifier, typeOnly: false });
}

export const JAVA_RULES: GrammarRules = {
  language: 'java',
  named: {
    if_statement: BRANCH,
    for_statement: BRANCH,
    enhanced_for_statement: BRANCH,
    while_statement: BRANCH,
    do_statement: BRANCH,
    catch_clause: BRANCH,
    ternary_expression: BRANCH,
    switch_expression: SWITCH,
    switch_statement: SWITCH,
    identifier: { cog: 'jump', parents: ['break_statement', 'continue_statement'] },
  },
  tokens: {
    case: { mcc: 1, parents: ['switch_label'] },
  },
  functions: {
    method_declaration: { kind: 'method', when: hasField('body') },
    constructor_declaration: { kind: 'constructor' },
    compact_constructor_declaration: { kind: 'constructor' },
    lambda_expression: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
  },
  containers: {
    class_declaration: 'name',
    interface_declaration: 'name',
    enum_declaration: 'name',
    record_declaration: 'name',
    annotation_type_declaration: 'name',
  },
  // Abstract and interface methods are declared names although they are not functions.
  symbols: { method_declaration: 'name' },
  comments: ['line_comment', 'block_comment'],
  binaryTypes: ['binary_expression'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement'],
  elseContainers: ['if_statement'],
  conditionFields: ['condition', 'init', 'update', 'value', 'type', 'name'],
  collect: {
    package_declaration: { collect: collectPackage },
    import_declaration: { collect: collectImport },
  },
};
