import { fail, type Issue, ok, type Result } from '../_lib/result';
import { resolveUnitNames } from '../units/resolve-unit-names';
import { buildCategories, buildSafeguards, checkNotice } from './_lib/build-plan';
import type { Plan, PlanId, PlanInput, Publicity } from './types';

/** Codes of the structural problems {@link createPlan} rejects. */
export type PlanIssueCode =
  | 'invalid_id'
  | 'invalid_doc_number'
  | 'empty_title'
  | 'empty_issuer'
  | 'invalid_issue_date'
  | 'invalid_year'
  | 'no_categories'
  | 'empty_category'
  | 'task_numbering'
  | 'empty_task_title'
  | 'empty_item_content';

/** A structural problem in a plan. */
export type PlanIssue = Issue<PlanIssueCode>;

/**
 * Reads the 此件… line of a notice.
 *
 * @example
 * ```ts
 * readPublicity('(此件公开发布)'); // 'public'
 * ```
 */
export function readPublicity(text: string): Publicity {
  const t = text.normalize('NFKC').replace(/[()\s]/gu, '');
  if (/不予公开|不公开/u.test(t)) return 'not_public';
  if (/依申请公开/u.test(t)) return 'on_request';
  if (/公开发布|主动公开/u.test(t)) return 'public';
  return 'unstated';
}

/**
 * Builds a validated {@link Plan} from its texts: ids are assigned, unit lists are resolved against
 * `input.units`, body deadline wording is located. Structural problems (no categories, key tasks out
 * of order, an empty title, a malformed 文号 …) make it fail with every issue; names the registry does
 * not know are kept as `unknown` references for {@link lintPlan} to report, so a plan with an unknown
 * unit can still be read and fixed.
 *
 * @example
 * ```ts
 * const result = createPlan({ ...input, units: qixingguanUnits });
 * if (result.ok) console.log(result.value.categories.length);
 * ```
 */
export function createPlan(input: PlanInput): Result<Plan, PlanIssue> {
  const issues: PlanIssue[] = [];
  const issue = (code: PlanIssueCode, zh: string, en: string, path: string): void => {
    issues.push({ code, message: { zh, en }, location: { path } });
  };
  const docNumber = input.docNumber.replace(/\s+/gu, '');
  checkNotice(input, docNumber, issue);
  const planId = input.id as PlanId;
  const names = (text: string) => resolveUnitNames(text, input.units).refs;
  const categories = buildCategories(input, planId, names, issue);
  const safeguards = buildSafeguards(input, planId, names);
  if (issues.length > 0) return fail(issues);
  return ok({
    id: planId,
    docNumber,
    title: input.title,
    ...(input.noticeTitle === undefined ? {} : { noticeTitle: input.noticeTitle }),
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    year: input.year,
    recipientsText: input.recipientsText,
    recipients: names(input.recipientsText),
    ...(input.approval === undefined ? {} : { approval: input.approval }),
    publicity: readPublicity(input.publicityText),
    publicityText: input.publicityText,
    basis: input.basis,
    categories,
    safeguards,
    units: input.units,
  });
}
