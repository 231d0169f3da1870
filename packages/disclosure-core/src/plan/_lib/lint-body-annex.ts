/**
 * `lintPlan`'s comparison of a key task's body with its annex rows, one function per phase: lead
 * units, responsible units, duties (reworded sentences) and deadlines the annex drops.
 * @internal
 */
import type { CollectiveKey } from '../../units/collective';
import { expandUnitRefs } from '../../units/expand-unit-refs';
import type { UnitRef } from '../../units/resolve-unit-names';
import type { KeyTask } from '../types';
import { deadlineKey } from './deadline-key';
import type { Lint } from './lint-context';
import { bigramDice, splitSentences, textDifferences } from './text-similarity';

/** Words that say who carries a duty (全区, 全市, 各级, 各部门, 各单位, 行政机关, 本单位, 本地本部门). */
const IMPLEMENTER_SCOPE = /全[区市省县]|各级|各部门|各单位|行政机关|本地|本部门|本单位|本级/u;

/** Every body-versus-annex finding of one key task (none for a task without annex rows). */
export function compareBodyWithAnnex(lint: Lint, task: KeyTask, taskPath: string): void {
  if (task.workItems.length === 0) return;
  compareLeads(lint, task, taskPath);
  compareResponsible(lint, task, taskPath);
  compareDuties(lint, task, taskPath);
  compareDeadlines(lint, task, taskPath);
}

/** Lead units the body names and no annex row carries, and the other way round. */
function compareLeads(lint: Lint, task: KeyTask, taskPath: string): void {
  const where = { keyTaskNumber: task.number };
  const units = lint.plan.units;
  const bodyLeads = expandUnitRefs(task.leadUnits, units).map((u) => u.unitId);
  const annexLeads = new Set(
    task.workItems.flatMap((i) => expandUnitRefs(i.leadUnits, units).map((u) => u.unitId)),
  );
  for (const id of bodyLeads) {
    if (annexLeads.has(id)) continue;
    const ref = task.leadUnits.find((r) => r.kind === 'unit' && r.unitId === id);
    lint.add(
      'body_lead_missing_in_annex',
      'warning',
      {
        zh: `重点任务${task.number}正文的牵头单位${lint.unitName(id)}在分解表中没有承担任何事项`,
        en: `Key task ${task.number}'s body names ${lint.unitName(id)} as a lead, but no annex row does`,
      },
      {
        path: `${taskPath}.leadUnitsText`,
        text: ref?.text ?? lint.unitName(id),
        ...(ref ? { offset: ref.offset } : {}),
      },
      where,
    );
  }
  const bodyLeadSet = new Set(bodyLeads);
  for (const id of annexLeads) {
    if (bodyLeadSet.has(id)) continue;
    const item = task.workItems.find((i) => i.leadUnits.some((r) => r.kind === 'unit' && r.unitId === id));
    lint.add(
      'annex_lead_missing_in_body',
      'warning',
      {
        zh: `分解表中重点任务${task.number}的牵头单位${lint.unitName(id)}在正文中未列为牵头单位`,
        en: `The annex makes ${lint.unitName(id)} a lead of key task ${task.number}, but the body does not`,
      },
      { path: `${taskPath}.workItems[${(item?.ordinal ?? 1) - 1}].leadUnitsText`, text: lint.unitName(id) },
      { ...where, ...(item ? { workItemId: item.id } : {}) },
    );
  }
}

/** Responsible units: 区政府各工作部门 and 区政府其他工作部门 name the same duty once leads win. */
function compareResponsible(lint: Lint, task: KeyTask, taskPath: string): void {
  const where = { keyTaskNumber: task.number };
  const bodyScope = responsibleScope(task.responsibleUnits);
  const annexScope = new Set(task.workItems.flatMap((i) => [...responsibleScope(i.responsibleUnits)]));
  const onlyAnnex = [...annexScope].filter((s) => !bodyScope.has(s));
  const onlyBody = [...bodyScope].filter((s) => !annexScope.has(s));
  const annexText = task.workItems[0]?.responsibleUnitsText ?? '';
  if (onlyAnnex.length > 0 || onlyBody.length > 0) {
    lint.add(
      'responsible_scope_differs',
      'warning',
      {
        zh: `重点任务${task.number}的责任单位正文为“${task.responsibleUnitsText}”,分解表为“${annexText}”`,
        en: `Key task ${task.number}'s responsible units differ: body "${task.responsibleUnitsText}", annex "${annexText}"${onlyAnnex.length ? `; only in the annex: ${onlyAnnex.map(scopeLabel).join(', ')}` : ''}${onlyBody.length ? `; only in the body: ${onlyBody.map(scopeLabel).join(', ')}` : ''}`,
      },
      { path: `${taskPath}.responsibleUnitsText`, text: task.responsibleUnitsText },
      where,
    );
  } else if (
    task.workItems.some((i) => collectiveWords(i.responsibleUnits) !== collectiveWords(task.responsibleUnits))
  ) {
    lint.add(
      'responsible_wording_differs',
      'info',
      {
        zh: `重点任务${task.number}的责任单位正文写作“${task.responsibleUnitsText}”,分解表写作“${annexText}”,范围相同`,
        en: `Key task ${task.number}'s responsible units are worded "${task.responsibleUnitsText}" in the body and "${annexText}" in the annex; the same units either way`,
      },
      { path: `${taskPath}.responsibleUnitsText`, text: task.responsibleUnitsText },
      where,
    );
  }
}

