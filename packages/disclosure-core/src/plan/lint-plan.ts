import type { Issue, SourceLocation } from '../_lib/result';
import { compareBodyWithAnnex } from './_lib/lint-body-annex';
import { createLint } from './_lib/lint-context';
import { checkLeadAndResponsible, reportUnknown } from './_lib/lint-units';
import { checkWorkItem } from './_lib/lint-work-item';
import type { Plan, WorkItem, WorkItemId } from './types';

/** How serious a finding is: `error` must be fixed, `warning` should be looked at, `info` is a note. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Every code {@link lintPlan} reports. docs/glossary.md explains each. */
export type PlanFindingCode =
  | 'unknown_unit'
  | 'empty_lead_units'
  | 'empty_deadline'
  | 'lead_and_responsible'
  | 'lead_in_responsible_collective'
  | 'duplicate_item'
  | 'body_lead_missing_in_annex'
  | 'annex_lead_missing_in_body'
  | 'responsible_scope_differs'
  | 'responsible_wording_differs'
  | 'duty_wording_differs'
  | 'implementer_scope_differs'
  | 'body_deadline_missing_in_annex'
  | 'content_deadline_not_in_column';

/** One problem or observation in a plan, with where it stands. */
export interface PlanFinding extends Issue<PlanFindingCode> {
  readonly severity: FindingSeverity;
  readonly location: SourceLocation & { readonly path: string };
  readonly keyTaskNumber?: number;
  readonly workItemId?: WorkItemId;
}

/** Options of {@link lintPlan}. */
export interface LintPlanOptions {
  /** Bigram similarity above which an annex sentence is taken as a rewording of a body sentence. Default 0.6. */
  readonly similarity?: number;
}

/**
 * Checks a plan and returns every finding, most serious first. Besides unknown units, empty lead
 * lists, empty deadlines, units both leading and responsible and duplicate items, it compares each
 * key task's body with its annex rows: lead units the other side lacks, a different set of
 * responsible units, sentences reworded (duties, or who carries them), and body deadlines the annex
 * drops. It also flags deadline wording inside an item's content that its 完成时限 column does not carry.
 *
 * @example
 * ```ts
 * const findings = lintPlan(qixingguan2020);
 * findings.filter((f) => f.code === 'body_lead_missing_in_annex').map((f) => f.location.text);
 * // ['综合行政执法局', '投资促进局', …]
 * ```
 */
export function lintPlan(plan: Plan, options: LintPlanOptions = {}): PlanFinding[] {
  const lint = createLint(plan, options.similarity ?? 0.6);
  reportUnknown(lint, plan.recipients, 'recipientsText', {});
  const seenContent = new Map<string, WorkItem>();
  plan.categories.forEach((category, ci) => {
    category.keyTasks.forEach((task, ti) => {
      const taskPath = `categories[${ci}].keyTasks[${ti}]`;
      const where = { keyTaskNumber: task.number };
      reportUnknown(lint, task.leadUnits, `${taskPath}.leadUnitsText`, where);
      reportUnknown(lint, task.responsibleUnits, `${taskPath}.responsibleUnitsText`, where);
      checkLeadAndResponsible(lint, task.leadUnits, task.responsibleUnits, taskPath, where);
      task.workItems.forEach((item, wi) => {
        checkWorkItem(lint, task, item, `${taskPath}.workItems[${wi}]`, seenContent);
      });
      compareBodyWithAnnex(lint, task, taskPath);
    });
  });
  plan.safeguards.forEach((s, si) => {
    const path = `safeguards[${si}]`;
    reportUnknown(lint, s.leadUnits, `${path}.leadUnitsText`, {});
    reportUnknown(lint, s.responsibleUnits, `${path}.responsibleUnitsText`, {});
    checkLeadAndResponsible(lint, s.leadUnits, s.responsibleUnits, path, {});
  });
  const rank: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };
  return lint.findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
