/** Per-item checks of `lintPlan`: units, empty cells, duplicates, content deadlines. @internal */
import { expandUnitRefs } from '../../units/expand-unit-refs';
import { extractDeadlinePhrases } from '../extract-deadline-phrases';
import type { KeyTask, WorkItem, WorkItemId } from '../types';
import { deadlineKey } from './deadline-key';
import type { Lint } from './lint-context';
import { checkLeadAndResponsible, reportUnknown } from './lint-units';

/**
 * One work item: unknown units, no lead unit, no deadline, a lead also responsible, content that
 * repeats an earlier item (`seenContent`, normalised content → first item), and deadline wording
 * in the content that the 完成时限 column does not carry.
 */
export function checkWorkItem(
  lint: Lint,
  task: KeyTask,
  item: WorkItem,
  path: string,
  seenContent: Map<string, WorkItem>,
): void {
  const itemWhere = { keyTaskNumber: task.number, workItemId: item.id };
  reportUnknown(lint, item.leadUnits, `${path}.leadUnitsText`, itemWhere);
  reportUnknown(lint, item.responsibleUnits, `${path}.responsibleUnitsText`, itemWhere);
  if (
    expandUnitRefs(item.leadUnits, lint.plan.units).length === 0 &&
    !item.leadUnits.some((r) => r.kind === 'unknown')
  ) {
    lint.add(
      'empty_lead_units',
      'error',
      {
        zh: `重点任务${task.number}第${item.ordinal}项没有牵头单位`,
        en: `Work item ${item.ordinal} of key task ${task.number} has no lead unit`,
      },
      { path: `${path}.leadUnitsText`, text: item.leadUnitsText },
      itemWhere,
    );
  }
  if (item.deadlineText.trim() === '') {
    lint.add(
      'empty_deadline',
      'error',
      {
        zh: `重点任务${task.number}第${item.ordinal}项没有完成时限`,
        en: `Work item ${item.ordinal} of key task ${task.number} has no deadline`,
      },
      { path: `${path}.deadlineText` },
      itemWhere,
    );
  }
  checkLeadAndResponsible(lint, item.leadUnits, item.responsibleUnits, path, itemWhere);
  const key = item.content.normalize('NFKC').replace(/[\s。,，、;；]/gu, '');
  const earlier = seenContent.get(key);
  if (earlier) {
    lint.add(
      'duplicate_item',
      'warning',
      {
        zh: `重点任务${task.number}第${item.ordinal}项与${earlier.id}内容相同`,
        en: `Work item ${item.ordinal} of key task ${task.number} repeats ${earlier.id}`,
      },
      { path: `${path}.content`, text: item.content },
      itemWhere,
    );
  } else seenContent.set(key, item);
  checkContentDeadlines(lint, item, path, itemWhere);
}

function checkContentDeadlines(
  lint: Lint,
  item: WorkItem,
  path: string,
  where: { keyTaskNumber: number; workItemId: WorkItemId },
): void {
  const column = deadlineKey(item.deadlineText, lint.plan);
  for (const phrase of extractDeadlinePhrases(item.content)) {
    if (deadlineKey(phrase.text, lint.plan) === column) continue;
    lint.add(
      'content_deadline_not_in_column',
      'warning',
      {
        zh: `工作任务中的时限“${phrase.text}”与完成时限“${item.deadlineText}”不一致`,
        en: `The content's deadline wording "${phrase.text}" is not what the deadline column says ("${item.deadlineText}")`,
      },
      { path: `${path}.content`, text: phrase.text, offset: phrase.offset },
      where,
    );
  }
}
