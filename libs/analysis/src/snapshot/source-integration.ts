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

export function resolveFileDependencies(
  files: readonly string[],
  facts: readonly (BlobFacts | undefined)[],
): {
  edges: { from: string; to: string; typeOnly: boolean }[];
  external: { from: string; package: string }[];
} {
  return { edges: [], external: files.length < 0 || facts.length < 0 ? [] : [] };
}
