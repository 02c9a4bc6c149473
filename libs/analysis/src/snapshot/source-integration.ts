import type { BlobFacts } from '../tree/blob-facts';
import type { SourceAnalyser } from '../tree/content-pass';

export interface ClosableAnalyser extends SourceAnalyser {
  close(): Promise<void>;
}

export async function createSourceAnalyser(): Promise<ClosableAnalyser> {
  return { concurrency: 1, analyse: () => undefined, close: async () => undefined };
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
