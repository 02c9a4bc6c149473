import type Parser from 'tree-sitter';
import type { FunctionKind, ImportFacts } from '../source-facts';
import type { TreeSitterLanguageName } from './grammar-loader';

export type SyntaxNode = Parser.SyntaxNode;

/**
 * Cognitive complexity roles (SonarSource): a `structure` scores 1 + nesting and nests what it
 * contains; `else-if` and `else` score 1 without nesting; a `jump` (labelled break/continue, goto)
 * scores 1.
 */
export type CognitiveRole = 'structure' | 'else-if' | 'else' | 'jump';

/** What one node contributes. `parents` / `grandparents` restrict the rule to those node types. */
export interface NodeRule {
  /** McCabe increment; negative to take back one a parent added (`else ->` in a Kotlin `when`). */
  mcc?: number;
  cog?: CognitiveRole;
  parents?: readonly string[];
  grandparents?: readonly string[];
  /** A further check on the node itself; costs a node object, so keep to rare node types. */
  when?: (node: SyntaxNode) => boolean;
}

export interface FunctionRule {
  /** Or, where one node type stands for several kinds (Dart's `function_body`), read from the node. */
  kind: FunctionKind | ((node: SyntaxNode) => FunctionKind);
  /** Name of the function; default: the `name` field's text. Undefined falls back to `placeholder`. */
  name?: (node: SyntaxNode) => string | undefined;
  placeholder?: string;
  /** The type a function belongs to when it is declared outside it (Go receivers, C# accessors). */
  owner?: (node: SyntaxNode) => string | undefined;
  /** Only when the parent has one of these types (Ruby blocks passed to calls, say). */
  parents?: readonly string[];
  /** Only when this holds, e.g. the declaration has a body (abstract methods are not functions). */
  when?: (node: SyntaxNode) => boolean;
  /** Where the function is declared, when the matched node is only its body (Dart): its line. */
  start?: (node: SyntaxNode) => SyntaxNode | null;
}

/**
 * Where a declaration's name is: the field holding it, or a function for grammars whose
 * declarations are ordinary calls (Elixir's `defmodule`); undefined from it means "not a declaration".
 */
export type DeclaredName = string | ((node: SyntaxNode) => string | undefined);

/** Where collectors put what they find. */
export interface Collected {
  imports: ImportFacts[];
  symbols: Set<string>;
  packageName?: string;
  /** A docstring or similar that counts as a comment (for LOC and comment text). */
  comment(start: number, end: number, text: string): void;
}

export interface CollectRule {
  parents?: readonly string[];
  /** Only nodes whose source text starts with one of these (checked before a node object is made). */
  startsWith?: readonly string[];
  collect: (node: SyntaxNode, out: Collected) => void;
}

/** Everything the generic walker needs to know about one tree-sitter grammar. */
export interface GrammarRules {
  language: TreeSitterLanguageName;
  /** Named node types → rules. */
  named: Readonly<Record<string, NodeRule | readonly NodeRule[]>>;
  /** Anonymous tokens (`&&`, `case`, `?.`, `=` …) → rules; give `parents`, tokens are ambiguous. */
  tokens: Readonly<Record<string, NodeRule | readonly NodeRule[]>>;
  functions: Readonly<Record<string, FunctionRule>>;
  /** Class-like node types → where their name is; methods inside are named `Type.method`. */
  containers: Readonly<Record<string, DeclaredName>>;
  /** Functions in a container are `function`s, not `method`s: it is a module, not a type (Elixir). */
  modulesOnly?: boolean;
  /**
   * A container that adds members to a type declared elsewhere (Swift's `extension`): its name
   * qualifies the members but is no name this file declares.
   */
  reopens?: (node: SyntaxNode) => boolean;
  /** Other declarations whose names are symbols (interfaces, enums, traits…) → where the name is. */
  symbols: Readonly<Record<string, DeclaredName>>;
  comments: readonly string[];
  /** Binary node types whose operator field (`operatorField`) may be a logical operator. */
  binaryTypes: readonly string[];
  /** The field of a binary node that holds its operator; default `operator`. */
  operatorField?: string;
  /**
   * Named node types that hold an operator as their text (Scala's `operator_identifier`); without
   * an operator field, the binary node's child of one of these types is its operator (Dart).
   */
  operatorNodes?: readonly string[];
  /** Logical operators: +1 McCabe each, and Sonar's "sequence of like operators" for cognitive. */
  logicalOperators: readonly string[];
  /** Parenthesised-expression types, transparent for operator sequences. */
  parenTypes: readonly string[];
  /** If-node types: after an `else` token in an `elseContainers` node, an if is an else-if. */
  ifTypes: readonly string[];
  elseContainers: readonly string[];
  /** Whether `else` is a named node (Swift) instead of an anonymous token. */
  namedElse?: boolean;
  /** Fields of a structure that are evaluated before its body, so stay at the outer nesting. */
  conditionFields: readonly string[];
  collect: Readonly<Record<string, CollectRule | readonly CollectRule[]>>;
}

/** The text of a string literal node without quotes, if it has no interpolation. */
export function stringContent(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const text = node.text;
  const match = /^[A-Za-z]*(['"`<])([\s\S]*)(['"`>])$/.exec(text);
  if (!match) return undefined;
  const body = match[2];
  if (/#\{|\$\{|\{\$/.test(body)) return undefined;
  return body;
}
