/**
 * tree-sitter-swift 0.7 has no empty tuple expression: `()` as a value — `observer.on(.next(()))`,
 * `{ _ in () }`, `return ()`, the usual ways to pass or return `Void` — is a syntax error, and the
 * declaration around it may lose its figures. Where `()` can only be a value it is given to the
 * parser as the literal `0 `, the same length, so lines and offsets stay:
 * - after `(`, `,`, `=` (not a `typealias`), `return` or `in`, unless a type follows — a function
 *   type's parameters (`() -> Void`, `(()) throws -> T`) or a generic argument (`Result<T, ()>`);
 * - alone on its line (a closure's result).
 * After `:` it may be a parameter's type (`state _: ()`), so it is left alone there; calls
 * (`run()`) and closure invocations (`}()`) follow a name or a brace and are never touched.
 */
const NOT_A_TYPE = String.raw`(?![ \t]*(?:->|throws|rethrows|async|>|\)[ \t]*(?:->|throws|rethrows|async)))`;
const AFTER_VALUE_START = new RegExp(
  String.raw`(?<=(?:[(,]|(?<!\btypealias\s+\w+\s*)=|\breturn|\bin)[ \t]*)\(\)` + NOT_A_TYPE,
  'g',
);
const ALONE_ON_LINE = /^([ \t]*)\(\)(?=[ \t]*$)/gm;

export function withEmptyTuplesAsLiterals(content: string): string {
  if (!content.includes('()')) return content;
  return content.replace(AFTER_VALUE_START, '0 ').replace(ALONE_ON_LINE, '$10 ');
}
