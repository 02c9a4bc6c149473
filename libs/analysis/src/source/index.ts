export type {
  FunctionFacts,
  FunctionKind,
  ImportFacts,
  ImportKind,
  Language,
  SourceFacts,
} from './source-facts';
export { analyseSource } from './analyse-source';
export { languageOf } from './language-of';
export { loadWasmGrammars, preloadParsers } from './tree-sitter/grammar-loader';
export { MAX_COMMENT_CHARS } from './comment-collector';
export { createSourcePool, type SourcePool } from './source-pool';
