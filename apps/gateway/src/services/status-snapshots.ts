import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db, ProgressReport } from '@qxg/db';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Tx } from './audit';
import { calendarIn } from './calendar';
import type { StoredDeadline } from './load-plan';
import { recordedEvents } from './plan-facts';
import { standingReports, toDeadlineReport } from './reports';
import { chinaToday, statusOf } from './status';

/** Assignments evaluated, compared and written per batch (then the event loop gets a turn). */
export const SNAPSHOT_BATCH_SIZE = 500;

/**
 * PostgreSQL advisory lock keys (next to bootstrap's start-up lock 7_120_200_084). Every refresh
 * waits on the writer lock, so two refreshes never write the same day at once; the daily refresh
 * first try-locks the daily key, so of several gateways only one does it.
 */
export const SNAPSHOT_WRITER_LOCK = 7_120_200_085;
export const SNAPSHOT_DAILY_LOCK = 7_120_200_086;

export interface SnapshotRefreshOptions {
  /** Assignments per batch (default {@link SNAPSHOT_BATCH_SIZE}). */
  readonly batchSize?: number;
  /** Awaited after each batch; default: one turn of the event loop (`setImmediate`). */
  readonly pause?: () => Promise<void>;
  /**
   * `'wait'` (default): wait for another refresh to finish, then run. `'try'`: the daily refresh:
   * on PostgreSQL, skip when another process holds the daily lock (it is doing the same work).
   */
  readonly lock?: 'wait' | 'try';
}

export interface SnapshotRefreshResult {
  readonly asOf: string;
  /** Assignments whose status was evaluated (every assignment of every plan). */
  readonly assignments: number;
  /** Rows written: the statuses that changed since the day's last refresh, or were missing. */
  readonly written: number;
  /** Batches the work was split into (one pause after each). */
  readonly batches: number;
  /** True when another process held the daily lock and this one did nothing. */
  readonly skipped: boolean;
}

type SnapshotRow = {
  assignmentId: string;
  asOf: string;
  status: string;
  dueOn: string | null;
  isOverdue: boolean;
  workingDaysLeft: number | null;
  explanationZh: string;
  explanationEn: string;
};

const sameRow = (a: SnapshotRow, b: SnapshotRow) =>
  a.status === b.status &&
  a.dueOn === b.dueOn &&
  a.isOverdue === b.isOverdue &&
  a.workingDaysLeft === b.workingDaysLeft &&
  a.explanationZh === b.explanationZh &&
  a.explanationEn === b.explanationEn;

/** One process refreshes one thing at a time (SQLite has no advisory locks; PostgreSQL's are per session). */
const running = new WeakMap<Db, Promise<unknown>>();

/**
 * Brings the status snapshots of a day up to date for every assignment of every plan (what the SQL
 * views read; docs/analysts.md). Statuses are computed by the core, as in the API. The work goes in
 * batches of assignments (read, evaluate, compare, write the rows that changed), with a turn of the
 * event loop after each, so a large plan never holds the gateway for long; unchanged rows are not
 * rewritten (their `computed_at` stays the time their status was last computed differently).
 *
 * On PostgreSQL the refresh is one transaction holding an advisory lock (readers see the day
 * before or after, never half of it); on SQLite each batch commits on its own, so writers are
 * never blocked for more than one batch.
 */
