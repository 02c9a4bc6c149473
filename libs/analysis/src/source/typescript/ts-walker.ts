import ts from 'typescript';
import { addRange } from '../line-counter';
import { importOf } from './ts-imports';
import {
  contextualName,
  describeFunction,
  functionHeadPos,
  hasModifier,
  isClassFieldLike,
  isLiteralPattern,
  nameText,
  unwrapParens,
} from './ts-syntax';
import { TsWalkerBase } from './ts-walker-base';

const K = ts.SyntaxKind;

/**
 * One pass over a TypeScript/JavaScript syntax tree collecting per-function McCabe complexity
 * (exactly ESLint 10's `complexity` rule, classic variant), cognitive complexity, imports, declared
 * names and the ranges of literals (so that comments can be told apart from string contents).
 *
 * ESLint scores every function, class field initializer and class static block as its own code
 * path; decorators, computed member names and `accessor` field values belong to the enclosing one.
 */
export class TsWalker extends TsWalkerBase {
  protected visit(node: ts.Node): void {
    const frame = this.frames.current;
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
        if ((node as ts.CatchClause).variableDeclaration)
          this.visit((node as ts.CatchClause).variableDeclaration!);
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
        this.frames.open(node.getStart(this.sf), node.end, this.frames.qualify('static'), 'initializer');
        this.visitChildren(node);
        this.frames.close();
        return;
      case K.ClassDeclaration:
      case K.ClassExpression: {
        const name =
          (node as ts.ClassLikeDeclaration).name?.text ?? contextualName(this.parentSkippingParens(), node);
        if (name) this.symbols.add(name);
        this.frames.enterClass(name ?? '<class>');
        this.visitChildren(node);
        this.frames.leaveClass();
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
    const frame = this.frames.current;
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
    const frame = this.frames.current;
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
    const inClass =
      parent !== undefined && (parent.kind === K.ClassDeclaration || parent.kind === K.ClassExpression);
    const { name, kind } = describeFunction(node, parent);
    if (kind !== 'constructor' && !name.startsWith('<') && name !== '[computed]') this.symbols.add(name);
    const head = functionHeadPos(node, parent, this.sf);
    const qualified = inClass ? this.frames.qualify(name) : name;
    if (!isMember) {
      this.frames.open(head, node.end, qualified, kind);
      this.visitChildren(node);
      this.frames.close();
      return;
    }
    // The member's decorators and (computed) name are evaluated by the enclosing code.
    this.parents.push(node);
    node.modifiers?.forEach(this.visitFn);
    if (node.name) this.visit(node.name);
    this.frames.open(head, node.end, qualified, kind);
    node.typeParameters?.forEach(this.visitFn);
    node.parameters.forEach(this.visitFn);
    if (node.type) this.visit(node.type);
    this.visit(node.body!);
    this.frames.close();
    this.parents.pop();
  }

  private visitProperty(node: ts.PropertyDeclaration): void {
    this.parents.push(node);
    node.modifiers?.forEach(this.visitFn);
    this.visit(node.name);
    if (node.type) this.visit(node.type);
    const initializer = node.initializer;
    if (initializer && isClassFieldLike(node)) {
      const head = unwrapParens(initializer).getStart(this.sf);
      this.frames.open(
        head,
        initializer.end,
        this.frames.qualify(nameText(node.name) ?? '<field>'),
        'initializer',
      );
      this.visit(initializer);
      this.frames.close();
    } else if (initializer) {
      this.visit(initializer);
    }
    this.parents.pop();
  }
}
