import { resolveDependencies, type DependencyGraph, type DependencySource } from '../dependencies';
import { analyseSource } from '../source';
import type { BlobFacts } from '../tree/blob-facts';
import type { SourceAnalyser } from '../tree/content-pass';

export interface ClosableAnalyser extends SourceAnalyser {
  close(): Promise<void>;
}

/** The per-language parsers, in process: parsing shares the main thread with the history reader. */
export async function createSourceAnalyser(): Promise<ClosableAnalyser> {
  return { concurrency: 1, analyse: analyseSource, close: async () => undefined };
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
