import type { Assignment, Unit } from '@qxg/db';
import { unitNameKey } from '@qxg/disclosure-core';
import { fail } from '../schema/user-errors';
import { type Tx, writeAudit } from './audit';
import { unitSnapshot } from './units';

/** What a merge moved to the kept unit (the audit entry's `moved`). */
export interface MergeCounts {
  /** Assignments that now belong to the kept unit. */
  assignments: number;
  /** Assignments folded into one the kept unit had on the same work item (their reports moved). */
  folded: number;
  /** Progress reports that moved with folded assignments. */
  reports: number;
  users: number;
  events: number;
  manualScores: number;
  /** Manual scores dropped because the kept unit has its own for the same scheme and indicator. */
  manualScoresDropped: number;
  children: number;
}

/**
 * Merges unit `mergeId` into `keepId`, in the caller's transaction: the merged unit's assignments,
 * reports, users, events and manual scores move to the kept unit, its children are re-parented, its
 * name and aliases become the kept unit's aliases, and it is deleted. Audited (`mergeUnits`).
 *
 * Duplicates (both units have a duty on the same work item): the kept unit's assignment stays and
 * the merged one is folded into it: its reports move over (history kept, the newest report decides
 * as always) and it is deleted. When the merged unit led the item and the kept unit was only
 * responsible, the lead duty survives (a unit that leads an item is never also responsible for it):
 * the merged assignment moves to the kept unit and the kept unit's responsible one is folded into it.
 * A manual score both units have for the same scheme and indicator: the kept unit's stays.
 */
export async function mergeUnitRows(
  tx: Tx,
  actorId: string | null,
  keepId: string,
  mergeId: string,
): Promise<{ unit: Unit; moved: MergeCounts }> {
  if (keepId === mergeId)
    fail('INVALID_INPUT', { zh: '不能把单位合并到其自身。', en: 'A unit cannot be merged into itself.' }, [
      'mergeId',
    ]);
  const kept = await unitSnapshot(tx, keepId);
  if (!kept) fail('UNKNOWN_UNIT', { zh: `找不到单位:${keepId}`, en: `No unit ${keepId}` }, ['keepId']);
  const merged = await unitSnapshot(tx, mergeId);
  if (!merged) fail('UNKNOWN_UNIT', { zh: `找不到单位:${mergeId}`, en: `No unit ${mergeId}` }, ['mergeId']);
  const moved: MergeCounts = {
    assignments: 0,
    folded: 0,
    reports: 0,
    users: 0,
    events: 0,
    manualScores: 0,
    manualScoresDropped: 0,
    children: 0,
  };
  await moveAssignments(tx, keepId, mergeId, moved);
  moved.users = (await tx.user.updateMany({ where: { unitId: mergeId }, data: { unitId: keepId } })).count;
  moved.events = (
    await tx.outsideEvent.updateMany({ where: { unitId: mergeId }, data: { unitId: keepId } })
  ).count;
  await moveManualScores(tx, keepId, mergeId, moved);
  moved.children = (
    await tx.unit.updateMany({
      where: { parentId: mergeId, id: { not: keepId } },
      data: { parentId: keepId },
    })
  ).count;
  // The kept unit under the merged one: it takes the merged unit's place (its parent).
  const keptRow = await tx.unit.findUniqueOrThrow({ where: { id: keepId } });
  const mergedRow = await tx.unit.findUniqueOrThrow({ where: { id: mergeId } });
  if (keptRow.parentId === mergeId) {
    const parentId = mergedRow.parentId === keepId ? null : mergedRow.parentId;
    await tx.unit.update({ where: { id: keepId }, data: { parentId } });
  }
  // The merged unit's names become the kept unit's aliases (after it is gone: names are unique).
  const names = [merged.canonicalName, ...merged.aliases];
  await tx.unit.delete({ where: { id: mergeId } });
  const have = new Set([kept.canonicalName, ...kept.aliases].map(unitNameKey));
  const aliases = names.filter((n) => {
    const key = unitNameKey(n);
    if (have.has(key)) return false;
    have.add(key);
    return true;
  });
  if (aliases.length > 0)
    await tx.unitAlias.createMany({ data: aliases.map((alias) => ({ alias, unitId: keepId })) });
  await writeAudit(tx, {
    actorId,
    action: 'mergeUnits',
    entityType: 'Unit',
    entityId: keepId,
    before: { kept, merged },
    after: {
      keptUnitId: keepId,
      mergedUnitId: mergeId,
      mergedName: merged.canonicalName,
      moved,
      ...(await unitSnapshot(tx, keepId)),
    },
  });
  return { unit: await tx.unit.findUniqueOrThrow({ where: { id: keepId } }), moved };
}

async function moveAssignments(tx: Tx, keepId: string, mergeId: string, moved: MergeCounts): Promise<void> {
  const theirs = await tx.assignment.findMany({ where: { unitId: mergeId }, orderBy: { id: 'asc' } });
  if (theirs.length === 0) return;
  const ours = await tx.assignment.findMany({
    where: { unitId: keepId, workItemId: { in: [...new Set(theirs.map((a) => a.workItemId))] } },
  });
  const byItem = new Map<string, Assignment[]>();
  for (const a of ours) byItem.set(a.workItemId, [...(byItem.get(a.workItemId) ?? []), a]);
  for (const m of theirs) {
    const existing = byItem.get(m.workItemId) ?? [];
    const target = existing.find((k) => k.role === m.role) ?? existing.find((k) => k.role === 'LEAD');
    if (existing.length === 0) {
      await tx.assignment.update({
        where: { id: m.id },
        data: { unitId: keepId, version: { increment: 1 } },
      });
      moved.assignments++;
    } else if (target) {
      await fold(tx, m.id, target.id, moved);
    } else {
      // The merged unit led, the kept unit was responsible: the lead duty stays, with both histories.
      await tx.assignment.update({
        where: { id: m.id },
        data: { unitId: keepId, version: { increment: 1 } },
      });
      moved.assignments++;
      for (const k of existing) await fold(tx, k.id, m.id, moved);
    }
  }
}

/** Moves the reports of assignment `from` to `to` and deletes `from` (its status snapshots go with it). */
async function fold(tx: Tx, from: string, to: string, moved: MergeCounts): Promise<void> {
  moved.reports += (
    await tx.progressReport.updateMany({ where: { assignmentId: from }, data: { assignmentId: to } })
  ).count;
  await tx.assignment.delete({ where: { id: from } });
  await tx.assignment.update({ where: { id: to }, data: { version: { increment: 1 } } });
  await tx.statusSnapshot.deleteMany({ where: { assignmentId: to } });
  moved.folded++;
}

async function moveManualScores(tx: Tx, keepId: string, mergeId: string, moved: MergeCounts): Promise<void> {
  const theirs = await tx.manualScore.findMany({ where: { unitId: mergeId } });
  for (const s of theirs) {
    const clash = await tx.manualScore.findUnique({
      where: {
        schemeId_unitId_indicatorId: { schemeId: s.schemeId, unitId: keepId, indicatorId: s.indicatorId },
      },
    });
    if (clash) {
      await tx.manualScore.delete({ where: { id: s.id } });
      moved.manualScoresDropped++;
    } else {
      await tx.manualScore.update({ where: { id: s.id }, data: { unitId: keepId } });
      moved.manualScores++;
    }
  }
}
