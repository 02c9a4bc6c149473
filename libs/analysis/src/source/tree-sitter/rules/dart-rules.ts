import type { FunctionKind } from '../../source-facts';
import { stringContent, type Collected, type GrammarRules, type SyntaxNode } from '../grammar-rules';
import { BRANCH, DECISION, JUMP, SWITCH } from './common-rules';

/*
 * Dart (tree-sitter-dart, run as WebAssembly). A declaration's signature and its body are sibling
 * nodes (`method_signature`, `function_body`), so the body is the function: its name and kind come
 * from the signature before it, and so does its line. Default parameter values sit in the
 * signature, outside that node, and are not counted.
 */

/** The signature a `function_body` belongs to, unwrapped from `method_signature`. */
function signatureOf(body: SyntaxNode): SyntaxNode | null {
  const before = body.previousNamedSibling;
  return before?.type === 'method_signature' ? before.firstNamedChild : before;
}

/** Where the declaration starts: its signature (a multi-line parameter list puts the body lower). */
function declarationOf(body: SyntaxNode): SyntaxNode | null {
  const before = body.previousNamedSibling;
  return before?.type.endsWith('signature') ? before : null;
}

const CONSTRUCTORS = new Set([
  'constructor_signature',
  'constant_constructor_signature',
  'factory_constructor_signature',
  'redirecting_factory_constructor_signature',
]);

function kindOf(body: SyntaxNode): FunctionKind {
  const signature = signatureOf(body)?.type ?? '';
  if (CONSTRUCTORS.has(signature)) return 'constructor';
  if (signature === 'getter_signature' || signature === 'setter_signature') return 'accessor';
  return 'function';
}

/**
 * `int total()` → `total`; `get size` → `size`; `operator ==` → `operator==`; constructors by
 * Dart's own names: `Cart(…)` is `new`, `Cart.empty()` is `empty` (the class qualifies both).
 */
function nameOf(body: SyntaxNode): string | undefined {
  const signature = signatureOf(body);
  if (!signature) return undefined;
  if (CONSTRUCTORS.has(signature.type)) {
    const names = signature.namedChildren.filter((child) => child.type === 'identifier');
    return names.length > 1 ? names[names.length - 1].text : 'new';
  }
  if (signature.type === 'operator_signature') {
    const operator = signature.namedChildren.find((child) => child.type.endsWith('operator'));
    return operator ? `operator${operator.text}` : 'operator';
  }
  return signature.childForFieldName('name')?.text;
}

function firstIdentifier(node: SyntaxNode): string | undefined {
  return node.namedChildren.find((child) => child.type === 'identifier')?.text;
}

/** `extension CartX on Cart` is named CartX; an unnamed `extension on Cart` adds to Cart, declared elsewhere. */
function extensionName(node: SyntaxNode): string | undefined {
  return (node.childForFieldName('name') ?? node.childForFieldName('class'))?.text;
}

/** `typedef Callback = …;` */
function aliasName(node: SyntaxNode): string | undefined {
  return node.namedChildren.find((child) => child.type === 'type_identifier')?.text;
}

/** A `switch` expression's `_ => …` arm is its default. */
function isCatchAll(arm: SyntaxNode): boolean {
  return arm.namedChildren.length === 2 && arm.firstNamedChild?.text === '_';
}

/** `on E { … }` and `catch (e) { … }`: every block of a `try` but its body is a handler. */
function isHandler(block: SyntaxNode): boolean {
  return block.parent?.childForFieldName('body')?.startIndex !== block.startIndex;
}

/** `break label` / `continue label`. */
function isLabelledJump(node: SyntaxNode): boolean {
  return node.namedChildren.some((child) => child.type === 'identifier');
}

/** `import 'package:shop/cart.dart';`, `export 'src/x.dart';`, `part 'cart.g.dart';` */
function collectUri(node: SyntaxNode, out: Collected): void {
  const specifier = stringContent(node.firstNamedChild);
  if (specifier) out.imports.push({ specifier, typeOnly: false });
}

export const DART_RULES: GrammarRules = {
  language: 'dart',
  named: {
    if_statement: BRANCH,
    if_element: BRANCH,
    for_statement: BRANCH,
    for_element: BRANCH,
    while_statement: BRANCH,
    do_statement: BRANCH,
    conditional_expression: BRANCH,
    block: { ...BRANCH, parents: ['try_statement'], when: isHandler },
    switch_statement: SWITCH,
    switch_expression: SWITCH,
    // One per `case` label; `default:` is its own node type and the `_ =>` arm is excluded.
    switch_statement_case: DECISION,
    switch_expression_case: { ...DECISION, when: (node) => !isCatchAll(node) },
    // `a?.b`
    conditional_assignable_selector: DECISION,
    break_statement: { ...JUMP, when: isLabelledJump },
    continue_statement: { ...JUMP, when: isLabelledJump },
  },
  tokens: {
    '??': { mcc: 1, parents: ['if_null_expression'] },
    '??=': { mcc: 1, parents: ['assignment_expression'] },
    // A guard: `case X when cond:`, `X when cond => …`.
    when: { mcc: 1, parents: ['switch_statement_case', 'switch_expression_case'] },
  },
  functions: {
    function_body: { kind: kindOf, name: nameOf, start: declarationOf },
    function_expression: { kind: 'lambda', name: () => undefined, placeholder: '<closure>' },
  },
  containers: {
    class_definition: 'name',
    mixin_declaration: firstIdentifier,
    enum_declaration: 'name',
    extension_declaration: extensionName,
  },
  reopens: (node) => node.type === 'extension_declaration' && node.childForFieldName('name') === null,
  symbols: { type_alias: aliasName },
  comments: ['comment', 'documentation_comment'],
  binaryTypes: ['logical_and_expression', 'logical_or_expression'],
  // The operator is a named child without a field.
  operatorNodes: ['logical_and_operator', 'logical_or_operator'],
  logicalOperators: ['&&', '||'],
  parenTypes: ['parenthesized_expression'],
  ifTypes: ['if_statement', 'if_element'],
  elseContainers: ['if_statement', 'if_element'],
  conditionFields: ['condition'],
  collect: {
    uri: { parents: ['configurable_uri', 'part_directive'], collect: collectUri },
  },
};
