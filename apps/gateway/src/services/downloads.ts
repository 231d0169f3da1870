import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '@qxg/db';
import { STATUS_INFO } from '@qxg/disclosure-core';
import type { ItemProgress } from '@qxg/plan-io';
import { mayReadPublicity } from '../visibility';
import { runInWorker } from '../workers/pool';
import { calendarFor } from './calendar';
import { loadCorePlan } from './core-plan';
import { dayOutOfRange } from './day-range';
import { loadPlanFacts, workItemDueOn, workItemStatus } from './plan-facts';
import { bearerToken, userOfToken } from './sessions';
import { chinaToday } from './status';

/**
 * The decomposition table (任务分解表) of a plan with each work item's status as of a day, as
 * XLSX or CSV (written by @qxg/plan-io on a worker thread, workers/plan-worker.ts).
 */
export async function decompositionTable(
  db: Db,
  planId: string,
  format: 'xlsx' | 'csv',
  asOf: string,
): Promise<{ body: Uint8Array | string; type: string; filename: string } | null> {
  const [plan, facts] = await Promise.all([
    loadCorePlan(db.prisma, planId),
    loadPlanFacts(db.prisma, planId, await calendarFor(db)),
  ]);
  if (!plan || !facts) return null;
  const progress = new Map<string, ItemProgress>();
  let done = 0;
  for (const item of facts.workItems) {
    const status = workItemStatus(facts, item, asOf);
    const dueOn = workItemDueOn(facts, item);
    progress.set(item.id, {
      // The core's label, as on the screen (STATUS_INFO).
      status: STATUS_INFO[status.status].label.zh,
      ...(dueOn ? { dueOn } : {}),
    });
    // A 20,000-item plan: a turn of the event loop every few hundred statuses.
    if (++done % STATUS_BATCH === 0) await nextTurn();
  }
  const filename = `${planId}-任务分解表-${asOf}.${format}`;
  // The workbook is written off the request thread (exceljs: seconds for a big plan).
  const body = await runInWorker('writeTable', { plan, format, asOf, progress });
  return format === 'xlsx'
    ? { body, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename }
    : { body, type: 'text/csv; charset=utf-8', filename };
}

/** Work items judged between two turns of the event loop while a download is prepared. */
const STATUS_BATCH = 500;

const ROUTE = /^\/download\/plans\/([^/]+)\/decomposition\.(xlsx|csv)$/;

/**
 * `GET /download/plans/<planId>/decomposition.xlsx|csv?asOf=YYYY-MM-DD`: published plans for
 * anyone, others with a bearer token.
 */
export function downloadRoute(db: Db, clock: () => Date = () => new Date()) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const match = ROUTE.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    const planId = decodeURIComponent(match[1] ?? '');
    const format = match[2] as 'xlsx' | 'csv';
    const now = clock();
    const asOf = url.searchParams.get('asOf') ?? chinaToday(now);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('asOf must be YYYY-MM-DD');
      return true;
    }
    const outside = dayOutOfRange(asOf);
    if (outside) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(outside);
      return true;
    }
    const row = await db.prisma.plan.findUnique({ where: { id: planId }, select: { publicity: true } });
    const token = bearerToken(req.headers.authorization ?? null);
    const signedIn = token ? (await userOfToken(db.prisma, token, now)) !== null : false;
    if (!row || !mayReadPublicity(signedIn, row.publicity)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such plan');
      return true;
    }
    const file = await decompositionTable(db, planId, format, asOf);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No such plan');
      return true;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    });
    res.end(file.body);
    return true;
  };
}
