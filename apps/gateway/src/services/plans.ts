import type { Plan } from '@qxg/db';
import {
  createPlan,
  deadlinesBeforeIssue,
  type ImportFinding,
  type ParsedPlanDocument,
  type PlanInput,
} from '@qxg/disclosure-core';
import { decodeGlobalId } from '../schema/mutation-kit';
import { fail, UserErrors } from '../schema/user-errors';
import { type Tx, writeAudit } from './audit';
import type { StoredDeadline } from './load-plan';
import { copyScheme } from './scheme-admin';

// Plans and years (docs/api.md "Plans and years"): a withdrawn (archived) plan is read-only and
// hidden from the picker; "start next year's plan" proposes the next plan's notice facts and the
// standing items to carry over, and the import links the new plan to this one.

/** Refuses (PLAN_ARCHIVED) a write into a withdrawn plan; UNKNOWN_PLAN when there is none. */
export async function assertPlanWritable(tx: Tx, planId: string): Promise<Plan> {
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) fail('UNKNOWN_PLAN', { zh: `找不到方案${planId}`, en: `No plan ${planId}` }, ['planId']);
  if (plan.archivedAt) {
    fail(
      'PLAN_ARCHIVED',
      {
        zh: `方案${plan.docNumber}已撤回(归档),只能查看;如需修改,请管理员先恢复该方案。`,
        en: `Plan ${plan.docNumber} is withdrawn (archived) and read-only; an administrator can restore it first.`,
      },
      ['planId'],
    );
  }
  return plan;
}

/** {@link assertPlanWritable} for the plan of an assignment. */
export async function assertAssignmentWritable(tx: Tx, assignment: { readonly id: string }): Promise<void> {
  const row = await tx.assignment.findUnique({
    where: { id: assignment.id },
    select: { workItem: { select: { keyTask: { select: { planId: true } } } } },
  });
  if (row) await assertPlanWritable(tx, row.workItem.keyTask.planId);
}

/** Withdraws (archives) or restores a plan, audited; doing what is already done changes nothing. */
export async function setPlanArchived(tx: Tx, planId: string, archived: boolean, actorId: string, now: Date) {
  const before = await tx.plan.findUnique({ where: { id: planId } });
  if (!before) fail('UNKNOWN_PLAN', { zh: `找不到方案${planId}`, en: `No plan ${planId}` }, ['planId']);
  if ((before.archivedAt !== null) === archived) return before;
  const plan = await tx.plan.update({ where: { id: planId }, data: { archivedAt: archived ? now : null } });
  await writeAudit(tx, {
    actorId,
    action: archived ? 'archivePlan' : 'unarchivePlan',
    entityType: 'Plan',
    entityId: planId,
    before: { archivedAt: before.archivedAt },
    after: { archivedAt: plan.archivedAt },
  });
  return plan;
}

/** A work item of the previous plan that stays in force (长期坚持, 长期, recurring): proposed to carry over. */
export interface CarryOverItem {
  readonly workItemId: string;
  readonly keyTaskNumber: number;
  readonly keyTaskTitle: string;
  readonly order: number;
  readonly content: string;
  readonly deadlineText: string;
  readonly leadUnitsText: string;
  readonly responsibleUnitsText: string;
}

/** What "start next year's plan" proposes for the plan after `plan`. */
export interface NextPlanDraft {
  readonly previousPlanId: string;
  readonly year: number;
  /** The 文号 with the year moved on and the serial left for the office (七星府办通〔2021〕). */
  readonly docNumberPrefix: string;
  /** The same day one year on (a 29 February becomes the 28th). */
  readonly issuedOn: string;
  readonly title: string;
  readonly issuer: string;
  readonly carryOver: readonly CarryOverItem[];
}

/** Standing duties: the deadline kinds that do not end with the plan's year. */
export function isStanding(deadline: StoredDeadline): boolean {
  return deadline.kind === 'ongoing' || deadline.kind === 'recurring';
}

