import type { Publicity } from '@qxg/db';
import {
  type Unit as CoreUnit,
  type Deadline,
  type DeadlineIssue,
  expandAssignments,
  type Plan,
  parseDeadline,
} from '@qxg/disclosure-core';
import { type Tx, toJson, writeAudit } from './audit';

/** What `work_items.deadline` holds: the core's parsed `Deadline`, or why it could not be read. */
export type StoredDeadline =
  | Deadline
  | { readonly kind: 'unreadable'; readonly text: string; readonly issues: readonly DeadlineIssue[] };

export function parseStoredDeadline(text: string, plan: Pick<Plan, 'year' | 'issuedOn'>): StoredDeadline {
  const parsed = parseDeadline(text, { planYear: plan.year, issuedOn: plan.issuedOn });
  return parsed.ok ? parsed.value : { kind: 'unreadable', text, issues: parsed.issues };
}

const PUBLICITY: Record<Plan['publicity'], Publicity> = {
  public: 'PUBLIC',
  on_request: 'ON_REQUEST',
  not_public: 'NOT_PUBLIC',
  // A plan that does not say is treated as not (yet) published: PUBLIC readers do not see it.
  unstated: 'NOT_PUBLIC',
};

export interface LoadPlanResult {
  readonly planId: string;
  readonly units: number;
  readonly workItems: number;
  readonly assignments: number;
}

/**
 * Writes a validated core `Plan` (its units first) into the database, inside the caller's
 * transaction. Units already present are left as they are (their aliases are added when free);
 * the plan must not exist yet (`PLAN_EXISTS`).
 */
export async function loadPlan(
  tx: Tx,
  plan: Plan,
  options: { readonly actorId: string | null; readonly sourceText?: string },
): Promise<LoadPlanResult> {
  if (await tx.plan.findUnique({ where: { id: plan.id }, select: { id: true } })) {
    throw new PlanExistsError(plan.id);
  }
  const units = await upsertUnits(tx, plan.units.units);
  await tx.plan.create({
    data: {
      id: plan.id,
      docNumber: plan.docNumber,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      year: plan.year,
      recipients: plan.recipientsText,
      publicity: PUBLICITY[plan.publicity],
      basisDocuments: toJson(plan.basis),
      sourceText: options.sourceText ?? '',
    },
  });
  await tx.category.createMany({
    data: plan.categories.map((c) => ({ id: c.id, planId: plan.id, number: c.ordinal, title: c.title })),
  });
  const tasks = plan.categories.flatMap((c) => c.keyTasks.map((t) => ({ c, t })));
  await tx.keyTask.createMany({
    data: tasks.map(({ c, t }) => ({
      id: t.id,
      planId: plan.id,
      categoryId: c.id,
      number: t.number,
      title: t.title,
      body: t.body,
      bodyUnits: toJson({
        leadUnitsText: t.leadUnitsText,
        responsibleUnitsText: t.responsibleUnitsText,
        leadUnits: t.leadUnits,
        responsibleUnits: t.responsibleUnits,
      }),
      deadlinePhrases: toJson(t.deadlinePhrases),
    })),
  });
  const items = tasks.flatMap(({ t }) => t.workItems.map((w) => ({ t, w })));
  await tx.workItem.createMany({
    data: items.map(({ t, w }) => ({
      id: w.id,
      keyTaskId: t.id,
      order: w.ordinal,
      content: w.content,
      leadUnitsText: w.leadUnitsText,
      responsibleUnitsText: w.responsibleUnitsText,
      deadlineText: w.deadlineText,
      deadline: toJson(parseStoredDeadline(w.deadlineText, plan)),
    })),
  });
  const assignments = expandAssignments(plan);
  await tx.assignment.createMany({
    data: assignments.map((a) => ({
      workItemId: a.workItemId,
      unitId: a.unitId,
      role: a.role === 'lead' ? 'LEAD' : 'RESPONSIBLE',
      expandedFrom: a.via?.phrase ?? null,
    })),
  });
  await tx.safeguardMeasure.createMany({
    data: plan.safeguards.map((s) => ({
      id: s.id,
      planId: plan.id,
      number: s.ordinal,
      title: s.title,
      body: s.body,
      leadUnitsText: s.leadUnitsText,
      responsibleUnitsText: s.responsibleUnitsText,
    })),
  });
  const result = { planId: plan.id, units, workItems: items.length, assignments: assignments.length };
  await writeAudit(tx, {
    actorId: options.actorId,
    action: 'importPlan',
    entityType: 'Plan',
    entityId: plan.id,
    after: { ...result, docNumber: plan.docNumber, title: plan.title },
  });
  return result;
}

/** Inserts the units that are missing (parents first) and their free aliases; returns how many were new. */
export async function upsertUnits(tx: Tx, units: readonly CoreUnit[]): Promise<number> {
  const existing = new Set((await tx.unit.findMany({ select: { id: true } })).map((u) => u.id));
  const takenAliases = new Set(
    (await tx.unitAlias.findMany({ select: { alias: true } })).map((a) => a.alias),
  );
  const missing = units.filter((u) => !existing.has(u.id));
  // Parents before children: insert without parents, then set them.
  await tx.unit.createMany({ data: missing.map((u) => ({ id: u.id, canonicalName: u.name, kind: u.kind })) });
  for (const u of missing) {
    if (u.parentId) await tx.unit.update({ where: { id: u.id }, data: { parentId: u.parentId } });
  }
  const aliases: { alias: string; unitId: string }[] = [];
  for (const u of units) {
    for (const alias of u.aliases) {
      if (alias === u.name || takenAliases.has(alias)) continue;
      takenAliases.add(alias);
      aliases.push({ alias, unitId: u.id });
    }
  }
  if (aliases.length > 0) await tx.unitAlias.createMany({ data: aliases });
  return missing.length;
}

export class PlanExistsError extends Error {
  constructor(readonly planId: string) {
    super(`plan ${planId} already exists`);
    this.name = 'PlanExistsError';
  }
}
