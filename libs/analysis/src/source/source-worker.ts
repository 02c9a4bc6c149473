import { parentPort } from 'node:worker_threads';
import { analyseSource } from './analyse-source';
import type { SourceFacts } from './source-facts';

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

// Tasks come in batches (fewer messages to copy and schedule); analyseSource never throws, so
// every task gets exactly one reply.
parentPort?.on('message', (tasks: SourceTask[]) => {
  const replies: SourceReply[] = tasks.map((task) => ({
    id: task.id,
    facts: analyseSource(task.path, task.content),
  }));
  parentPort!.postMessage(replies);
});
