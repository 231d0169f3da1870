import type { Db, QxgPrismaClient } from '@qxg/db';
import type { Tx } from './audit';
import { assignmentStatus, loadPlanFacts } from './plan-facts';

/**
 * Writes the status of every assignment of every plan as of a day into `status_snapshots` (replacing
 * that day's rows), for the SQL views. Statuses are computed by the core, as in the API.
 */
export async function refreshStatusSnapshots(db: Db, asOf: string): Promise<number> {
  return db.prisma.$transaction((tx) => refreshStatusSnapshotsIn(tx, asOf), { timeout: 300_000 });
}

/** The same inside the caller's transaction. */
export async function refreshStatusSnapshotsIn(tx: Tx, asOf: string): Promise<number> {
  const plans = await tx.plan.findMany({ select: { id: true } });
  let written = 0;
  await tx.statusSnapshot.deleteMany({ where: { asOf } });
  for (const { id } of plans) {
    // The facts loader only reads through model delegates, which a transaction client has too.
    const facts = await loadPlanFacts(tx as unknown as QxgPrismaClient, id);
    if (!facts) continue;
    const rows = facts.assignments.map((a) => {
      const s = assignmentStatus(facts, a, asOf);
      return {
        assignmentId: a.id,
        asOf,
        status: s.status,
        dueOn: s.dueOn,
        isOverdue: s.isOverdue,
        workingDaysLeft: s.workingDaysLeft,
        explanationZh: s.explanation.zh,
        explanationEn: s.explanation.en,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await tx.statusSnapshot.createMany({ data: rows.slice(i, i + 500) });
    written += rows.length;
  }
  return written;
}
