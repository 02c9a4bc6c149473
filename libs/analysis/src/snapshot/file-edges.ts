export interface FileEdge {
  from: number;
  to: number;
  typeOnly: boolean;
}

export interface FileEdges {
  list: FileEdge[];
  /** Distinct files importing each file / imported by it. */
  fanIn: Int32Array;
  fanOut: Int32Array;
}

/**
 * Distinct file → file edges between analysed files: an edge is type-only when every import
 * behind it is. Edges to excluded files and self-imports are dropped.
 */
export function buildFileEdges(
  files: readonly string[],
  edges: readonly { from: string; to: string; typeOnly: boolean }[],
): FileEdges {
  const index = new Map<string, number>();
  files.forEach((path, i) => index.set(path, i));
  const byPair = new Map<number, FileEdge>();
  const n = files.length;
  for (const edge of edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = from * n + to;
    const existing = byPair.get(key);
    if (existing) existing.typeOnly &&= edge.typeOnly;
    else byPair.set(key, { from, to, typeOnly: edge.typeOnly });
  }
  const list = [...byPair.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  const fanIn = new Int32Array(n);
  const fanOut = new Int32Array(n);
  for (const edge of list) {
    fanIn[edge.to]++;
    fanOut[edge.from]++;
  }
  return { list, fanIn, fanOut };
}
