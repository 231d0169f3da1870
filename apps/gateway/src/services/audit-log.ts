import type { Prisma, QxgPrismaClient } from '@qxg/db';
import { GraphQLError } from 'graphql';
import { MAX_PAGE } from '../builder';

export interface AuditPageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
  readonly entityType?: string | null | undefined;
  readonly entityId?: string | null | undefined;
  readonly action?: string | null | undefined;
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
  const filter: Prisma.AuditEntryWhereInput = {
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.entityId ? { entityId: args.entityId } : {}),
    ...(args.action ? { action: args.action } : {}),
  };
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
