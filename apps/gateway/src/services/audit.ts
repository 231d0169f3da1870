import type { Prisma } from '@qxg/db';
import type { AuditAction, AuditEntityType } from './audit-vocabulary';

export type Tx = Prisma.TransactionClient;

export interface AuditInput {
  readonly actorId: string | null;
  /** A key of the audit vocabulary (audit-vocabulary.ts): every action has its label there. */
  readonly action: AuditAction;
  readonly entityType: AuditEntityType;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Writes one audit entry; call it inside the mutation's transaction so both commit or neither. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ...(entry.before === undefined ? {} : { before: toJson(entry.before) }),
      ...(entry.after === undefined ? {} : { after: toJson(entry.after) }),
    },
  });
}

/** Dates as ISO strings, undefined dropped: what JSON columns hold. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}
