import ts from 'typescript';
import { addRange, emptyRanges, LineIndex } from '../line-counter';
import type { FunctionFacts, FunctionKind, ImportFacts } from '../source-facts';
import { importOf } from './ts-imports';
import { contextualName, functionHeadPos, hasModifier, isClassFieldLike, nameText, unwrapParens } from './ts-node-names';

const K = ts.SyntaxKind;

/** Complexity being accumulated for one function (or, at the bottom of the stack, the file itself). */
interface Frame {
  facts: FunctionFacts | undefined;
  /** McCabe: starts at 1, as ESLint's code-path count does. */
  mcc: number;
  cog: number;
  nesting: number;
}

function isLogicalOperator(kind: ts.SyntaxKind): boolean {
  return kind === K.AmpersandAmpersandToken || kind === K.BarBarToken || kind === K.QuestionQuestionToken;
}

function isLogicalBinary(node: ts.Node): node is ts.BinaryExpression {
  return node.kind === K.BinaryExpression && isLogicalOperator((node as ts.BinaryExpression).operatorToken.kind);
}

function isLiteralPattern(node: ts.Node): boolean {
  return node.kind === K.ArrayLiteralExpression || node.kind === K.ObjectLiteralExpression;
}

/** Sonar's "+1 per sequence of like operators": `a && b && c || d` scores 2, in source order. */
function logicalSequenceScore(root: ts.BinaryExpression): number {
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

/**
 * One pass over a TypeScript/JavaScript syntax tree collecting per-function McCabe complexity
 * (exactly ESLint 10's `complexity` rule, classic variant), cognitive complexity, imports, declared
 * names and the ranges of literals (so that comments can be told apart from string contents).
 *
 * ESLint scores every function, class field initializer and class static block as its own code
 * path; decorators, computed member names and `accessor` field values belong to the enclosing one.
 */
export class TsWalker {
  readonly functions: FunctionFacts[] = [];
  readonly imports: ImportFacts[] = [];
  readonly symbols = new Set<string>();
  readonly literals = emptyRanges();
  private readonly frames: Frame[] = [];
  private frame: Frame = { facts: undefined, mcc: 1, cog: 0, nesting: 0 };
  private readonly parents: ts.Node[] = [];
  private readonly classNames: string[] = [];
  private readonly visitFn = (node: ts.Node): undefined => {
    this.visit(node);
    return undefined;
  };

  private readonly lines: LineIndex;

  constructor(private readonly sf: ts.SourceFile) {
    this.lines = new LineIndex(sf.text);
  }

  walk(): void {
    this.visitChildren(this.sf);
  }

  private parentSkippingParens(): ts.Node | undefined {
    for (let i = this.parents.length - 1; i >= 0; i--) {
      if (this.parents[i].kind !== K.ParenthesizedExpression) return this.parents[i];
    }
    return undefined;
  }

  private visitChildren(node: ts.Node): void {
    this.parents.push(node);
    ts.forEachChild(node, this.visitFn);
    this.parents.pop();
  }

  private visitNested(node: ts.Node | undefined): void {
    if (!node) return;
    this.frame.nesting++;
    this.visit(node);
    this.frame.nesting--;
  }

  private visit(node: ts.Node): void {
    const frame = this.frame;
    switch (node.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.RegularExpressionLiteral:
      case K.TemplateHead:
      case K.TemplateMiddle:
      case K.TemplateTail:
        addRange(this.literals, node.getStart(this.sf), node.end);
        return;
      case K.JsxText:
        addRange(this.literals, node.pos, node.end);
        return;
      case K.IfStatement:
        return this.visitIf(node as ts.IfStatement, false);
      case K.ForStatement:
      case K.ForInStatement:
      case K.ForOfStatement:
      case K.WhileStatement:
      case K.DoStatement:
        return this.visitLoop(node as ts.IterationStatement);
      case K.SwitchStatement:
        frame.cog += 1 + frame.nesting;
        this.parents.push(node);
        this.visit((node as ts.SwitchStatement).expression);
        this.visitNested((node as ts.SwitchStatement).caseBlock);
        this.parents.pop();
        return;
      case K.CaseClause:
        frame.mcc++;
        break;
      case K.CatchClause:
        frame.mcc++;
        frame.cog += 1 + frame.nesting;
        this.parents.push(node);
        if ((node as ts.CatchClause).variableDeclaration) this.visit((node as ts.CatchClause).variableDeclaration!);
        this.visitNested((node as ts.CatchClause).block);
        this.parents.pop();
        return;
      case K.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        frame.mcc++;
        frame.cog += 1 + frame.nesting;
        this.parents.push(node);
        this.visit(conditional.condition);
        this.visitNested(conditional.whenTrue);
        this.visitNested(conditional.whenFalse);
        this.parents.pop();
        return;
      }
      case K.BinaryExpression:
        return this.visitBinary(node as ts.BinaryExpression);
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
        if ((node as ts.PropertyAccessExpression | ts.ElementAccessExpression).questionDotToken) frame.mcc++;
        break;
      case K.CallExpression: {
        if ((node as ts.CallExpression).questionDotToken) frame.mcc++;
        const imported = importOf(node);
        if (imported) this.imports.push(imported);
        break;
      }
      case K.Parameter:
      case K.BindingElement:
        if ((node as ts.ParameterDeclaration | ts.BindingElement).initializer) frame.mcc++;
        break;
      case K.ShorthandPropertyAssignment:
        if ((node as ts.ShorthandPropertyAssignment).objectAssignmentInitializer) frame.mcc++;
        break;
      case K.BreakStatement:
      case K.ContinueStatement:
        if ((node as ts.BreakOrContinueStatement).label) frame.cog++;
        break;
      case K.ImportDeclaration:
      case K.ExportDeclaration:
      case K.ImportEqualsDeclaration:
      case K.ImportType: {
        const imported = importOf(node);
        if (imported) this.imports.push(imported);
        break;
      }
      case K.FunctionDeclaration:
      case K.FunctionExpression:
      case K.ArrowFunction:
      case K.MethodDeclaration:
      case K.Constructor:
      case K.GetAccessor:
      case K.SetAccessor:
        return this.visitFunction(node as ts.FunctionLikeDeclaration);
      case K.PropertyDeclaration:
        return this.visitProperty(node as ts.PropertyDeclaration);
      case K.ClassStaticBlockDeclaration:
        this.openFrame(node.getStart(this.sf), node, this.qualify('static'), 'initializer');
        this.visitChildren(node);
        this.closeFrame();
        return;
      case K.ClassDeclaration:
      case K.ClassExpression: {
        const name = (node as ts.ClassLikeDeclaration).name?.text ?? contextualName(this.parentSkippingParens(), node);
        if (name) this.symbols.add(name);
        this.classNames.push(name ?? '<class>');
        this.visitChildren(node);
        this.classNames.pop();
        return;
      }
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
      case K.EnumDeclaration:
      case K.ModuleDeclaration:
      case K.MethodSignature: {
        const name = nameText((node as ts.DeclarationStatement).name);
        if (name && name !== '[computed]') this.symbols.add(name);
        break;
      }
      case K.VariableStatement:
        if (hasModifier(node, K.ExportKeyword)) {
          for (const decl of (node as ts.VariableStatement).declarationList.declarations) {
            if (decl.name.kind === K.Identifier) this.symbols.add(decl.name.text);
          }
        }
        break;
      default:
        break;
    }
    this.visitChildren(node);
  }

  private visitIf(node: ts.IfStatement, elseIf: boolean): void {
    const frame = this.frame;
    frame.mcc++;
    frame.cog += elseIf ? 1 : 1 + frame.nesting;
    this.parents.push(node);
    this.visit(node.expression);
    this.visitNested(node.thenStatement);
    const otherwise = node.elseStatement;
    if (otherwise && otherwise.kind === K.IfStatement) {
      this.visitIf(otherwise as ts.IfStatement, true);
    } else if (otherwise) {
      frame.cog++;
      this.visitNested(otherwise);
    }
    this.parents.pop();
  }

  private visitLoop(node: ts.IterationStatement): void {
    const frame = this.frame;
    frame.mcc++;
    frame.cog += 1 + frame.nesting;
    this.parents.push(node);
    ts.forEachChild(node, (child) => {
      if (child === node.statement) this.visitNested(child);
      else if (isLiteralPattern(child) && node.kind !== K.ForStatement) this.visitPattern(child);
      else this.visit(child);
      return undefined;
    });
    this.parents.pop();
  }

  private visitBinary(node: ts.BinaryExpression): void {
    const frame = this.frame;
    const operator = node.operatorToken.kind;
    if (isLogicalOperator(operator)) {
      frame.mcc++;
      const parent = this.parentSkippingParens();
      if (!parent || !isLogicalBinary(parent)) frame.cog += logicalSequenceScore(node);
    } else if (
      operator === K.BarBarEqualsToken ||
      operator === K.AmpersandAmpersandEqualsToken ||
      operator === K.QuestionQuestionEqualsToken
    ) {
      frame.mcc++;
    } else if (operator === K.EqualsToken && isLiteralPattern(node.left)) {
      this.parents.push(node);
      this.visitPattern(node.left);
      this.visit(node.right);
      this.parents.pop();
      return;
    }
    this.visitChildren(node);
  }

  /**
   * Destructuring assignment targets are expressions in the TypeScript tree but patterns in ESTree,
   * where `[a = 1] = xs` and `({ a: b = 1 } = o)` hold AssignmentPatterns that ESLint counts.
   */
  private visitPattern(node: ts.Node): void {
    if (node.kind === K.ArrayLiteralExpression) {
      this.parents.push(node);
      for (const element of (node as ts.ArrayLiteralExpression).elements) this.visitPatternElement(element);
      this.parents.pop();
    } else if (node.kind === K.ObjectLiteralExpression) {
      this.parents.push(node);
      for (const property of (node as ts.ObjectLiteralExpression).properties) {
        if (property.kind === K.PropertyAssignment) {
          this.parents.push(property);
          this.visit(property.name);
          this.visitPatternElement(property.initializer);
          this.parents.pop();
        } else if (property.kind === K.SpreadAssignment) {
          this.parents.push(property);
          this.visitPattern(property.expression);
          this.parents.pop();
        } else {
          this.visit(property);
        }
      }
      this.parents.pop();
    } else {
      this.visit(node);
    }
  }

  private visitPatternElement(element: ts.Node): void {
    if (element.kind === K.BinaryExpression && (element as ts.BinaryExpression).operatorToken.kind === K.EqualsToken) {
      const assignment = element as ts.BinaryExpression;
      this.frame.mcc++;
      this.parents.push(element);
      this.visitPattern(assignment.left);
      this.visit(assignment.right);
      this.parents.pop();
    } else if (element.kind === K.SpreadElement) {
      this.parents.push(element);
      this.visitPattern((element as ts.SpreadElement).expression);
      this.parents.pop();
    } else {
      this.visitPattern(element);
    }
  }

  private visitFunction(node: ts.FunctionLikeDeclaration): void {
    const isMember =
      node.kind === K.MethodDeclaration ||
      node.kind === K.Constructor ||
      node.kind === K.GetAccessor ||
      node.kind === K.SetAccessor;
    if (!node.body && node.kind !== K.ArrowFunction) {
      // Overload signatures and abstract members: declared names, but ESLint sees no code path here.
      const declared = nameText(node.name);
      if (declared && declared !== '[computed]') this.symbols.add(declared);
      this.visitChildren(node);
      return;
    }
    const parent = this.parentSkippingParens();
    const inClass = parent !== undefined && (parent.kind === K.ClassDeclaration || parent.kind === K.ClassExpression);
    const { name, kind } = this.describeFunction(node, parent);
    if (kind !== 'constructor' && !name.startsWith('<') && name !== '[computed]') this.symbols.add(name);
    const head = functionHeadPos(node, parent, this.sf);
    const qualified = inClass ? this.qualify(name) : name;
    if (!isMember) {
      this.openFrame(head, node, qualified, kind);
      this.visitChildren(node);
      this.closeFrame();
      return;
    }
    // The member's decorators and (computed) name are evaluated by the enclosing code.
    this.parents.push(node);
    node.modifiers?.forEach(this.visitFn);
    if (node.name) this.visit(node.name);
    this.openFrame(head, node, qualified, kind);
    node.typeParameters?.forEach(this.visitFn);
    node.parameters.forEach(this.visitFn);
    if (node.type) this.visit(node.type);
    this.visit(node.body!);
    this.closeFrame();
    this.parents.pop();
  }

  private describeFunction(node: ts.FunctionLikeDeclaration, parent: ts.Node | undefined): { name: string; kind: FunctionKind } {
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

  private visitProperty(node: ts.PropertyDeclaration): void {
    this.parents.push(node);
    node.modifiers?.forEach(this.visitFn);
    this.visit(node.name);
    if (node.type) this.visit(node.type);
    const initializer = node.initializer;
    if (initializer && isClassFieldLike(node)) {
      const head = unwrapParens(initializer).getStart(this.sf);
      this.openFrame(head, initializer, this.qualify(nameText(node.name) ?? '<field>'), 'initializer');
      this.visit(initializer);
      this.closeFrame();
    } else if (initializer) {
      this.visit(initializer);
    }
    this.parents.pop();
  }

  private qualify(name: string): string {
    const owner = this.classNames[this.classNames.length - 1];
    return owner ? `${owner}.${name}` : name;
  }

  private openFrame(headPos: number, node: ts.Node, name: string, kind: FunctionKind): void {
    const enclosing = this.frame;
    const facts: FunctionFacts = {
      name,
      line: this.lines.lineOf(headPos),
      endLine: this.lines.lineOf(node.end),
      kind,
      complexity: 1,
      cognitive: 0,
    };
    this.functions.push(facts);
    this.frames.push(enclosing);
    // A function nested in another one starts one level deeper (Sonar); top-level ones and those
    // directly in field initializers start at zero.
    const topLevel = enclosing.facts === undefined || enclosing.facts.kind === 'initializer';
    this.frame = { facts, mcc: 1, cog: 0, nesting: topLevel ? 0 : enclosing.nesting + 1 };
  }

  private closeFrame(): void {
    const done = this.frame;
    done.facts!.complexity = done.mcc;
    done.facts!.cognitive = done.cog;
    this.frame = this.frames.pop()!;
  }
}
