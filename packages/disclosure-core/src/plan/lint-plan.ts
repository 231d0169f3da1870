import { assertNever } from '../_lib/core-error';
import type { Issue, LocalizedMessage, SourceLocation } from '../_lib/result';
import { parseDeadline } from '../deadlines/parse-deadline';
import { indexRegistry } from '../units/_lib/registry-index';
import type { CollectiveKey } from '../units/collective';
import { expandUnitRefs } from '../units/expand-unit-refs';
import type { UnitRef } from '../units/resolve-unit-names';
import type { UnitId } from '../units/unit';
import { bigramDice, splitSentences, textDifferences } from './_lib/text-similarity';
import { extractDeadlinePhrases } from './extract-deadline-phrases';
import type { KeyTask, Plan, WorkItem, WorkItemId } from './types';

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

/** Words that say who carries a duty (全区, 全市, 各级, 各部门, 各单位, 行政机关, 本单位, 本地本部门). */
const IMPLEMENTER_SCOPE = /全[区市省县]|各级|各部门|各单位|行政机关|本地|本部门|本单位|本级/u;

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
  const findings: PlanFinding[] = [];
  const threshold = options.similarity ?? 0.6;
  const unitName = (id: UnitId): string => indexRegistry(plan.units).byId.get(id)?.name ?? id;
  const add = (
    code: PlanFindingCode,
    severity: FindingSeverity,
    message: LocalizedMessage,
    location: SourceLocation & { path: string },
    where: { keyTaskNumber?: number; workItemId?: WorkItemId } = {},
  ): void => {
    findings.push({ code, severity, message, location, ...where });
  };

  const reportUnknown = (
    refs: readonly UnitRef[],
    path: string,
    where: { keyTaskNumber?: number; workItemId?: WorkItemId },
  ) => {
    for (const ref of refs) {
      if (ref.kind !== 'unknown') continue;
      add(
        'unknown_unit',
        'error',
        { zh: `单位名录中没有“${ref.text}”`, en: `The unit registry has no unit named "${ref.text}"` },
        { path, text: ref.text, offset: ref.offset },
        where,
      );
    }
  };
  reportUnknown(plan.recipients, 'recipientsText', {});

  const seenContent = new Map<string, WorkItem>();
  plan.categories.forEach((category, ci) => {
    category.keyTasks.forEach((task, ti) => {
      const taskPath = `categories[${ci}].keyTasks[${ti}]`;
      const where = { keyTaskNumber: task.number };
      reportUnknown(task.leadUnits, `${taskPath}.leadUnitsText`, where);
      reportUnknown(task.responsibleUnits, `${taskPath}.responsibleUnitsText`, where);
      checkLeadAndResponsible(task.leadUnits, task.responsibleUnits, `${taskPath}`, where);
      task.workItems.forEach((item, wi) => {
        const path = `${taskPath}.workItems[${wi}]`;
        const itemWhere = { keyTaskNumber: task.number, workItemId: item.id };
        reportUnknown(item.leadUnits, `${path}.leadUnitsText`, itemWhere);
        reportUnknown(item.responsibleUnits, `${path}.responsibleUnitsText`, itemWhere);
        if (
          expandUnitRefs(item.leadUnits, plan.units).length === 0 &&
          !item.leadUnits.some((r) => r.kind === 'unknown')
        ) {
          add(
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
          add(
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
        checkLeadAndResponsible(item.leadUnits, item.responsibleUnits, path, itemWhere);
        const key = item.content.normalize('NFKC').replace(/[\s。,，、;；]/gu, '');
        const earlier = seenContent.get(key);
        if (earlier) {
          add(
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
        checkContentDeadlines(item, path, itemWhere);
      });
      compareBodyWithAnnex(task, taskPath);
    });
  });
  plan.safeguards.forEach((s, si) => {
    const path = `safeguards[${si}]`;
    reportUnknown(s.leadUnits, `${path}.leadUnitsText`, {});
    reportUnknown(s.responsibleUnits, `${path}.responsibleUnitsText`, {});
    checkLeadAndResponsible(s.leadUnits, s.responsibleUnits, path, {});
  });

  const rank: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);

  function checkLeadAndResponsible(
    leadRefs: readonly UnitRef[],
    responsibleRefs: readonly UnitRef[],
    path: string,
    where: { keyTaskNumber?: number; workItemId?: WorkItemId },
  ): void {
    const leads = expandUnitRefs(leadRefs, plan.units).map((l) => l.unitId);
    const leadSet = new Set(leads);
    for (const r of expandUnitRefs(responsibleRefs, plan.units, { leads })) {
      if (!leadSet.has(r.unitId)) continue;
      const name = unitName(r.unitId);
      if (r.via) {
        add(
          'lead_in_responsible_collective',
          'info',
          {
            zh: `牵头单位${name}也属于责任单位“${r.via.phrase}”;按牵头单位计`,
            en: `Lead unit ${name} is also within the responsible units "${r.via.phrase}"; it counts as a lead`,
          },
          { path: `${path}.responsibleUnitsText`, text: r.via.phrase },
          where,
        );
      } else {
        add(
          'lead_and_responsible',
          'warning',
          {
            zh: `${name}既是牵头单位又是责任单位`,
            en: `${name} is named both as a lead and as a responsible unit`,
          },
          { path: `${path}.responsibleUnitsText`, text: name },
          where,
        );
      }
    }
  }

  function checkContentDeadlines(
    item: WorkItem,
    path: string,
    where: { keyTaskNumber: number; workItemId: WorkItemId },
  ): void {
    const column = deadlineKey(item.deadlineText, plan);
    for (const phrase of extractDeadlinePhrases(item.content)) {
      if (deadlineKey(phrase.text, plan) === column) continue;
      add(
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

  function compareBodyWithAnnex(task: KeyTask, taskPath: string): void {
    const where = { keyTaskNumber: task.number };
    if (task.workItems.length === 0) return;
    const bodyLeads = expandUnitRefs(task.leadUnits, plan.units).map((u) => u.unitId);
    const annexLeads = new Set(
      task.workItems.flatMap((i) => expandUnitRefs(i.leadUnits, plan.units).map((u) => u.unitId)),
    );
    for (const id of bodyLeads) {
      if (annexLeads.has(id)) continue;
      const ref = task.leadUnits.find((r) => r.kind === 'unit' && r.unitId === id);
      add(
        'body_lead_missing_in_annex',
        'warning',
        {
          zh: `重点任务${task.number}正文的牵头单位${unitName(id)}在分解表中没有承担任何事项`,
          en: `Key task ${task.number}'s body names ${unitName(id)} as a lead, but no annex row does`,
        },
        {
          path: `${taskPath}.leadUnitsText`,
          text: ref?.text ?? unitName(id),
          ...(ref ? { offset: ref.offset } : {}),
        },
        where,
      );
    }
    const bodyLeadSet = new Set(bodyLeads);
    for (const id of annexLeads) {
      if (bodyLeadSet.has(id)) continue;
      const item = task.workItems.find((i) => i.leadUnits.some((r) => r.kind === 'unit' && r.unitId === id));
      add(
        'annex_lead_missing_in_body',
        'warning',
        {
          zh: `分解表中重点任务${task.number}的牵头单位${unitName(id)}在正文中未列为牵头单位`,
          en: `The annex makes ${unitName(id)} a lead of key task ${task.number}, but the body does not`,
        },
        { path: `${taskPath}.workItems[${(item?.ordinal ?? 1) - 1}].leadUnitsText`, text: unitName(id) },
        { ...where, ...(item ? { workItemId: item.id } : {}) },
      );
    }

    // Responsible units: 区政府各工作部门 and 区政府其他工作部门 name the same duty once leads win.
    const scope = (refs: readonly UnitRef[]): Set<string> =>
      new Set(
        refs.map((r) =>
          r.kind === 'unit'
            ? r.unitId
            : r.kind === 'collective'
              ? canonicalCollective(r.collective)
              : `?${r.text}`,
        ),
      );
    const bodyScope = scope(task.responsibleUnits);
    const annexScope = new Set(task.workItems.flatMap((i) => [...scope(i.responsibleUnits)]));
    const onlyAnnex = [...annexScope].filter((s) => !bodyScope.has(s));
    const onlyBody = [...bodyScope].filter((s) => !annexScope.has(s));
    const annexText = task.workItems[0]?.responsibleUnitsText ?? '';
    if (onlyAnnex.length > 0 || onlyBody.length > 0) {
      add(
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
      task.workItems.some(
        (i) => collectiveWords(i.responsibleUnits) !== collectiveWords(task.responsibleUnits),
      )
    ) {
      add(
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

    // Duties: each annex sentence against its closest body sentence.
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
        if (bestScore === 1 || bestScore < threshold) continue;
        for (const diff of textDifferences(best, sentence)) {
          if (diff.left === '' || diff.right === '') continue; // a clause dropped, added or moved: not reworded
          const scopeChange = IMPLEMENTER_SCOPE.test(diff.left) || IMPLEMENTER_SCOPE.test(diff.right);
          add(
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

    // Deadlines the body sets and the annex drops.
    const annexKeys = new Set(task.workItems.map((i) => deadlineKey(i.deadlineText, plan)));
    for (const phrase of task.deadlinePhrases) {
      if (annexKeys.has(deadlineKey(phrase.text, plan))) continue;
      if (task.workItems.some((i) => i.content.includes(phrase.text))) continue;
      add(
        'body_deadline_missing_in_annex',
        'warning',
        {
          zh: `重点任务${task.number}正文的时限“${phrase.text}”在分解表中没有体现`,
          en: `Key task ${task.number}'s body sets the deadline "${phrase.text}", which the annex drops`,
        },
        { path: `${taskPath}.body`, text: phrase.text, offset: phrase.offset },
        where,
      );
    }
  }
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

/**
 * A comparison key for deadline wording within one plan, from what `parseDeadline` reads: `2020年7月底前`
 * and `7月底前` agree (same due date), and so do 年底前, 年内 and 全年; every standing duty (立即落实,长期坚持,
 * with or without 并) is one key; an awaited event is keyed by the event. Unreadable wording is compared as text.
 */
function deadlineKey(text: string, plan: Plan): string {
  const parsed = parseDeadline(text, { planYear: plan.year, issuedOn: plan.issuedOn });
  if (!parsed.ok) return `text:${text.normalize('NFKC').replace(/\s/gu, '')}`;
  const deadline = parsed.value;
  switch (deadline.kind) {
    case 'by':
      return `by:${deadline.dueOn}`;
    case 'ongoing':
      return 'ongoing';
    case 'afterEvent':
      return `after:${deadline.event.key}`;
    case 'milestones':
    case 'recurring':
    case 'relative':
      return `${deadline.kind}:${text.normalize('NFKC').replace(/\s/gu, '')}`;
    default:
      return assertNever(deadline, 'deadline');
  }
}