/** Duties: each annex sentence against its closest body sentence. */
function compareDuties(lint: Lint, task: KeyTask, taskPath: string): void {
  const where = { keyTaskNumber: task.number };
  const bodySentences = splitSentences(task.body);
  task.workItems.forEach((item, wi) => {
    for (const sentence of splitSentences(item.content)) {
      let best = '';
      let bestScore = 0;
      for (const b of bodySentences) {
        const score = bigramDice(sentence, b);
        if (score > bestScore) {
          best = b;
          bestScore = score;
        }
      }
      if (bestScore === 1 || bestScore < lint.similarity) continue;
      for (const diff of textDifferences(best, sentence)) {
        if (diff.left === '' || diff.right === '') continue; // a clause dropped, added or moved: not reworded
        const scopeChange = IMPLEMENTER_SCOPE.test(diff.left) || IMPLEMENTER_SCOPE.test(diff.right);
        lint.add(
          scopeChange ? 'implementer_scope_differs' : 'duty_wording_differs',
          'warning',
          scopeChange
            ? {
                zh: `重点任务${task.number}的实施范围不同:正文“${diff.leftContext}”,分解表“${diff.rightContext}”`,
                en: `Key task ${task.number} names different implementers: body "${diff.leftContext}", annex "${diff.rightContext}"`,
              }
            : {
                zh: `重点任务${task.number}的任务表述不同:正文“${diff.leftContext}”,分解表“${diff.rightContext}”`,
                en: `Key task ${task.number} words a duty differently: body "${diff.leftContext}", annex "${diff.rightContext}"`,
              },
          { path: `${taskPath}.workItems[${wi}].content`, text: diff.right },
          { ...where, workItemId: item.id },
        );
      }
    }
  });
}

/** Deadlines the body sets and the annex drops. */
function compareDeadlines(lint: Lint, task: KeyTask, taskPath: string): void {
  const annexKeys = new Set(task.workItems.map((i) => deadlineKey(i.deadlineText, lint.plan)));
  for (const phrase of task.deadlinePhrases) {
    if (annexKeys.has(deadlineKey(phrase.text, lint.plan))) continue;
    if (task.workItems.some((i) => i.content.includes(phrase.text))) continue;
    lint.add(
      'body_deadline_missing_in_annex',
      'warning',
      {
        zh: `重点任务${task.number}正文的时限“${phrase.text}”在分解表中没有体现`,
        en: `Key task ${task.number}'s body sets the deadline "${phrase.text}", which the annex drops`,
      },
      { path: `${taskPath}.body`, text: phrase.text, offset: phrase.offset },
      { keyTaskNumber: task.number },
    );
  }
}

function responsibleScope(refs: readonly UnitRef[]): Set<string> {
  return new Set(
    refs.map((r) =>
      r.kind === 'unit'
        ? r.unitId
        : r.kind === 'collective'
          ? canonicalCollective(r.collective)
          : `?${r.text}`,
    ),
  );
}

function canonicalCollective(key: CollectiveKey): string {
  return key === 'departments' ? '*other_departments' : `*${key}`;
}

function scopeLabel(s: string): string {
  const labels: Record<string, string> = {
    '*other_departments': '区政府其他工作部门',
    '*affiliated_agencies': '各直属机构',
    '*townships': '各乡镇街道',
  };
  return labels[s] ?? s;
}

function collectiveWords(refs: readonly UnitRef[]): string {
  return refs.map((r) => (r.kind === 'collective' ? r.collective : '')).join('|');
}
