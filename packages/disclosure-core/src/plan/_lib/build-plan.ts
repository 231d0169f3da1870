/**
 * The phases of `createPlan`: the notice's fields, then categories, key tasks and work items with
 * their ids, unit references and deadline phrases.
 * @internal
 */
import { isIsoDate } from '../../_lib/iso-date';
import type { UnitRef } from '../../units/resolve-unit-names';
import type { PlanIssueCode } from '../create-plan';
import { extractDeadlinePhrases } from '../extract-deadline-phrases';
import type {
  Category,
  KeyTask,
  KeyTaskInput,
  PlanId,
  PlanInput,
  PlanSection,
  SafeguardMeasure,
  SafeguardMeasureInput,
  WorkItem,
  WorkItemId,
} from '../types';

export type PlanIssueSink = (code: PlanIssueCode, zh: string, en: string, path: string) => void;
type Names = (text: string) => readonly UnitRef[];

const DOC_NUMBER = /^\S+〔\d{4}〕\d+号$/u;
const PLAN_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** The notice's fields: id, 文号 (`docNumber`, whitespace removed), title, issuer, date, year, categories. */
export function checkNotice(input: PlanInput, docNumber: string, issue: PlanIssueSink): void {
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
}

/** Categories with their key tasks (numbered 1, 2, … across the plan) and work items. */
export function buildCategories(
  input: PlanInput,
  planId: PlanId,
  names: Names,
  issue: PlanIssueSink,
): Category[] {
  let expected = 1;
  return input.categories.map((c, ci) => {
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
      const task = buildKeyTask(t, `categories[${ci}].keyTasks[${ti}]`, expected, planId, names, issue);
      expected = t.number + 1;
      return task;
    });
    return { id: `${planId}/c${ci + 1}`, ordinal: ci + 1, title: c.title, keyTasks };
  });
}

/** One key task, which should be number `expected`, and its work items. */
function buildKeyTask(
  t: KeyTaskInput,
  path: string,
  expected: number,
  planId: PlanId,
  names: Names,
  issue: PlanIssueSink,
): KeyTask {
  if (t.number !== expected) {
    issue(
      'task_numbering',
      `重点任务编号应为${expected},实为${t.number}`,
      `Key task number ${t.number} where ${expected} was expected`,
      `${path}.number`,
    );
  }
  if (t.title.trim() === '')
    issue(
      'empty_task_title',
      `重点任务${t.number}没有标题`,
      `Key task ${t.number} has no title`,
      `${path}.title`,
    );
  const workItems = t.workItems.map((w, wi): WorkItem => {
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
  return { ...buildSection(`${planId}/t${t.number}`, t, names), number: t.number, workItems };
}

/** The safeguard measures (保障措施), numbered from 1. */
export function buildSafeguards(input: PlanInput, planId: PlanId, names: Names): SafeguardMeasure[] {
  return input.safeguards.map((s, si) => ({
    ...buildSection(`${planId}/s${si + 1}`, s, names),
    ordinal: si + 1,
  }));
}

/** A key task's or safeguard's section: texts as written, units resolved, body deadlines located. */
function buildSection(id: string, input: SafeguardMeasureInput, names: Names): PlanSection {
  return {
    id,
    title: input.title,
    body: input.body,
    leadUnitsText: input.leadUnitsText,
    responsibleUnitsText: input.responsibleUnitsText,
    leadUnits: names(input.leadUnitsText),
    responsibleUnits: names(input.responsibleUnitsText),
    deadlinePhrases: extractDeadlinePhrases(input.body),
  };
}
