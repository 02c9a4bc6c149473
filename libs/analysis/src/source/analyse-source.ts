import { countCodeLines, emptyRanges } from './line-counter';
import { extensionOf, languageOf } from './language-of';
import { analyseSingleFileComponent, isSingleFileComponent } from './single-file-component';
import type { Language, SourceFacts } from './source-facts';
import { isTreeSitterLanguage } from './tree-sitter/grammar-loader';
import { analyseWithTreeSitter } from './tree-sitter/tree-sitter-analyser';
import { analyseTypeScript } from './typescript/ts-source-analyser';

/** Objective-C constructs a `.h` header may hold; the C grammar would report them as errors. */
const OBJC_HEADER_HINT = /^\s*(@interface|@protocol|@property|@class|@import|#import)\b/m;
/** C++ constructs a `.h` header may hold; the C grammar would report them as errors. */
const CPP_HEADER_HINT =
  /^\s*(namespace\s+\w+|class\s+\w+[^;]*\{|template\s*<|using\s+namespace\b)|\b\w+::\w+|\bpublic:|\bprivate:/m;

function effectiveLanguage(path: string, content: string, language: Language): Language {
  if (language !== 'c' || extensionOf(path) !== 'h') return language;
  if (OBJC_HEADER_HINT.test(content)) return 'objc';
  if (CPP_HEADER_HINT.test(content)) return 'cpp';
  return language;
}

/**
 * Everything the analysis learns from one file's content: LOC, per-function complexity, imports,
 * declared names and comment text. Undefined when the language is not supported.
 *
 * Never throws: a syntax error sets `parseError` and the other figures are best effort; if the
 * parser itself fails, the result still carries the line count.
 */
export function analyseSource(path: string, content: string): SourceFacts | undefined {
  const detected = languageOf(path);
  if (!detected) return undefined;
  if (typeof content !== 'string') return undefined;
  const language = effectiveLanguage(path, content, detected);
  try {
    if (language === 'typescript' || language === 'javascript') {
      const extension = extensionOf(path);
      if (isSingleFileComponent(extension)) return analyseSingleFileComponent(path, content);
      return analyseTypeScript(path, content, language, extension);
    }
    if (isTreeSitterLanguage(language)) return analyseWithTreeSitter(language, content);
    return undefined;
  } catch (error) {
    return {
      language,
      loc: countCodeLines(content, emptyRanges()),
      functions: [],
      imports: [],
      symbols: [],
      comments: '',
      parseError: `parser failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