/** The same calendar day one year on, as `YYYY-MM-DD`. */
export function sameDayNextYear(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The 文号 with its year bracket moved to `year` and the serial (…号) dropped. */
export function nextDocNumberPrefix(docNumber: string, year: number): string {
  const m = /^(.*?)[〔[(（(]\s*\d{4}\s*[〕\])）)]/u.exec(docNumber);
  return m ? `${m[1]}〔${year}〕` : `〔${year}〕`;
}

/** The draft of the plan after `planId` (reads only). */
export async function nextPlanDraft(tx: Tx, planId: string): Promise<NextPlanDraft | null> {
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) return null;
  const items = await tx.workItem.findMany({
    where: { keyTask: { planId } },
    include: { keyTask: { select: { number: true, title: true } } },
    orderBy: [{ keyTask: { number: 'asc' } }, { order: 'asc' }],
  });
  const year = plan.year + 1;
  return {
    previousPlanId: plan.id,
    year,
    docNumberPrefix: nextDocNumberPrefix(plan.docNumber, year),
    issuedOn: sameDayNextYear(plan.issuedOn),
    title: plan.title.replace(String(plan.year), String(year)),
    issuer: plan.issuer,
    carryOver: items
      .filter((w) => isStanding(w.deadline as unknown as StoredDeadline))
      .map((w) => ({
        workItemId: w.id,
        keyTaskNumber: w.keyTask.number,
        keyTaskTitle: w.keyTask.title,
        order: w.order,
        content: w.content,
        deadlineText: w.deadlineText,
        leadUnitsText: w.leadUnitsText,
        responsibleUnitsText: w.responsibleUnitsText,
      })),
  };
}

/** The chosen carry-over items of the previous plan, refused when one is not a standing item of it. */
export async function carryOverItems(
  tx: Tx,
  previousPlanId: string,
  workItemIds: readonly string[],
): Promise<CarryOverItem[]> {
  const draft = await nextPlanDraft(tx, previousPlanId);
  if (!draft) {
    fail('UNKNOWN_PLAN', { zh: `找不到上一年度方案${previousPlanId}`, en: `No plan ${previousPlanId}` }, [
      'previousPlanId',
    ]);
  }
  const byId = new Map(draft.carryOver.map((c) => [c.workItemId, c]));
  return workItemIds.map((id, i) => {
    const item = byId.get(id);
    if (!item) {
      fail(
        'INVALID_INPUT',
        {
          zh: `延续事项${id}不是上一年度方案中长期坚持或定期的工作。`,
          en: `Carried item ${id} is not a standing (ongoing or recurring) item of the previous plan.`,
        },
        ['carryOver', String(i)],
      );
    }
    return item;
  });
}

/**
 * Links a freshly imported plan to the plan it follows: `previous_plan_id`, and copies of the
 * previous plan's assessment schemes the new plan lacks (the unit registry is shared already).
 * Audited as `startNextPlan`.
 */
export async function linkNextPlan(
  tx: Tx,
  planId: string,
  previousPlanId: string,
  actorId: string,
  carried: readonly CarryOverItem[],
): Promise<void> {
  if (planId === previousPlanId) {
    fail('INVALID_INPUT', { zh: '方案不能接续自身。', en: 'A plan cannot follow itself.' }, [
      'previousPlanId',
    ]);
  }
  await tx.plan.update({ where: { id: planId }, data: { previousPlanId } });
  const [schemes, existing] = await Promise.all([
    tx.assessmentScheme.findMany({ where: { planId: previousPlanId }, orderBy: { name: 'asc' } }),
    tx.assessmentScheme.findMany({ where: { planId }, select: { name: true } }),
  ]);
  const have = new Set(existing.map((s) => s.name));
  const copied: string[] = [];
  const skipped: string[] = [];
  for (const s of schemes) {
    if (have.has(s.name)) continue;
    // The core's copy: the period moved to the new plan's, references it lacks dropped (audited).
    try {
      await copyScheme(tx, s, planId, { actorId, name: s.name });
      copied.push(s.name);
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      skipped.push(s.name);
    }
  }
  await writeAudit(tx, {
    actorId,
    action: 'startNextPlan',
    entityType: 'Plan',
    entityId: planId,
    after: {
      previousPlanId,
      schemesCopied: copied,
      schemesNotFitting: skipped,
      carriedOver: carried.map((c) => c.content),
    },
  });
}

