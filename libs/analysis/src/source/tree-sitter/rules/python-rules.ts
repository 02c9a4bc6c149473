import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, ELSE_IF, SWITCH } from './common-rules';

function importedName(node: SyntaxNode): string {
  return node.type === 'aliased_import' ? (node.childForFieldName('name')?.text ?? node.text) : node.text;
}

function collectImport(node: SyntaxNode, out: Collected): void {
  for (const name of node.childrenForFieldName('name')) {
    out.imports.push({ specifier: importedName(name), typeOnly: false });
  }
}

function collectFromImport(node: SyntaxNode, out: Collected): void {
  const module = node.childForFieldName('module_name');
  if (!module) return;
  const names = node.childrenForFieldName('name').map(importedName);
  out.imports.push({
    specifier: module.text.replace(/\s+/g, ''),
    typeOnly: false,
    ...(names.length > 0 ? { names } : {}),
  });
}

/** A string standing alone as a statement is a docstring (or commented-out code): cloc counts it as comment. */
function collectDocstring(node: SyntaxNode, out: Collected): void {
  const statement = node.parent;
  if (statement && statement.namedChildCount === 1) out.comment(node.startIndex, node.endIndex, node.text);
}

export const PYTHON_RULES: GrammarRules = {
  language: 'python',
  named: {
    if_statement: BRANCH,
    elif_clause: ELSE_IF,
    else_clause: { cog: 'else', parents: ['if_statement'] },
    for_statement: BRANCH,
    while_statement: BRANCH,
    except_clause: BRANCH,
    except_group_clause: BRANCH,
    conditional_expression: BRANCH,
    // Comprehension loops and filters are loops and ifs written inline.
    for_in_clause: DECISION,
    if_clause: DECISION,
    match_statement: SWITCH,
    case_clause: DECISION,
    default_parameter: DECISION,
    typed_default_parameter: DECISION,
  },
  tokens: {
    // `case _:` is the match's default branch, which (like `default:`) adds no path.
    _: { mcc: -1, parents: ['case_pattern'], grandparents: ['case_clause'] },
  },
  functions: {
    function_definition: { kind: 'function' },
    lambda: { kind: 'lambda', name: () => undefined, placeholder: '<lambda>' },
  },
  containers: { class_definition: 'name' },
  symbols: {},
  comments: ['comment'],
  binaryTypes: ['boolean_operator'],
  logicalOperators: ['and', 'or'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: [],
  elseContainers: [],
  conditionFields: ['condition', 'left', 'right', 'subject'],
  collect: {
    import_statement: { collect: collectImport },
    import_from_statement: { collect: collectFromImport },
    string: { parents: ['expression_statement'], collect: collectDocstring },
  },
};
