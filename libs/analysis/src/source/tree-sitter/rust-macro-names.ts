/**
 * The Rust grammar reads a primitive type's name as the type, never as a macro's, so an
 * invocation of a macro named like one — snapbox's `str![[r#"…"#]]`, common in test suites of
 * command-line crates — is a syntax error and the whole file loses its figures. Capitalising the
 * name's first letter makes it an ordinary macro path for the parser; offsets and lines are
 * unchanged (one letter changes case).
 */
const PRIMITIVE_NAMED_MACRO =
  /(?<![\w$#:.])(str|bool|char|[iu](?:8|16|32|64|128|size)|f32|f64)(?=!\s*[[({])/g;

export function withPrimitiveNamedMacrosRenamed(content: string): string {
  return content.replace(PRIMITIVE_NAMED_MACRO, (name) => name[0]!.toUpperCase() + name.slice(1));
}
