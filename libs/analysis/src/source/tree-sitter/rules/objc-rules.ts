import type { Collected, GrammarRules, SyntaxNode } from '../grammar-rules';
import { C_RULES } from './c-rules';
import { BRANCH } from './common-rules';

/** A method's selector: `totalForMember:coupon:` for `- (int)totalForMember:(BOOL)m coupon:(id)c`, `emptyCart`. */
function selector(node: SyntaxNode): string | undefined {
  const parts = node.namedChildren.filter((child) => child.type === 'identifier').map((part) => part.text);
  if (parts.length === 0) return undefined;
  const takesArguments = node.namedChildren.some((child) => child.type === 'method_parameter');
  return takesArguments ? parts.map((part) => `${part}:`).join('') : parts[0];
}

/** `@interface Cart`, `@implementation Cart`, `@protocol Pricer` → the class or protocol. */
function className(node: SyntaxNode): string | undefined {
  return node.namedChildren.find((child) => child.type === 'identifier')?.text;
}

/** `@import UIKit;` → the module, like a system include. */
function collectModuleImport(node: SyntaxNode, out: Collected): void {
  const module = node.childForFieldName('path')?.text;
  if (module) out.imports.push({ specifier: module, typeOnly: false, kind: 'include-system' });
}

/** Objective-C: C's rules plus classes, methods (named by selector), blocks and `@try`/`@catch`. */
export const OBJC_RULES: GrammarRules = {
  ...C_RULES,
  language: 'objc',
  named: { ...C_RULES.named, catch_clause: BRANCH },
  functions: {
    ...C_RULES.functions,
    method_definition: { kind: 'method', name: selector },
    block_literal: { kind: 'lambda', name: () => undefined, placeholder: '<block>' },
  },
  containers: {
    class_interface: className,
    class_implementation: className,
    protocol_declaration: className,
  },
  // Methods declared in an @interface or @protocol are declared names although they have no body.
  symbols: { ...C_RULES.symbols, method_declaration: selector },
  collect: { ...C_RULES.collect, module_import: { collect: collectModuleImport } },
};
