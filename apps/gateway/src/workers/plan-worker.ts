// A thread of the plan worker pool (pool.ts): reads uploaded plans and writes decomposition tables.
// Nothing here touches the database; inputs and results are plain data.
import { parentPort, threadId } from 'node:worker_threads';
import type { Plan } from '@qxg/disclosure-core';
import { type ItemProgress, writePlanCsv, writePlanXlsx } from '@qxg/plan-io';
import { parsePlanUpload } from '../services/plan-parse';

/** A decomposition table to write: the plan with each item's status label and due day. */
export interface TableRequest {
  readonly plan: Plan;
  readonly format: 'xlsx' | 'csv';
  readonly asOf: string;
  readonly progress: ReadonlyMap<string, ItemProgress>;
}

async function writeTable(request: TableRequest): Promise<Uint8Array | string> {
  const options = { asOf: request.asOf, progress: request.progress };
  return request.format === 'xlsx'
    ? writePlanXlsx(request.plan, options)
    : writePlanCsv(request.plan, options);
}

/** The tasks a worker runs, by name. */
export const TASKS = { parseImport: parsePlanUpload, writeTable };
export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

export interface WorkerRequest {
  readonly id: number;
  readonly task: TaskName;
  readonly input: unknown;
}

export type WorkerReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly value: unknown;
      readonly threadId: number;
      readonly ms: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
    };

parentPort?.on('message', async ({ id, task, input }: WorkerRequest) => {
  const started = performance.now();
  try {
    const run = TASKS[task] as (input: unknown) => Promise<unknown>;
    const value = await run(input);
    parentPort?.postMessage({
      id,
      ok: true,
      value,
      threadId,
      ms: performance.now() - started,
    } satisfies WorkerReply);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({
      id,
      ok: false,
      name: e.name,
      message: e.message,
      ...(e.stack ? { stack: e.stack } : {}),
    } satisfies WorkerReply);
  }
});
