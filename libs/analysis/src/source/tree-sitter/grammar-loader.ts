import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Parser from 'tree-sitter';
import type { Language } from '../source-facts';

type TreeSitterLanguage = Parser.Language;
type ParserClass = typeof Parser;

/*
 * Native grammars are loaded on first use, synchronously: a process that analyses only Go never
 * maps the other grammar libraries. `tree-sitter-c-sharp` and the Lua grammar ship as ES
 * modules with top-level await, which `require` cannot load; their native bindings are ordinary
 * addons, so they are loaded through `node-gyp-build` (the loader the packages themselves use) and
 * no async step exists.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy, synchronous native grammar loading (see above) */
/** A grammar package's native binding, loaded without its (ES module) JavaScript entry point. */
function nativeBinding(packageName: string): unknown {
  const root = dirname(require.resolve(`${packageName}/package.json`));
  const nodeGypBuild = require(require.resolve('node-gyp-build', { paths: [root] })) as (
    dir: string,
  ) => unknown;
  return nodeGypBuild(root);
}

const LOADERS: Record<Exclude<Language, 'typescript' | 'javascript' | WasmLanguageName>, () => unknown> = {
  python: () => require('tree-sitter-python'),
  java: () => require('tree-sitter-java'),
  go: () => require('tree-sitter-go'),
  csharp: () => nativeBinding('tree-sitter-c-sharp'),
  ruby: () => require('tree-sitter-ruby'),
  kotlin: () => require('@tree-sitter-grammars/tree-sitter-kotlin'),
  scala: () => require('tree-sitter-scala'),
  swift: () => require('tree-sitter-swift'),
  elixir: () => require('tree-sitter-elixir'),
  lua: () => nativeBinding('@tree-sitter-grammars/tree-sitter-lua'),
  php: () => (require('tree-sitter-php') as { php: unknown }).php,
  rust: () => require('tree-sitter-rust'),
  c: () => require('tree-sitter-c'),
  objc: () => require('tree-sitter-objc'),
  cpp: () => require('tree-sitter-cpp'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/* eslint-disable @typescript-eslint/no-require-imports -- see treeSitter() */
const SHARED_MODULE = Symbol.for('sightline.tree-sitter.module');
let treeSitterModule: ParserClass | undefined;

/**
 * The `tree-sitter` module, evaluated once per process. Its index.js wraps the prototypes of the
 * native binding it loads; the binding is shared process-wide, so a second evaluation (Jest gives
 * every test file a fresh module registry) wraps the wrappers and breaks `rootNode` and the cursor
 * getters. The first evaluation is therefore kept on the shared binding object and reused.
 */
function treeSitter(): ParserClass {
  if (treeSitterModule) return treeSitterModule;
  const root = dirname(require.resolve('tree-sitter/package.json'));
  const nodeGypBuild = require(require.resolve('node-gyp-build', { paths: [root] })) as (
    dir: string,
  ) => Record<symbol, unknown>;
  const binding = nodeGypBuild(root);
  binding[SHARED_MODULE] ??= require('tree-sitter');
  treeSitterModule = binding[SHARED_MODULE] as ParserClass;
  return treeSitterModule;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/*
 * Grammars without a native build for this runtime run as WebAssembly, through web-tree-sitter (the
 * same parser library compiled to wasm; its nodes and cursors have the members the walker uses):
 * Dart, whose npm grammar ships only an outdated binding. Loading wasm is asynchronous, so a thread
 * awaits `loadWasmGrammars()` before it parses them: the analysis does in `createSourceAnalyser`,
 * each parser worker when it starts. Their trees live in wasm memory and are freed after the walk.
 */
const WASM_GRAMMARS = { dart: 'tree-sitter-wasms/out/tree-sitter-dart.wasm' } as const;
type WasmLanguageName = keyof typeof WASM_GRAMMARS;

export type TreeSitterLanguageName = keyof typeof LOADERS | WasmLanguageName;

const parsers = new Map<TreeSitterLanguageName, Parser>();
let wasmLoaded: Promise<void> | undefined;
let wasmFailure: Error | undefined;

function isWasmLanguage(language: TreeSitterLanguageName): language is WasmLanguageName {
  return language in WASM_GRAMMARS;
}

/**
 * Loads the WebAssembly grammars into this thread, once; later calls return the same promise. It
 * never rejects: a grammar that cannot load makes its files' parse fail with the reason, as a
 * broken native grammar does, instead of stopping the analysis.
 */
export function loadWasmGrammars(): Promise<void> {
  wasmLoaded ??= (async () => {
    const { Parser: WasmParser, Language: WasmLanguage } = await import('web-tree-sitter');
    await WasmParser.init();
    for (const [language, file] of Object.entries(WASM_GRAMMARS) as [WasmLanguageName, string][]) {
      const parser = new WasmParser();
      // Bytes, not a path: given a path, web-tree-sitter imports `fs` dynamically, which Jest's CommonJS cannot.
      parser.setLanguage(await WasmLanguage.load(readFileSync(require.resolve(file))));
      // The wasm parser offers the parse and tree API the walker uses (see above).
      parsers.set(language, parser as unknown as Parser);
    }
  })().catch((error: unknown) => {
    wasmFailure = error instanceof Error ? error : new Error(String(error));
  });
  return wasmLoaded;
}

/** Frees a tree's WebAssembly memory; native trees are garbage-collected and have no `delete`. */
export function releaseTree(tree: Parser.Tree): void {
  (tree as { delete?: () => void }).delete?.();
}

function isGrammar(value: unknown): value is TreeSitterLanguage {
  return typeof value === 'object' && value !== null && 'language' in value;
}

/** A parser for the language, created (and its grammar loaded) on first use and reused after. */
export function parserFor(language: TreeSitterLanguageName): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    if (isWasmLanguage(language))
      throw new Error(
        wasmFailure
          ? `the ${language} grammar did not load: ${wasmFailure.message}`
          : `the ${language} grammar is WebAssembly: await loadWasmGrammars() before parsing`,
      );
    const grammar = LOADERS[language]();
    if (!isGrammar(grammar)) throw new Error(`tree-sitter grammar for ${language} did not load`);
    const ParserConstructor = treeSitter();
    parser = new ParserConstructor();
    parser.setLanguage(grammar);
    parsers.set(language, parser);
  }
  return parser;
}

/**
 * Loads every grammar now instead of on first use, so that a broken install fails at start-up
 * rather than on the first file of that language. Optional for native grammars.
 */
export async function preloadParsers(): Promise<void> {
  await loadWasmGrammars();
  for (const language of [...Object.keys(LOADERS), ...Object.keys(WASM_GRAMMARS)] as TreeSitterLanguageName[])
    parserFor(language);
}

export function isTreeSitterLanguage(language: Language): language is TreeSitterLanguageName {
  return language in LOADERS || language in WASM_GRAMMARS;
}
