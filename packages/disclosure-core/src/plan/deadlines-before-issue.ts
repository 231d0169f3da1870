import type { IsoDate } from '../_lib/iso-date';
import type { Issue, SourceLocation } from '../_lib/result';
import { parseDeadline } from '../deadlines/parse-deadline';
import type { Deadline } from '../deadlines/types';
import type { Plan } from './types';

/**
 * The finding {@link deadlinesBeforeIssue} reports: a warning that dated deadlines of the plan fall
 * before its 成文日期 (a plan copied from last year's, 2020年7月底前 in a 2021 plan).
 *
 * @example
 * ```ts
 * const f: DeadlineBeforeIssueFinding = deadlinesBeforeIssue(plan)[0];
 * f.items.map((i) => `${i.keyTaskNumber}.${i.ordinal} ${i.deadlineText} → ${i.dueOn}`);
 * ```
 */
export interface DeadlineBeforeIssueFinding extends Issue<'deadline_before_issue'> {
  readonly severity: 'warning';
  readonly location: SourceLocation & { readonly path: string };
  /** Every work item whose dated deadline (or a dated step of it) is before the issue date. */
  readonly items: readonly {
    readonly keyTaskNumber: number;
    readonly ordinal: number;
    readonly deadlineText: string;
    readonly dueOn: IsoDate;
  }[];
  /** Work items with a dated deadline (the share that falls before tells a copy from a slip). */
  readonly datedItems: number;
}

/** The due days a deadline states (a `by` deadline, the dated steps of milestones). */
function statedDueDays(d: Deadline): IsoDate[] {
  if (d.kind === 'by') return [d.dueOn];
  if (d.kind === 'milestones')
    return d.steps.flatMap((s) => (s.deadline.kind === 'by' ? [s.deadline.dueOn] : []));
  return [];
}

const EXAMPLES = 3;

/**
 * Checks that a plan's dated deadlines do not fall before its issue date (成文日期): a plan whose
 * deadlines were copied from last year's (2020年7月底前 in a plan issued 2021-03-01) imports with
 * every duty overdue on the first day. Returns one warning listing the work items concerned (none
 * when all is well, or when the plan has no issue date).
 *
 * @example
 * ```ts
 * const [finding] = deadlinesBeforeIssue(plan2021);
 * finding?.message.zh; // '31项有明确日期的完成时限中,31项早于成文日期2021-03-01(如 任务1第1项“2020年7月底前”)…'
 * ```
 */
export function deadlinesBeforeIssue(plan: Plan): DeadlineBeforeIssueFinding[] {
  if (!plan.issuedOn) return [];
  const items: DeadlineBeforeIssueFinding['items'][number][] = [];
  let datedItems = 0;
  let firstPath = '';
  plan.categories.forEach((category, ci) => {
    category.keyTasks.forEach((task, ti) => {
      task.workItems.forEach((item, wi) => {
        const parsed = parseDeadline(item.deadlineText, { planYear: plan.year, issuedOn: plan.issuedOn });
        if (!parsed.ok) return;
        const days = statedDueDays(parsed.value);
        if (days.length === 0) return;
        datedItems++;
        const early = days.filter((d) => d < plan.issuedOn).sort()[0];
        if (early === undefined) return;
        if (items.length === 0) firstPath = `categories[${ci}].keyTasks[${ti}].workItems[${wi}].deadlineText`;
        items.push({
          keyTaskNumber: task.number,
          ordinal: item.ordinal,
          deadlineText: item.deadlineText,
          dueOn: early,
        });
      });
    });
  });
  if (items.length === 0) return [];
  const examplesZh = items
    .slice(0, EXAMPLES)
    .map((i) => `任务${i.keyTaskNumber}第${i.ordinal}项“${i.deadlineText}”(${i.dueOn})`)
    .join('、');
  const examplesEn = items
    .slice(0, EXAMPLES)
    .map((i) => `task ${i.keyTaskNumber} item ${i.ordinal} "${i.deadlineText}" (${i.dueOn})`)
    .join(', ');
  const more = items.length > EXAMPLES;
  return [
    {
      code: 'deadline_before_issue',
      severity: 'warning',
      message: {
        zh: `${datedItems}项有明确日期的完成时限中,${items.length}项早于成文日期${plan.issuedOn}:${examplesZh}${more ? '等' : ''}。是否沿用了上一年度的时限?请核对年份。`,
        en: `${items.length} of ${datedItems} dated deadlines fall before the issue date ${plan.issuedOn}: ${examplesEn}${more ? ', …' : ''}. Were last year's deadlines copied? Check the years.`,
      },
      location: { path: firstPath, text: items[0]?.deadlineText ?? '' },
      items,
      datedItems,
    },
  ];
}
