import { isIsoDate } from '../_lib/iso-date';
import { fail, type Issue, ok, type Result } from '../_lib/result';
import { resolveUnitNames } from '../units/resolve-unit-names';
import { extractDeadlinePhrases } from './extract-deadline-phrases';
import type { Plan, PlanId, PlanInput, Publicity, WorkItemId } from './types';

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

const DOC_NUMBER = /^\S+〔\d{4}〕\d+号$/u;
const PLAN_ID = /^[a-z0-9][a-z0-9._-]*$/;

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
  if (!PLAN_ID.test(input.id))
    issue('invalid_id', `方案标识“${input.id}”无效`, `Invalid plan id "${input.id}"`, 'id');
  if (!DOC_NUMBER.test(docNumber)) {
    issue(
      'invalid_doc_number',
      `文号“${input.docNumber}”格式不对`,
      `Malformed document number "${input.docNumber}"`,
      'docNumber',
    );
  }
  if (input.title.trim() === '') issue('empty_title', '方案没有标题', 'The plan has no title', 'title');
  if (input.issuer.trim() === '')
    issue('empty_issuer', '方案没有发文机关', 'The plan has no issuer', 'issuer');
  if (!isIsoDate(input.issuedOn)) {
    issue(
      'invalid_issue_date',
      `成文日期“${input.issuedOn}”无效`,
      `Invalid issue date "${input.issuedOn}"`,
      'issuedOn',
    );
  }
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
    issue('invalid_year', `年度“${input.year}”无效`, `Invalid plan year ${input.year}`, 'year');
  }
  if (input.categories.length === 0)
    issue('no_categories', '方案没有任务类别', 'The plan has no categories', 'categories');

  const planId = input.id as PlanId;
  const names = (text: string) => resolveUnitNames(text, input.units).refs;
  let expected = 1;
  const categories = input.categories.map((c, ci) => {
    if (c.title.trim() === '')
      issue('empty_title', '类别没有标题', 'A category has no title', `categories[${ci}].title`);
    if (c.keyTasks.length === 0) {
      issue(
        'empty_category',
        `类别“${c.title}”没有重点任务`,
        `Category "${c.title}" has no key tasks`,
        `categories[${ci}]`,
      );
    }
    const keyTasks = c.keyTasks.map((t, ti) => {
      const path = `categories[${ci}].keyTasks[${ti}]`;
      if (t.number !== expected) {
        issue(
          'task_numbering',
          `重点任务编号应为${expected},实为${t.number}`,
          `Key task number ${t.number} where ${expected} was expected`,
          `${path}.number`,
        );
      }
      expected = t.number + 1;
      if (t.title.trim() === '')
        issue(
          'empty_task_title',
          `重点任务${t.number}没有标题`,
          `Key task ${t.number} has no title`,
          `${path}.title`,
        );
      const workItems = t.workItems.map((w, wi) => {
        if (w.content.trim() === '') {
          issue(
            'empty_item_content',
            `重点任务${t.number}的第${wi + 1}项没有内容`,
            `Work item ${wi + 1} of key task ${t.number} has no content`,
            `${path}.workItems[${wi}].content`,
          );
        }
        return {
          id: `${planId}/t${t.number}/i${wi + 1}` as WorkItemId,
          keyTaskNumber: t.number,
          ordinal: wi + 1,
          content: w.content,
          leadUnitsText: w.leadUnitsText,
          responsibleUnitsText: w.responsibleUnitsText,
          deadlineText: w.deadlineText,
          leadUnits: names(w.leadUnitsText),
          responsibleUnits: names(w.responsibleUnitsText),
        };
      });
      return {
        id: `${planId}/t${t.number}`,
        number: t.number,
        title: t.title,
        body: t.body,
        leadUnitsText: t.leadUnitsText,
        responsibleUnitsText: t.responsibleUnitsText,
        leadUnits: names(t.leadUnitsText),
        responsibleUnits: names(t.responsibleUnitsText),
        deadlinePhrases: extractDeadlinePhrases(t.body),
        workItems,
      };
    });
    return { id: `${planId}/c${ci + 1}`, ordinal: ci + 1, title: c.title, keyTasks };
  });
  const safeguards = input.safeguards.map((s, si) => ({
    id: `${planId}/s${si + 1}`,
    ordinal: si + 1,
    title: s.title,
    body: s.body,
    leadUnitsText: s.leadUnitsText,
    responsibleUnitsText: s.responsibleUnitsText,
    leadUnits: names(s.leadUnitsText),
    responsibleUnits: names(s.responsibleUnitsText),
    deadlinePhrases: extractDeadlinePhrases(s.body),
  }));
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
