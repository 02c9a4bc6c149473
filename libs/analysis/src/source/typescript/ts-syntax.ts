import ts from 'typescript';
import type { FunctionKind } from '../source-facts';

const K = ts.SyntaxKind;

/** Skips wrapping parentheses, which ESTree (and so ESLint) does not represent as nodes. */
export function unwrapParens(node: ts.Node): ts.Node {
  let current = node;
  while (current.kind === K.ParenthesizedExpression)
    current = (current as ts.ParenthesizedExpression).expression;
  return current;
}

/** Text of a property or declaration name; computed names have no static text. */
export function nameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  switch (name.kind) {
    case K.Identifier:
    case K.PrivateIdentifier:
      return (name as ts.Identifier).text;
    case K.StringLiteral:
    case K.NumericLiteral:
    case K.NoSubstitutionTemplateLiteral:
      return (name as ts.LiteralExpression).text;
    case K.ComputedPropertyName:
      return '[computed]';
    default:
      return undefined;
  }
}

/**
 * The name a function expression or arrow gets from where it is written (`const f = () => …`,
 * `{ f: () => … }`, `this.f = function () {…}`), as ESLint's rule messages and stack traces name it.
 */
export function contextualName(parent: ts.Node | undefined, child: ts.Node): string | undefined {
  if (!parent) return undefined;
  switch (parent.kind) {
    case K.VariableDeclaration:
    case K.PropertyAssignment:
    case K.PropertyDeclaration:
    case K.Parameter:
    case K.BindingElement:
      return nameText((parent as ts.NamedDeclaration).name);
    case K.BinaryExpression: {
      const binary = parent as ts.BinaryExpression;
      if (binary.operatorToken.kind !== K.EqualsToken || unwrapParens(binary.right) !== child)
        return undefined;
      const target = binary.left;
      if (target.kind === K.Identifier) return (target as ts.Identifier).text;
      if (target.kind === K.PropertyAccessExpression)
        return (target as ts.PropertyAccessExpression).name.text;
      return undefined;
    }
    case K.ExportAssignment:
      return 'default';
    default:
      return undefined;
  }
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
  return modifiers !== undefined && modifiers.some((m) => m.kind === kind);
}

/** Position just after whitespace and comments, for locating the token that follows `pos`. */
export function skipTrivia(text: string, pos: number): number {
  let i = pos;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12) {
      i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      if (end < 0) return text.length;
      i = end + 1;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else {
      return i;
    }
  }
}

/**
 * Where ESLint's `complexity` rule reports a function (`astUtils.getFunctionHeadLoc`): the member
 * start for methods and for function values of object properties and class fields, the `=>` token
 * for other arrows, and otherwise the function's own start (after `export`/`default`, which ESTree
 * keeps on a wrapping node).
 */
export function functionHeadPos(node: ts.Node, parent: ts.Node | undefined, sf: ts.SourceFile): number {
  switch (node.kind) {
    case K.MethodDeclaration:
    case K.Constructor:
    case K.GetAccessor:
    case K.SetAccessor:
      return node.getStart(sf);
    case K.FunctionDeclaration: {
      const modifiers = (node as ts.FunctionDeclaration).modifiers;
      let after: ts.Node | undefined;
      for (const m of modifiers ?? []) {
        if (m.kind === K.ExportKeyword || m.kind === K.DefaultKeyword) after = m;
      }
      return after ? skipTrivia(sf.text, after.end) : node.getStart(sf);
    }
    default:
      break;
  }
  if (parent && (parent.kind === K.PropertyAssignment || isClassFieldLike(parent)))
    return parent.getStart(sf);
  if (node.kind === K.ArrowFunction) return (node as ts.ArrowFunction).equalsGreaterThanToken.getStart(sf);
  return node.getStart(sf);
}

/** A class property that ESTree calls PropertyDefinition (not an `accessor` auto-accessor). */
export function isClassFieldLike(node: ts.Node): boolean {
  return (
    node.kind === K.PropertyDeclaration &&
    !hasModifier(node, K.AccessorKeyword) &&
    !hasModifier(node, K.AbstractKeyword)
  );
}

export function isLogicalOperator(kind: ts.SyntaxKind): boolean {
  return kind === K.AmpersandAmpersandToken || kind === K.BarBarToken || kind === K.QuestionQuestionToken;
}

export function isLogicalBinary(node: ts.Node): node is ts.BinaryExpression {
  return (
    node.kind === K.BinaryExpression && isLogicalOperator((node as ts.BinaryExpression).operatorToken.kind)
  );
}

export function isLiteralPattern(node: ts.Node): boolean {
  return node.kind === K.ArrayLiteralExpression || node.kind === K.ObjectLiteralExpression;
}

/** Sonar's "+1 per sequence of like operators": `a && b && c || d` scores 2, in source order. */
export function logicalSequenceScore(root: ts.BinaryExpression): number {
  const operators: ts.SyntaxKind[] = [];
  const collect = (node: ts.Node): void => {
    const inner = unwrapParens(node);
    if (!isLogicalBinary(inner)) return;
    collect(inner.left);
    operators.push(inner.operatorToken.kind);
    collect(inner.right);
  };
  collect(root);
  let score = 0;
  for (let i = 0; i < operators.length; i++) if (i === 0 || operators[i] !== operators[i - 1]) score++;
  return score;
}

/** Name and kind of a function-like node, for FunctionFacts. */
export function describeFunction(
  node: ts.FunctionLikeDeclaration,
  parent: ts.Node | undefined,
): { name: string; kind: FunctionKind } {
  switch (node.kind) {
    case K.FunctionDeclaration:
      return { name: node.name?.text ?? 'default', kind: 'function' };
    case K.FunctionExpression:
      return { name: node.name?.text ?? contextualName(parent, node) ?? '<anonymous>', kind: 'function' };
    case K.ArrowFunction:
      return { name: contextualName(parent, node) ?? '<arrow>', kind: 'lambda' };
    case K.Constructor:
      return { name: 'constructor', kind: 'constructor' };
    case K.GetAccessor:
    case K.SetAccessor:
      return { name: nameText(node.name) ?? '<accessor>', kind: 'accessor' };
    default:
      return { name: nameText(node.name) ?? '<method>', kind: 'method' };
  }
}
