import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, compact, DECISION, hasField, SWITCH } from './common-rules';

/** `package a.b` clauses nest: `package a` then `package b` is package `a.b`. */
function collectPackage(node: SyntaxNode, out: Collected): void {
  const name = node.childForFieldName('name');
  if (!name) return;
  const segment = compact(name.text);
  out.packageName = out.packageName === undefined ? segment : `${out.packageName}.${segment}`;
}

/**
 * `import a.b.C`, `import a.b._` / `a.b.*`, `import a.b.{C, D => E}`, `import a.b.C as D` →
 * `a.b.C`, `a.b.*`, `a.b.C` and `a.b.D`, `a.b.C` (the Java form the JVM resolver reads).
 */
function collectImport(node: SyntaxNode, out: Collected): void {
  const path = node.childrenForFieldName('path').filter((child) => child.type !== '.');
  const prefix = path.map((segment) => segment.text).join('.');
  const selectors = node.namedChildren.find((child) => child.type === 'namespace_selectors');
  const wildcard = node.namedChildren.some((child) => child.type === 'namespace_wildcard');
  if (selectors) {
    for (const selector of selectors.namedChildren) {
      const name = selector.type === 'identifier' ? selector.text : selector.childForFieldName('name')?.text;
      if (name) out.imports.push({ specifier: `${prefix}.${name}`, typeOnly: false });
      else if (selector.type === 'namespace_wildcard')
        out.imports.push({ specifier: `${prefix}.*`, typeOnly: false });
    }
  } else if (prefix) {
    out.imports.push({ specifier: wildcard ? `${prefix}.*` : prefix, typeOnly: false });
  }
}

/** `case _ =>` of a `match` is its default branch (in a `catch`, it is still a handler). */
function isDefaultCase(node: SyntaxNode): boolean {
  return node.parent?.parent?.parent?.type === 'match_expression';
}

export const SCALA_RULES: GrammarRules = {
  language: 'scala',
  named: {
    if_expression: BRANCH,
    for_expression: BRANCH,
    while_expression: BRANCH,
    do_while_expression: BRANCH,
    match_expression: SWITCH,
    catch_clause: SWITCH,
    // Each `case` of a match and each handler of a catch; `case _ =>` of a match excluded.
    case_clause: DECISION,
    wildcard: { mcc: -1, parents: ['case_clause'], when: isDefaultCase },
    // `case x if …` and `for (a <- as if …)`.
    guard: DECISION,
  },
  tokens: {
    // A default parameter value.
    '=': { mcc: 1, parents: ['parameter', 'class_parameter'] },
  },
  functions: {
    // `def this(…)` is an auxiliary constructor; Scala's own name for it, `this`, is kept.
    function_definition: {
      kind: (node) => (node.childForFieldName('name')?.text === 'this' ? 'constructor' : 'function'),
      when: hasField('body'),
    },
    lambda_expression: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
  },
  containers: {
    class_definition: 'name',
    object_definition: 'name',
    trait_definition: 'name',
    enum_definition: 'name',
  },
  // Abstract methods are declared names although they are not functions.
  symbols: { function_declaration: 'name', type_definition: 'name' },
  comments: ['comment', 'block_comment'],
  binaryTypes: ['infix_expression'],
  operatorNodes: ['operator_identifier'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_expression'],
  elseContainers: ['if_expression'],
  conditionFields: ['condition', 'value', 'enumerators'],
  collect: {
    package_clause: { collect: collectPackage },
    import_declaration: { collect: collectImport },
  },
};
