import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Engine, Prisma, Publicity } from '@qxg/db';
import {
  type Unit as CoreUnit,
  type Deadline,
  type DeadlineIssue,
  expandAssignments,
  type Plan,
  type PlanInput,
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

/** The fields a stored plan and the core's `Plan` share, under the same names. */
export type PlanHeader = Pick<PlanInput, 'id' | 'docNumber' | 'title' | 'issuer' | 'issuedOn' | 'year'>;

/** The {@link PlanHeader} of a stored plan or of a core `Plan` (either way round). */
export function planHeader({ id, docNumber, title, issuer, issuedOn, year }: PlanHeader): PlanHeader {
  return { id, docNumber, title, issuer, issuedOn, year };
}

export interface LoadPlanResult {
  readonly planId: string;
  readonly units: number;
  readonly workItems: number;
  readonly assignments: number;
}

/**
 * Every row a plan is stored as, computed without the database: the plan's own row, its units, and
 * the rows of each table (deadlines parsed, assignments expanded). This is the CPU-heavy half of
 * storing a plan, so an import computes it in the plan worker (workers/plan-worker.ts) and only the
 * writes run on the request thread. Plain data: it crosses a `postMessage` as it is.
 */
export interface PlanRows {
  readonly plan: PlanHeader & {
    readonly recipients: string;
    readonly publicity: Publicity;
    readonly basisDocuments: Prisma.InputJsonValue;
    readonly sourceText: string;
  };
  readonly units: readonly CoreUnit[];
  readonly categories: readonly { id: string; planId: string; number: number; title: string }[];
  readonly keyTasks: readonly {
    id: string;
    planId: string;
    categoryId: string;
    number: number;
    title: string;
    body: string;
    bodyUnits: Prisma.InputJsonValue;
    deadlinePhrases: Prisma.InputJsonValue;
  }[];
  readonly workItems: readonly {
    id: string;
    keyTaskId: string;
    order: number;
    content: string;
    leadUnitsText: string;
    responsibleUnitsText: string;
    deadlineText: string;
    deadline: Prisma.InputJsonValue;
  }[];
  readonly assignments: readonly {
    workItemId: string;
    unitId: string;
    role: 'LEAD' | 'RESPONSIBLE';
    expandedFrom: string | null;
  }[];
  readonly safeguards: readonly {
    id: string;
    planId: string;
    number: number;
    title: string;
    body: string;
    leadUnitsText: string;
    responsibleUnitsText: string;
  }[];
}

/** The rows of a validated core `Plan` (see {@link PlanRows}). */
export function planRows(plan: Plan, sourceText = ''): PlanRows {
  const tasks = plan.categories.flatMap((c) => c.keyTasks.map((t) => ({ c, t })));
  return {
    plan: {
      ...planHeader(plan),
      recipients: plan.recipientsText,
      publicity: PUBLICITY[plan.publicity],
      basisDocuments: toJson(plan.basis),
      sourceText,
    },
    units: plan.units.units,
    categories: plan.categories.map((c) => ({
      id: c.id,
      planId: plan.id,
      number: c.ordinal,
      title: c.title,
    })),
    keyTasks: tasks.map(({ c, t }) => ({
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
    workItems: tasks.flatMap(({ t }) =>
      t.workItems.map(({ id, ordinal, content, leadUnitsText, responsibleUnitsText, deadlineText }) => ({
        id,
        keyTaskId: t.id,
        order: ordinal,
        content,
        leadUnitsText,
        responsibleUnitsText,
        deadlineText,
        deadline: toJson(parseStoredDeadline(deadlineText, plan)),
      })),
    ),
    assignments: expandAssignments(plan).map((a) => ({
      workItemId: a.workItemId,
      unitId: a.unitId,
      role: a.role === 'lead' ? ('LEAD' as const) : ('RESPONSIBLE' as const),
      expandedFrom: a.via?.phrase ?? null,
    })),
    safeguards: plan.safeguards.map((s) => ({
      id: s.id,
      planId: plan.id,
      number: s.ordinal,
      title: s.title,
      body: s.body,
      leadUnitsText: s.leadUnitsText,
      responsibleUnitsText: s.responsibleUnitsText,
    })),
  };
}

export interface LoadPlanOptions {
  readonly actorId: string | null;
  readonly sourceText?: string;
  /**
   * The engine, to write the big tables (key tasks, work items, assignments) with plain multi-row
   * INSERTs ({@link bulkInsert}); without it they go through Prisma's `createMany`.
   */
  readonly engine?: Engine;
}

/**
 * Writes a validated core `Plan` (its units first) into the database, inside the caller's
 * transaction. Units already present are left as they are (their aliases are added when free);
 * the plan must not exist yet (`PLAN_EXISTS`).
 */
export async function loadPlan(tx: Tx, plan: Plan, options: LoadPlanOptions): Promise<LoadPlanResult> {
  return loadPlanRows(tx, planRows(plan, options.sourceText ?? ''), options);
}

/**
 * {@link loadPlan} from rows computed beforehand ({@link planRows}, in the plan worker). With an
 * `engine`, on PostgreSQL the event loop gets a turn between statements (the transaction has its own
 * connection); on SQLite it does not: every query of the process shares the one connection, so a
 * request served during a pause would read, or write, inside the open import.
 */
export async function loadPlanRows(
  tx: Tx,
  rows: PlanRows,
  options: LoadPlanOptions,
): Promise<LoadPlanResult> {
  const planId = rows.plan.id;
  if (await tx.plan.findUnique({ where: { id: planId }, select: { id: true } })) {
    throw new PlanExistsError(planId);
  }
  const units = await upsertUnits(tx, rows.units);
  await tx.plan.create({ data: rows.plan });
  await tx.category.createMany({ data: [...rows.categories] });
  const { engine } = options;
  if (engine) {
    const pause = engine === 'postgresql' ? () => nextTurn() : async () => {};
    const json = (v: unknown) => JSON.stringify(v);
    await bulkInsert(
      tx,
      engine,
      'key_tasks',
      [
        ['id', (r) => r.id],
        ['plan_id', (r) => r.planId],
        ['category_id', (r) => r.categoryId],
        ['number', (r) => r.number],
        ['title', (r) => r.title],
        ['body', (r) => r.body],
        ['body_units', (r) => json(r.bodyUnits), 'jsonb'],
        ['deadline_phrases', (r) => json(r.deadlinePhrases), 'jsonb'],
      ],
      rows.keyTasks,
      pause,
    );
    await bulkInsert(
      tx,
      engine,
      'work_items',
      [
        ['id', (r) => r.id],
        ['key_task_id', (r) => r.keyTaskId],
        ['position', (r) => r.order],
        ['content', (r) => r.content],
        ['lead_units_text', (r) => r.leadUnitsText],
        ['responsible_units_text', (r) => r.responsibleUnitsText],
        ['deadline_text', (r) => r.deadlineText],
        ['deadline', (r) => json(r.deadline), 'jsonb'],
      ],
      rows.workItems,
      pause,
    );
    const now = new Date();
    await bulkInsert(
      tx,
      engine,
      'assignments',
      [
        ['id', () => `c${randomUUID().replaceAll('-', '')}`],
        ['work_item_id', (r) => r.workItemId],
        ['unit_id', (r) => r.unitId],
        ['role', (r) => r.role, '"assignment_role"'],
        ['expanded_from', (r) => r.expandedFrom],
        ['created_at', () => now, 'timestamp(3)'],
        ['updated_at', () => now, 'timestamp(3)'],
      ],
      rows.assignments,
      pause,
    );
  } else {
    await tx.keyTask.createMany({ data: [...rows.keyTasks] });
    await tx.workItem.createMany({ data: [...rows.workItems] });
    await tx.assignment.createMany({ data: [...rows.assignments] });
  }
  await tx.safeguardMeasure.createMany({ data: [...rows.safeguards] });
  const result = {
    planId,
    units,
    workItems: rows.workItems.length,
    assignments: rows.assignments.length,
  };
  await writeAudit(tx, {
    actorId: options.actorId,
    action: 'importPlan',
    entityType: 'Plan',
    entityId: planId,
    after: { ...result, docNumber: rows.plan.docNumber, title: rows.plan.title },
  });
  return result;
}

/** Rows per INSERT statement of {@link bulkInsert}. */
export const BULK_ROWS = 250;

/** A column of {@link bulkInsert}: its SQL name, how a row gives its value, its PostgreSQL cast. */
type Column<R> = readonly [sql: string, value: (row: R) => unknown, pgCast?: string];

/**
 * Inserts rows with plain multi-row `INSERT … VALUES` statements of {@link BULK_ROWS} rows, inside the
 * caller's transaction. Prisma's `createMany` spends about half a millisecond of CPU per row in its
 * query compiler, on the request thread (20,000 work items: 27 s on this machine); these statements
 * cost microseconds per row. `pause` runs between statements.
 */
export async function bulkInsert<R>(
  tx: Tx,
  engine: Engine,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  pause: () => Promise<unknown>,
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  for (let start = 0; start < rows.length; start += BULK_ROWS) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + BULK_ROWS).map((row) => {
      const marks = columns.map(([, value, cast]) => {
        params.push(value(row));
        if (engine === 'sqlite') return '?';
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}`, ...params);
    if (start + BULK_ROWS < rows.length) await pause();
  }
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
