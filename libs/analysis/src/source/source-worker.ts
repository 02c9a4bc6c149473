import { parentPort } from 'node:worker_threads';
import { analyseSource } from './analyse-source';
import type { SourceFacts } from './source-facts';
import { loadWasmGrammars } from './tree-sitter/grammar-loader';

/** Request and reply of the source pool's workers. */
export interface SourceTask {
  id: number;
  path: string;
  content: string;
}

export interface SourceReply {
  id: number;
  facts: SourceFacts | undefined;
}

// The WebAssembly grammars load once, before the first batch is analysed (if they cannot, their
// files get a parse error from analyseSource, like any parser failure).
const ready = loadWasmGrammars();

// Tasks come in batches (fewer messages to copy and schedule); analyseSource never throws, so
// every task gets exactly one reply, in order.
parentPort?.on('message', (tasks: SourceTask[]) => {
  void ready.then(() => {
    const replies: SourceReply[] = tasks.map((task) => ({
      id: task.id,
      facts: analyseSource(task.path, task.content),
    }));
    parentPort!.postMessage(replies);
  });
});