/** Title of the category the carried items are added under in the new plan. */
export const CARRY_OVER_CATEGORY = '上年度延续事项';

/**
 * The new plan's input with the carried items of the previous plan added as one more key task
 * (under {@link CARRY_OVER_CATEGORY}), numbered after the document's own tasks; items the new
 * document already has (same content) are not added twice.
 */
export function withCarryOver(input: PlanInput, carried: readonly CarryOverItem[]): PlanInput {
  const present = new Set(
    input.categories.flatMap((c) => c.keyTasks.flatMap((t) => t.workItems.map((w) => w.content.trim()))),
  );
  const items = carried.filter((c) => !present.has(c.content.trim()));
  if (items.length === 0) return input;
  const last = Math.max(0, ...input.categories.flatMap((c) => c.keyTasks.map((t) => t.number)));
  const distinct = (texts: readonly string[]) =>
    [...new Set(texts.filter((t) => t.trim() !== ''))].join('、');
  return {
    ...input,
    categories: [
      ...input.categories,
      {
        title: CARRY_OVER_CATEGORY,
        keyTasks: [
          {
            number: last + 1,
            title: '上年度长期坚持事项',
            body: '',
            leadUnitsText: distinct(items.map((i) => i.leadUnitsText)),
            responsibleUnitsText: '',
            workItems: items.map((i) => ({
              content: i.content,
              leadUnitsText: i.leadUnitsText,
              responsibleUnitsText: i.responsibleUnitsText,
              deadlineText: i.deadlineText,
            })),
          },
        ],
      },
    ],
  };
}

/**
 * The import's plan as the next year's plan: the chosen carry-over items of `previousPlanId` added
 * ({@link withCarryOver}), and the core's `deadline_before_issue` warning added to the findings
 * unless the importer reported it already. Returns the parsed document to store and the items.
 */
export async function nextPlanInputs(
  tx: Tx,
  parsed: ParsedPlanDocument,
  input: {
    readonly previousPlanId?: string | null | undefined;
    readonly carryOver?: readonly (string | number)[] | null | undefined;
  },
): Promise<{ parsed: ParsedPlanDocument; carried: CarryOverItem[] }> {
  let result = parsed;
  let carried: CarryOverItem[] = [];
  if (input.previousPlanId) {
    if (!(await tx.plan.findUnique({ where: { id: input.previousPlanId }, select: { id: true } }))) {
      fail(
        'UNKNOWN_PLAN',
        { zh: `找不到上一年度方案${input.previousPlanId}`, en: `No plan ${input.previousPlanId}` },
        ['previousPlanId'],
      );
    }
    const ids = (input.carryOver ?? []).map((id) => decodeGlobalId(String(id), 'WorkItem'));
    carried = await carryOverItems(tx, input.previousPlanId, ids);
  } else if ((input.carryOver ?? []).length > 0) {
    fail('INVALID_INPUT', { zh: '延续事项须同时指定上一年度方案。', en: 'carryOver needs previousPlanId.' }, [
      'carryOver',
    ]);
  }
  if (carried.length > 0 && result.input && result.plan) {
    const withItems = withCarryOver(result.input, carried);
    const rebuilt = createPlan(withItems);
    if (!rebuilt.ok) {
      fail(
        'INVALID_INPUT',
        {
          zh: `延续事项无法加入新方案:${rebuilt.issues.map((i) => i.message.zh).join(';')}`,
          en: `The carried items do not fit the new plan: ${rebuilt.issues.map((i) => i.message.en).join('; ')}`,
        },
        ['carryOver'],
      );
    }
    result = { ...result, input: withItems, plan: rebuilt.value };
  }
  if (result.plan && !result.findings.some((f) => (f.code as string) === 'deadline_before_issue')) {
    const extra = deadlinesBeforeIssue(result.plan) as unknown as ImportFinding[];
    if (extra.length > 0) result = { ...result, findings: [...result.findings, ...extra] };
  }
  return { parsed: result, carried };
}
