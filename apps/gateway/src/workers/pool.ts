// The plan worker pool: the CPU-heavy work of a request (reading an uploaded plan, writing a big
// decomposition table) runs on worker threads, so the request thread keeps answering. Plain
// node:worker_threads, a fixed pool of at most two threads, started on first use; a thread that
// dies is replaced by the next task.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import type { TaskName, Tasks, WorkerReply, WorkerRequest } from './plan-worker';

export type { TaskName, Tasks };

/** What each finished task reports to {@link observeWorkerTasks} (tests: the thread it ran on). */
export interface WorkerTaskEvent {
  readonly task: TaskName;
  /** The worker's `threadId` (never the request thread's). */
  readonly threadId: number;
  readonly ms: number;
}

const observers = new Set<(event: WorkerTaskEvent) => void>();

/** Calls `listener` after each task a worker finished; returns the unsubscribe function. */
export function observeWorkerTasks(listener: (event: WorkerTaskEvent) => void): () => void {
  observers.add(listener);
  return () => observers.delete(listener);
}

/** Threads in the pool: one on a two-core machine, two from three cores up. */
export const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

interface Pending {
  readonly task: TaskName;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

const here = import.meta.url;
/**
 * Running from source (tsx, vitest): the worker is TypeScript too. A worker does not run the
 * `--import tsx` of its execArgv before its entry file on Node 20, so a one-line bootstrap registers
 * tsx's loader and then imports the worker.
 */
const fromSource = here.endsWith('.ts');
const workerUrl = new URL(fromSource ? './plan-worker.ts' : './plan-worker.js', here);
// tsx's ESM API (its package exports give the CommonJS build to `require.resolve`).
const tsxApi = fromSource
  ? pathToFileURL(
      path.join(path.dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
    ).href
  : '';
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;

const slots: Slot[] = [];
let nextSlot = 0;
let nextId = 0;

function spawn(): Slot {
  const worker = new Worker(fromSource ? bootstrap : workerUrl, {
    eval: fromSource,
    execArgv: fromSource ? ['--conditions=@qxg/source'] : process.execArgv,
    // A runaway parse ends the worker (the task fails), not the gateway.
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  const slot: Slot = { worker, pending: new Map() };
  worker.unref();
  worker.on('message', (reply: WorkerReply) => {
    const p = slot.pending.get(reply.id);
    if (!p) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) worker.unref();
    if (reply.ok) {
      for (const o of observers) o({ task: p.task, threadId: reply.threadId, ms: reply.ms });
      p.resolve(reply.value);
    } else {
      p.reject(Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }));
    }
  });
  const fail = (error: Error) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`plan worker exited with code ${code}`)));
  return slot;
}

/** The least busy thread, a new one while the pool is not full. */
function pick(): Slot {
  const idle = slots.find((s) => s.pending.size === 0);
  if (idle) return idle;
  if (slots.length < POOL_SIZE) {
    const slot = spawn();
    slots.push(slot);
    return slot;
  }
  nextSlot = (nextSlot + 1) % slots.length;
  return slots[nextSlot] as Slot;
}

/**
 * Runs a task of workers/plan-worker.ts on a pool thread and resolves with its result (structured
 * clone both ways). Errors thrown by the task reject with their name and message.
 *
 * @example
 * ```ts
 * const bytes = await runInWorker('writeTable', { plan, format: 'xlsx', asOf, progress });
 * ```
 */
export function runInWorker<N extends TaskName>(
  task: N,
  input: Parameters<Tasks[N]>[0],
): Promise<Awaited<ReturnType<Tasks[N]>>> {
  const slot = pick();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { task, resolve: resolve as (value: unknown) => void, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, task, input } satisfies WorkerRequest);
  });
}

/** Ends the pool's threads (tests, shutdown); the next task starts new ones. */
export async function closeWorkers(): Promise<void> {
  const all = slots.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}

/** The request thread's id, for comparisons in tests. */
export const requestThreadId = threadId;
