import type { Prisma, QxgPrismaClient } from '@qxg/db';
import { GraphQLError } from 'graphql';
import { MAX_PAGE } from '../builder';
import { actionsMatching } from './audit-vocabulary';

export interface AuditPageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
  readonly entityType?: string | null | undefined;
  readonly entityId?: string | null | undefined;
  /** A key (`recordProgress`) or part of a label in either language (报送进展, 报送). */
  readonly action?: string | null | undefined;
  /** The user who acted (raw id). */
  readonly actorId?: string | null | undefined;
  /** Entries about a unit: the unit, its users, assignments, reports, events and manual scores. */
  readonly unitId?: string | null | undefined;
  /** China calendar days `YYYY-MM-DD`, both included. */
  readonly from?: string | null | undefined;
  readonly to?: string | null | undefined;
}

/** The most rows of one kind the unit filter lists (keeps the query within every engine's limits). */
const UNIT_FILTER_ROWS = 5_000;

/** The instant a China calendar day starts (UTC+8, no daylight saving). */
function chinaDayStart(day: string, field: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00+08:00`) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()))
    throw new GraphQLError(`${field} 须为 YYYY-MM-DD。${field} must be YYYY-MM-DD: ${day.slice(0, 40)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return at;
}

/** The rows an entry about `unitId` can name. */
async function unitFilter(prisma: QxgPrismaClient, unitId: string): Promise<Prisma.AuditEntryWhereInput> {
  const take = UNIT_FILTER_ROWS;
  const [users, assignments, events, scores] = await Promise.all([
    prisma.user.findMany({ where: { unitId }, select: { id: true }, take }),
    prisma.assignment.findMany({ where: { unitId }, select: { id: true }, take }),
    prisma.outsideEvent.findMany({ where: { unitId }, select: { id: true }, take }),
    prisma.manualScore.findMany({ where: { unitId }, select: { id: true }, take }),
  ]);
  const reports = await prisma.progressReport.findMany({
    where: { assignment: { unitId } },
    select: { id: true },
    orderBy: { createdAt: 'desc' },
    take,
  });
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const about = (entityType: string, list: string[]): Prisma.AuditEntryWhereInput[] =>
    list.length > 0 ? [{ entityType, entityId: { in: list } }] : [];
  return {
    OR: [
      { entityType: 'Unit', entityId: unitId },
      ...about('User', ids(users)),
      ...(users.length > 0 ? [{ actorId: { in: ids(users) } }] : []),
      ...about('Assignment', ids(assignments)),
      ...about('ProgressReport', ids(reports)),
      ...about('OutsideEvent', ids(events)),
      ...about('ManualScore', ids(scores)),
    ],
  };
}

/** The `where` of the audit log's filters (action by key or label, person, unit, days). */
export async function auditFilter(
  prisma: QxgPrismaClient,
  args: AuditPageArgs,
): Promise<Prisma.AuditEntryWhereInput> {
  const actions = actionsMatching(args.action);
  const and: Prisma.AuditEntryWhereInput[] = [
    ...(args.entityType ? [{ entityType: args.entityType }] : []),
    ...(args.entityId ? [{ entityId: args.entityId }] : []),
    ...(actions ? [{ action: { in: actions } }] : []),
    ...(args.actorId ? [{ actorId: args.actorId }] : []),
    ...(args.from ? [{ at: { gte: chinaDayStart(args.from, 'from') } }] : []),
    ...(args.to ? [{ at: { lt: new Date(chinaDayStart(args.to, 'to').getTime() + 86_400_000) } }] : []),
    ...(args.unitId ? [await unitFilter(prisma, args.unitId)] : []),
  ];
  return { AND: and };
}

/** An entry's cursor: its time and id (the order's keys), opaque to clients. */
export function auditCursor(entry: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([entry.at.toISOString(), entry.id])).toString('base64url');
}

function readCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id === 'string' && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // fall through
  }
  throw new GraphQLError(`不是有效的游标。Not a valid cursor: ${cursor.slice(0, 80)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * The audit log, newest first, one page read from the database with a keyset (`at`, `id` below the
 * cursor's): every entry can be reached, however long the log, and a page reads at most
 * `first + 1` rows.
 */
export async function pageAuditLog(prisma: QxgPrismaClient, args: AuditPageArgs) {
  if (args.last != null || args.before != null) {
    throw new GraphQLError(
      '审计日志只能向后翻页(first/after)。The audit log pages forward only (first/after).',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const first = args.first ?? MAX_PAGE;
  if (first < 1 || first > MAX_PAGE) {
    throw new GraphQLError(`first must be between 1 and ${MAX_PAGE}, got ${first}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const filter = await auditFilter(prisma, args);
  const after = args.after ? readCursor(args.after) : null;
  const rows = await prisma.auditEntry.findMany({
    where: after
      ? { AND: [filter, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] }
      : filter,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  const entries = rows.slice(0, first);
  const edges = entries.map((node) => ({ cursor: auditCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
