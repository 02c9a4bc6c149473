import ts from 'typescript';
import { emptyRanges } from '../line-counter';
import type { FunctionFacts, ImportFacts } from '../source-facts';
import { FrameStack } from './ts-frames';
import { isLiteralPattern, isLogicalBinary, isLogicalOperator, logicalSequenceScore } from './ts-syntax';

const K = ts.SyntaxKind;

/**
 * Walker state shared by the TS/JS visitor: the frame stack, the ancestor path, what was found so
 * far, and the expression forms whose ESLint counting needs more than one node (logical operators,
 * destructuring assignment patterns).
 */
export abstract class TsWalkerBase {
  readonly imports: ImportFacts[] = [];
  readonly symbols = new Set<string>();
  readonly literals = emptyRanges();
  protected readonly frames: FrameStack;
  protected readonly parents: ts.Node[] = [];
  protected readonly visitFn = (node: ts.Node): undefined => {
    this.visit(node);
    return undefined;
  };

  constructor(protected readonly sf: ts.SourceFile) {
    this.frames = new FrameStack(sf.text);
  }

  get functions(): FunctionFacts[] {
    return this.frames.functions;
  }

  walk(): void {
    this.visitChildren(this.sf);
  }

  protected parentSkippingParens(): ts.Node | undefined {
    for (let i = this.parents.length - 1; i >= 0; i--) {
      if (this.parents[i].kind !== K.ParenthesizedExpression) return this.parents[i];
    }
    return undefined;
  }

  protected visitChildren(node: ts.Node): void {
    this.parents.push(node);
    ts.forEachChild(node, this.visitFn);
    this.parents.pop();
  }

  protected visitNested(node: ts.Node | undefined): void {
    if (!node) return;
    this.frames.current.nesting++;
    this.visit(node);
    this.frames.current.nesting--;
  }

  protected abstract visit(node: ts.Node): void;

  protected visitBinary(node: ts.BinaryExpression): void {
    const frame = this.frames.current;
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
  protected visitPattern(node: ts.Node): void {
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
    if (
      element.kind === K.BinaryExpression &&
      (element as ts.BinaryExpression).operatorToken.kind === K.EqualsToken
    ) {
      const assignment = element as ts.BinaryExpression;
      this.frames.current.mcc++;
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
}