export async function refreshStatusSnapshots(
  db: Db,
  asOf: string,
  options: SnapshotRefreshOptions = {},
): Promise<SnapshotRefreshResult> {
  const previous = running.get(db) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      if (db.engine !== 'postgresql') return refreshIn(db.prisma as unknown as Tx, asOf, options, true);
      return db.prisma.$transaction(
        async (tx) => {
          if (options.lock === 'try') {
            const [got] = await tx.$queryRawUnsafe<{ ok: boolean }[]>(
              `SELECT pg_try_advisory_xact_lock(${SNAPSHOT_DAILY_LOCK}) AS ok`,
            );
            if (!got?.ok) return { asOf, assignments: 0, written: 0, batches: 0, skipped: true };
          }
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SNAPSHOT_WRITER_LOCK})`);
          return refreshIn(tx, asOf, options, false);
        },
        { maxWait: 60_000, timeout: 900_000 },
      );
    });
  running.set(db, run);
  try {
    return await run;
  } finally {
    if (running.get(db) === run) running.delete(db);
  }
}

/**
 * The same inside the caller's transaction (the ADMIN `refreshStatusSnapshots` mutation, any day).
 * Returns the number of assignments evaluated.
 */
export async function refreshStatusSnapshotsIn(tx: Tx, asOf: string): Promise<number> {
  return (await refreshIn(tx, asOf, {}, false)).assignments;
}

async function refreshIn(
  client: Tx,
  asOf: string,
  options: SnapshotRefreshOptions,
  commitPerBatch: boolean,
): Promise<SnapshotRefreshResult> {
  const size = options.batchSize ?? SNAPSHOT_BATCH_SIZE;
  const pause = options.pause ?? (() => nextTurn());
  const plans = await client.plan.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const events = recordedEvents(await client.outsideEvent.findMany({ orderBy: { occurredOn: 'asc' } }));
  const calendar = await calendarIn(client);
  let assignments = 0;
  let written = 0;
  let batches = 0;
  for (const { id: planId } of plans) {
    const items = await client.workItem.findMany({
      where: { keyTask: { planId } },
      select: { id: true, deadline: true },
    });
    const deadlines = new Map(items.map((w) => [w.id, w.deadline as unknown as StoredDeadline]));
    let after = '';
    for (;;) {
      const page = await client.assignment.findMany({
        where: { workItem: { keyTask: { planId } }, id: { gt: after } },
        select: { id: true, workItemId: true },
        orderBy: { id: 'asc' },
        take: size,
      });
      if (page.length === 0) break;
      after = page[page.length - 1]?.id ?? after;
      const ids = page.map((a) => a.id);
      const [reports, stored] = await Promise.all([
        client.progressReport.findMany({
          where: { assignmentId: { in: ids } },
          orderBy: [{ reportedOn: 'asc' }, { createdAt: 'asc' }],
        }),
        client.statusSnapshot.findMany({
          where: { asOf, assignmentId: { in: ids } },
          select: {
            assignmentId: true,
            asOf: true,
            status: true,
            dueOn: true,
            isOverdue: true,
            workingDaysLeft: true,
            explanationZh: true,
            explanationEn: true,
          },
        }),
      ]);
      const reportsOf = new Map<string, ProgressReport[]>();
      for (const r of reports) {
        const list = reportsOf.get(r.assignmentId);
        if (list) list.push(r);
        else reportsOf.set(r.assignmentId, [r]);
      }
      const before = new Map(stored.map((s) => [s.assignmentId, s]));
      const changed: SnapshotRow[] = [];
      for (const a of page) {
        const deadline = deadlines.get(a.workItemId);
        if (!deadline) continue;
        const standing = standingReports(reportsOf.get(a.id) ?? [], asOf).map(toDeadlineReport);
        const s = statusOf(deadline, standing, events, asOf, calendar);
        const row: SnapshotRow = {
          assignmentId: a.id,
          asOf,
          status: s.status,
          dueOn: s.dueOn,
          isOverdue: s.isOverdue,
          workingDaysLeft: s.workingDaysLeft,
          explanationZh: s.explanation.zh,
          explanationEn: s.explanation.en,
        };
        const old = before.get(a.id);
        if (!old || !sameRow(old, row)) changed.push(row);
      }
      if (changed.length > 0) await writeRows(client, asOf, changed, commitPerBatch);
      assignments += page.length;
      written += changed.length;
      batches++;
      await pause();
    }
  }
  return { asOf, assignments, written, batches, skipped: false };
}

async function writeRows(client: Tx, asOf: string, rows: SnapshotRow[], commit: boolean): Promise<void> {
  const where = { asOf, assignmentId: { in: rows.map((r) => r.assignmentId) } };
  if (commit) {
    // The plain client (SQLite): this batch commits on its own.
    const prisma = client as unknown as Db['prisma'];
    await prisma.$transaction([
      prisma.statusSnapshot.deleteMany({ where }),
      prisma.statusSnapshot.createMany({ data: rows }),
    ]);
    return;
  }
  await client.statusSnapshot.deleteMany({ where });
  await client.statusSnapshot.createMany({ data: rows });
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Milliseconds from `now` to the next 00:00 in China (Asia/Shanghai is UTC+8 all year: no daylight
 * saving). At exactly midnight the answer is a full day.
 *
 * @example msUntilChinaMidnight(new Date('2020-09-15T15:59:30Z')) // 30_000 (23:59:30 in Beijing)
 */
export function msUntilChinaMidnight(now: Date): number {
  return DAY_MS - ((((now.getTime() + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS);
}

export interface SnapshotRefresher {
  /** Asks for today's snapshots to be brought up to date (after a write); requests coalesce. */
  request(): void;
  /** Resolves once no refresh is running or asked for. */
  idle(): Promise<void>;
  /** Stops the daily timer. */
  close(): void;
}

export interface SnapshotRefresherOptions extends Pick<SnapshotRefreshOptions, 'batchSize' | 'pause'> {
  readonly db: Db;
  readonly clock?: () => Date;
  /** Refresh at each 00:00 China time (default false; `qxg serve` turns it on). */
  readonly daily?: boolean;
  readonly onRefreshed?: (result: SnapshotRefreshResult, reason: 'write' | 'daily') => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Keeps today's snapshots fresh in a running gateway: after every write that changes a status
 * (see {@link useSnapshotRefresh}) and at 00:00 China time. A request made while a refresh runs is
 * served by one more refresh after it (reads in the running one may predate the write); any number
 * of requests in the meantime make one.
 */
export function createSnapshotRefresher(options: SnapshotRefresherOptions): SnapshotRefresher {
  const clock = options.clock ?? (() => new Date());
  const onError = options.onError ?? (() => {});
  const batch = {
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.pause ? { pause: options.pause } : {}),
  };
  let pending = false;
  let loop: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const drain = async () => {
    while (pending) {
      pending = false;
      try {
        const result = await refreshStatusSnapshots(options.db, chinaToday(clock()), batch);
        options.onRefreshed?.(result, 'write');
      } catch (error) {
        onError(error);
      }
    }
    loop = null;
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(async () => {
      try {
        const result = await refreshStatusSnapshots(options.db, chinaToday(clock()), {
          ...batch,
          lock: 'try',
        });
        options.onRefreshed?.(result, 'daily');
      } catch (error) {
        onError(error);
      }
      schedule();
    }, msUntilChinaMidnight(clock()));
    timer.unref();
  };
  if (options.daily) schedule();

  return {
    request() {
      pending = true;
      loop ??= drain();
    },
    async idle() {
      while (loop) await loop;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** Root mutation fields whose writes can change a status (reports, corrections, events, plans). */
export const STATUS_WRITES: ReadonlySet<string> = new Set([
  'recordProgress',
  'supersedeReport',
  'bulkUpdateStatus',
  'recordEvent',
  'updateEvent',
  'deleteEvent',
  'importPlan',
  'loadCalendarYear',
  'removeCalendarYear',
  'setLocalDay',
  'removeLocalDay',
  'mergeUnits',
]);

/**
 * A yoga plugin: once a mutation with a status-changing root field has executed (its transaction
 * committed), asks the refresher to bring today's snapshots up to date. The answer is not delayed.
 */
export function useSnapshotRefresh(refresher: SnapshotRefresher): Plugin {
  return {
    onExecute({ args }) {
      const operation = (args.document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === 'OperationDefinition' &&
          (args.operationName ? d.name?.value === args.operationName : true),
      );
      if (operation?.operation !== 'mutation') return undefined;
      const writes = operation.selectionSet.selections.some(
        (s) => s.kind === 'Field' && STATUS_WRITES.has(s.name.value),
      );
      if (!writes) return undefined;
      return {
        onExecuteDone() {
          refresher.request();
        },
      };
    },
  };
}
