import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyseSource } from './analyse-source';
import type { SourceFacts } from './source-facts';
import type { SourceReply, SourceTask } from './source-worker';

/** Source analysis spread over worker threads; one parser set per thread. */
export interface SourcePool {
  readonly threads: number;
  /** Same contract as analyseSource: resolves (never rejects) to the file's facts, or undefined. */
  analyse(path: string, content: string): Promise<SourceFacts | undefined>;
  /** Ends the workers; tasks still queued are analysed in-process first. */
  close(): Promise<void>;
}

interface Pending {
  task: SourceTask;
  resolve: (facts: SourceFacts | undefined) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Tasks not yet posted: sent together once the current turn of the event loop ends. */
  outbox: SourceTask[];
}

/** Files per message: large enough to amortise message costs, small enough that replies keep flowing. */
const BATCH = 32;

/**
 * How to start a worker. From the built .js it is the worker file itself. From TypeScript sources
 * (ts-node, Jest) the worker registers ts-node first, with its TypeScript transpiler rather than
 * swc: swc's native addon crashes the process when a worker thread loads it again after another
 * worker that loaded it has exited, unless the main thread also holds it (it does not under Jest).
 */
function workerStart(): { source: string; eval: boolean } {
  const extension = extname(__filename);
  const file = join(__dirname, `source-worker${extension}`);
  if (extension !== '.ts') return { source: file, eval: false };
  const tsNode = require.resolve('ts-node');
  const bootstrap = [
    `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, swc: false });`,
    `require(${JSON.stringify(file)});`,
  ].join('\n');
  return { source: bootstrap, eval: true };
}

/**
 * Starts `threads` workers (default: the machine's parallelism). Idle workers do not keep the
 * process alive. A worker that dies has its tasks analysed in-process and is replaced.
 */
export function createSourcePool(threads: number = availableParallelism()): SourcePool {
  const size = Math.max(1, Math.floor(threads));
  const entry = workerStart();
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = {
      worker: new Worker(entry.source, { eval: entry.eval }),
      pending: new Map(),
      outbox: [],
    };
    slot.worker.unref();
    slot.worker.on('message', (replies: SourceReply[]) => {
      for (const reply of replies) {
        const pending = slot.pending.get(reply.id);
        if (!pending) continue;
        slot.pending.delete(reply.id);
        pending.resolve(reply.facts);
      }
      if (slot.pending.size === 0) slot.worker.unref();
    });
    const fail = (): void => {
      const orphans = [...slot.pending.values()];
      slot.pending.clear();
      slot.outbox = [];
      const index = slots.indexOf(slot);
      if (index >= 0 && !closed) slots[index] = start();
      for (const { task, resolve } of orphans) resolve(analyseSource(task.path, task.content));
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    return slot;
  };
  const flush = (slot: Slot): void => {
    if (slot.outbox.length === 0 || !slots.includes(slot)) return;
    const batch = slot.outbox;
    slot.outbox = [];
    slot.worker.postMessage(batch);
  };
  for (let i = 0; i < size; i++) slots.push(start());

  return {
    threads: size,
    analyse(path, content) {
      if (closed) return Promise.resolve(analyseSource(path, content));
      const slot = slots.reduce((least, s) => (s.pending.size < least.pending.size ? s : least));
      const task: SourceTask = { id: nextId++, path, content };
      return new Promise((resolve) => {
        slot.pending.set(task.id, { task, resolve });
        if (slot.pending.size === 1) slot.worker.ref();
        slot.outbox.push(task);
        if (slot.outbox.length >= BATCH) flush(slot);
        else if (slot.outbox.length === 1) setImmediate(() => flush(slot));
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          slot.worker.removeAllListeners('exit');
          slot.worker.removeAllListeners('error');
          const orphans = [...slot.pending.values()];
          slot.pending.clear();
          slot.outbox = [];
          await slot.worker.terminate();
          for (const { task, resolve } of orphans) resolve(analyseSource(task.path, task.content));
        }),
      );
    },
  };
}
