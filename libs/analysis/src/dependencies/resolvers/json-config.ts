import ts from 'typescript';

/**
 * Parses tsconfig-style JSON (comments and trailing commas allowed) with the TypeScript compiler's
 * own reader; undefined when the text is not an object.
 */
export function parseJsonWithComments(
  path: string,
  text: string | undefined,
): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const { config } = ts.parseConfigFileTextToJson(path, text);
  return isRecord(config) ? config : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
