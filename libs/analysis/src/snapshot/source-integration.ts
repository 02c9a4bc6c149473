import { resolveDependencies, type DependencyGraph, type DependencySource } from '../dependencies';
import { analyseSource, createSourcePool } from '../source';
import { loadWasmGrammars } from '../source/tree-sitter/grammar-loader';
import type { BlobFacts } from '../tree/blob-facts';
import type { SourceAnalyser } from '../tree/content-pass';

export interface ClosableAnalyser extends SourceAnalyser {
  close(): Promise<void>;
}

/**
 * The per-language parsers. With `threads` > 0 they run on worker threads, which keeps the main
 * thread free to drain git's output (a long parse on the main thread makes every git process
 * wait on its full pipe); with 0 they run in process.
 */
export async function createSourceAnalyser(threads: number): Promise<ClosableAnalyser> {
  // Also in this thread: the pool analyses in process when a worker dies.
  await loadWasmGrammars();
  if (threads <= 0) return { concurrency: 1, analyse: analyseSource, close: async () => undefined };
  const pool = createSourcePool(threads);
  // A few tasks queued per thread hide the round trip without holding many files in memory.
  return {
    concurrency: threads * 4,
    analyse: (path, content) => pool.analyse(path, content),
    close: () => pool.close(),
  };
}

/**
 * The import graph of the analysed files. Resolution reads only what the content pass kept
 * (manifests and resolver configuration), so it needs no further access to the repository.
 */
export function resolveFileDependencies(
  files: readonly string[],
  facts: readonly (BlobFacts | undefined)[],
): DependencyGraph {
  const sources: DependencySource[] = [];
  const texts = new Map<string, string>();
  files.forEach((path, i) => {
    const fact = facts[i];
    if (!fact) return;
    if (fact.text !== undefined) texts.set(path, fact.text);
    if (fact.kind !== 'source' || fact.language === null) return;
    sources.push({
      path,
      language: fact.language,
      imports: fact.imports,
      packageName: fact.packageName,
      symbols: fact.symbols,
    });
  });
  return resolveDependencies({ paths: files, sources, readFile: (path) => texts.get(path) });
}
