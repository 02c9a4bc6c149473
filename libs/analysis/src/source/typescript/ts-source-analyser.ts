import ts from 'typescript';
import { CommentCollector } from '../comment-collector';
import { countCodeLines, type TextRanges } from '../line-counter';
import type { Language, SourceFacts } from '../source-facts';
import { scanJsComments } from './js-comment-scanner';
import { referenceImports } from './ts-imports';
import { TsWalker } from './ts-walker';

type SourceFileWithDiagnostics = ts.SourceFile & { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] };

function scriptKindOf(extension: string): ts.ScriptKind {
  switch (extension) {
    case 'tsx':
      return ts.ScriptKind.TSX;
    case 'jsx':
      return ts.ScriptKind.JSX;
    case 'js':
    case 'mjs':
    case 'cjs':
      // JS files are parsed with JSX enabled, as bundlers and ESLint's espree (with `jsx`) do.
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

function describeParseError(sf: SourceFileWithDiagnostics): string | undefined {
  const first = sf.parseDiagnostics?.[0];
  if (!first) return undefined;
  const line = sf.getLineAndCharacterOfPosition(first.start).line + 1;
  return `line ${line}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`;
}

/**
 * Facts for a TypeScript or JavaScript file, from the TypeScript compiler's parser alone (no
 * program, no type checker): that parser accepts every syntax the compiler does, which is what
 * typescript-eslint relies on too.
 */
export function analyseTypeScript(
  path: string,
  content: string,
  language: Language,
  extension: string,
): SourceFacts {
  return analyseTypeScriptWithComments(path, content, language, extension).facts;
}

/** The same, with the comment ranges found, for callers that count lines over a larger text. */
export function analyseTypeScriptWithComments(
  path: string,
  content: string,
  language: Language,
  extension: string,
): { facts: SourceFacts; comments: TextRanges } {
  // JSDoc is not needed (comment text comes from the comment scan) and costs about a tenth of parsing.
  const options: ts.CreateSourceFileOptions = {
    languageVersion: ts.ScriptTarget.Latest,
    jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
  };
  const sf = ts.createSourceFile(path, content, options, false, scriptKindOf(extension));
  const walker = new TsWalker(sf);
  let walkError: string | undefined;
  try {
    walker.walk();
  } catch (error) {
    // Only pathological nesting (a stack overflow) gets here; keep what was gathered.
    walkError = `analysis stopped early: ${error instanceof Error ? error.message : String(error)}`;
  }
  const comments = scanJsComments(content, walker.literals);
  const collector = new CommentCollector();
  for (let i = 0; i < comments.starts.length && !collector.full; i++) {
    collector.add(content.slice(comments.starts[i], comments.ends[i]));
  }
  const parseError = describeParseError(sf) ?? walkError;
  const facts: SourceFacts = {
    language,
    loc: countCodeLines(content, comments),
    functions: walker.functions,
    imports: [...walker.imports, ...referenceImports(sf)],
    symbols: [...walker.symbols],
    comments: collector.text(),
  };
  if (parseError) facts.parseError = parseError;
  return { facts, comments };
}
