import ts from 'typescript';
import type { ImportFacts } from '../source-facts';

const K = ts.SyntaxKind;

function stringLiteralText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === K.StringLiteral || node.kind === K.NoSubstitutionTemplateLiteral) {
    return (node as ts.StringLiteralLike).text;
  }
  return undefined;
}

/** `import { type A, type B } from 'x'` only brings in types, like `import type`. */
function importClauseIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || bindings.kind !== K.NamedImports) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  if (!clause || clause.kind !== K.NamedExports) return false;
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The import a node declares, if it is one of the import forms of JS/TS. */
export function importOf(node: ts.Node): ImportFacts | undefined {
  switch (node.kind) {
    case K.ImportDeclaration: {
      const decl = node as ts.ImportDeclaration;
      const specifier = stringLiteralText(decl.moduleSpecifier);
      return specifier === undefined
        ? undefined
        : { specifier, typeOnly: importClauseIsTypeOnly(decl.importClause) };
    }
    case K.ExportDeclaration: {
      const decl = node as ts.ExportDeclaration;
      const specifier = stringLiteralText(decl.moduleSpecifier);
      return specifier === undefined ? undefined : { specifier, typeOnly: exportIsTypeOnly(decl) };
    }
    case K.ImportEqualsDeclaration: {
      const decl = node as ts.ImportEqualsDeclaration;
      if (decl.moduleReference.kind !== K.ExternalModuleReference) return undefined;
      const specifier = stringLiteralText(decl.moduleReference.expression);
      return specifier === undefined ? undefined : { specifier, typeOnly: decl.isTypeOnly, kind: 'require' };
    }
    case K.CallExpression: {
      const call = node as ts.CallExpression;
      if (call.arguments.length !== 1) return undefined;
      const callee = call.expression;
      if (callee.kind === K.ImportKeyword) {
        const specifier = stringLiteralText(call.arguments[0]);
        return specifier === undefined ? undefined : { specifier, typeOnly: false, kind: 'dynamic' };
      }
      if (callee.kind === K.Identifier && (callee as ts.Identifier).text === 'require') {
        const specifier = stringLiteralText(call.arguments[0]);
        return specifier === undefined ? undefined : { specifier, typeOnly: false, kind: 'require' };
      }
      return undefined;
    }
    case K.ImportType: {
      const argument = (node as ts.ImportTypeNode).argument;
      if (argument.kind !== K.LiteralType) return undefined;
      const specifier = stringLiteralText((argument as ts.LiteralTypeNode).literal);
      return specifier === undefined ? undefined : { specifier, typeOnly: true };
    }
    default:
      return undefined;
  }
}

/** `/// <reference path="…" />` directives: type-level dependencies on other files. */
export function referenceImports(sf: ts.SourceFile): ImportFacts[] {
  return sf.referencedFiles.map((ref) => ({
    specifier: ref.fileName,
    typeOnly: true,
    kind: 'reference' as const,
  }));
}
