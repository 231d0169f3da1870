import type { SourceLocation } from '../_lib/result';
import { extractDeadlinePhrases } from '../plan/extract-deadline-phrases';
import type { KeyTaskInput, SafeguardMeasureInput, WorkItemInput } from '../plan/types';
import type { Located } from './_lib/checks';
import { at, finding } from './_lib/finding';
import { finishPlan, sortFindings } from './_lib/finish-plan';
import { type NumberedLine, readFlatTable } from './_lib/flat-table';
import { readNoticeHeader } from './_lib/notice-header';
import { descendants, headingOf, type OutlineNode, readOutline } from './_lib/outline';
import { squash } from './_lib/text';
import { findUnitAnnotation, readFirstListedLeads, type UnitAnnotation } from './_lib/unit-annotation';
import { readTableRows, type TableKeyTask } from './read-table-rows';
import type { ImportFinding, ParsedPlanDocument, ParsePlanDocumentOptions } from './types';

const SAFEGUARD_SECTION =
  /^(?:\p{Script=Han}{0,4})(?:保障措施|组织保障|工作保障|保障机制|工作要求|组织实施|有关要求|实施步骤|工作步骤|其他事项)$/u;
const PREAMBLE_SECTION = /指导思想|总体要求|工作目标|基本原则|总体目标|主要目标|目标要求/u;
const GENERIC_SECTION =
  /^(?:重点任务|主要任务|工作任务|重点工作|主要工作|任务分工|工作重点|具体任务|重点工作任务|主要工作任务|工作内容|重点内容|任务清单)$/u;
const ANNEX_START = /^\s*附\s*件\s*\d*\s*[:：]?/u;
const TERMINAL = /[。)）”"’!！?？|》]$/u;

interface TaskDraft {
  readonly node: OutlineNode;
  readonly category: OutlineNode | undefined;
  readonly title: string;
  readonly body: string;
  readonly annotation: UnitAnnotation | undefined;
}

/**
 * Reads a 政务公开工作实施方案 (or 工作要点, 任务分工方案, 任务清单) as published: the notice header
 * (issuing office, 文号 in any bracket form, recipients, approving sentence, signature and date,
 * 此件公开发布), the plan title and the documents it cites, the headings 一、/(一)/1./(1) with every key
 * task's text and unit annotation, the 保障措施, and the annex's decomposition table flattened with `|`.
 *
 * Work items come from the annex; a key task the annex does not cover (or a plan with no annex) gets
 * one work item from its own text and annotation. Units are resolved against `options.registry`:
 * a name it does not know is an `unknown_unit` finding that proposes an entry, never a stop. Deadline
 * texts are read with `parseDeadline`. A document cut off mid-sentence yields every complete key
 * task and a `truncated_document` error for the rest. Pure: it never throws on any text.
 *
 * @example
 * ```ts
 * import { parsePlanDocument, qixingguanUnits } from '@qxg/disclosure-core';
 * const { plan, findings } = parsePlanDocument(text, { registry: qixingguanUnits, id: 'qixingguan-2020' });
 * plan?.categories.flatMap((c) => c.keyTasks).length; // 11
 * findings.filter((f) => f.severity === 'error'); // []
 * ```
 */
export function parsePlanDocument(text: string, options: ParsePlanDocumentOptions): ParsedPlanDocument {
  const findings: ImportFinding[] = [];
  const lines: NumberedLine[] = text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((t, i) => ({ line: i + 1, text: t.replace(/\u00A0|\u3000/gu, ' ') }));
  let annexAt = lines.findIndex((l) => ANNEX_START.test(l.text) || l.text.includes('|'));
  if (annexAt < 0) annexAt = lines.length;
  let firstHeading = lines.findIndex((l, i) => i < annexAt && headingOf(l.text.trim()) !== undefined);
  if (firstHeading < 0) firstHeading = annexAt;

  const header = readNoticeHeader(lines.slice(0, firstHeading));
  const roots = readOutline(lines.slice(firstHeading, annexAt));
  const leads = readFirstListedLeads(text);
  const table = readFlatTable(lines.slice(annexAt), options.registry);
  const reading = table ? readTableRows(table.rows, { columns: table.columns }) : undefined;
  if (table) findings.push(...table.findings);
  if (reading) findings.push(...reading.findings);
  const annexTasks = reading?.categories.flatMap((c) => c.keyTasks) ?? [];

  // Sections: 保障措施 and the like hold safeguards; the others hold key tasks.
  const heading = (n: OutlineNode) => (n.text.split('\n')[0] ?? '').split('。')[0]?.trim() ?? '';
  const safeguardRoots = roots.filter((r) => SAFEGUARD_SECTION.test(heading(r)) && r.children.length > 0);
  const taskRoots = roots.filter((r) => !safeguardRoots.includes(r));
  const candidates = taskRoots.flatMap((r) => [r, ...descendants(r)]);
  const annotated = candidates.filter((n) => findUnitAnnotation(n.text, leads) !== undefined);
  const taskKind = chooseTaskKind(candidates, annotated, annexTasks.length);

  // Truncation: the document ends inside the body, mid-sentence or before the last task's units.
  const lastText = [...lines].reverse().find((l) => l.text.trim() !== '');
  const endsInBody = lastText !== undefined && lastText.line - 1 < annexAt && roots.length > 0;
  const allNodes = roots.flatMap((r) => [r, ...descendants(r)]);
  const lastNode = allNodes.reduce<OutlineNode | undefined>(
    (a, n) => (a === undefined || n.line >= a.line ? n : a),
    undefined,
  );
  let cut: OutlineNode | undefined;
  if (endsInBody && lastText && lastNode) {
    const ownerTask = ancestry(lastNode).find((n) => n.kind === taskKind && candidates.includes(n));
    const unannotatedLast =
      ownerTask !== undefined &&
      annotated.length > 0 &&
      findUnitAnnotation(fullText(ownerTask), leads) === undefined;
    if (!TERMINAL.test(lastText.text.trim()) || unannotatedLast) {
      cut =
        ownerTask ??
        ancestry(lastNode).find((n) => safeguardRoots.some((r) => r.children.includes(n))) ??
        lastNode;
      findings.push(
        finding(
          'truncated_document',
          'error',
          `文档在第${lastText.line}行中断,第${cut.line}行起的“${heading(cut).slice(0, 20)}”不完整,未读入`,
          `The document is cut off at line ${lastText.line}; "${heading(cut).slice(0, 20)}" (from line ${cut.line}) is incomplete and was not read`,
          at({ line: cut.line, text: lastText.text.trim().slice(-20) }),
        ),
      );
    }
  }

  // Key tasks from the body.
  const drafts: TaskDraft[] = [];
  for (const node of candidates) {
    if (node.kind !== taskKind || node === cut) continue;
    if (node.parent === undefined && PREAMBLE_SECTION.test(heading(node)) && taskKind === 0) continue;
    const full = fullText(node);
    const annotation = findUnitAnnotation(full, leads);
    const { title, body } = splitTitle(annotation ? full.slice(0, annotation.start) : full);
    let category = node.parent;
    while (category && GENERIC_SECTION.test(heading(category))) category = category.parent;
    drafts.push({ node, category, title, body, annotation });
  }
  if (drafts.length > 0 && annotated.length === 0 && annexTasks.length === 0) {
    findings.push(
      finding(
        'missing_units',
        'warning',
        '正文没有标注牵头单位和责任单位,也没有任务分解表',
        'The body names no lead or responsible units and there is no decomposition table',
        { line: drafts[0]?.node.line ?? 0 },
      ),
    );
  }

  const unitLists: Located[] = [];
  const deadlines: Located[] = [];
  const categories: { title: string; keyTasks: KeyTaskInput[] }[] = [];
  let usedBodyItems = false;
  if (drafts.length > 0) {
    const byCategory = new Map<OutlineNode | undefined, KeyTaskInput[]>();
    let number = 0;
    for (const d of drafts) {
      number += 1;
      const line = d.node.line;
      if (d.node.number !== number && d.node.kind === 2) {
        findings.push(
          finding(
            'task_renumbered',
            'info',
            `重点任务“${d.title.slice(0, 20)}”编号${d.node.number},按顺序读作${number}`,
            `Key task "${d.title.slice(0, 20)}" is numbered ${d.node.number}; it is read as ${number}`,
            { line },
          ),
        );
      }
      if (d.annotation === undefined && annotated.length > 0) {
        findings.push(
          finding(
            'missing_units',
            'warning',
            `重点任务${number}没有标注牵头单位和责任单位`,
            `Key task ${number} names no lead or responsible units`,
            { line },
          ),
        );
      }
      const lead = d.annotation?.lead ?? '';
      const responsible = d.annotation?.responsible ?? '';
      unitLists.push({ text: lead, location: { line, column: '牵头单位' } });
      unitLists.push({ text: responsible, location: { line, column: '责任单位' } });
      const annex = annexTasks.find((t) => t.number === number);
      let workItems: WorkItemInput[];
      if (annex && annexTasks.length > 0) {
        if (!similarTitles(annex.title, d.title)) {
          findings.push(
            finding(
              'annex_title_differs',
              'info',
              `附件中重点任务${number}为“${annex.title}”,正文为“${d.title}”`,
              `Key task ${number} is "${annex.title}" in the annex but "${d.title}" in the body`,
              annex.location,
            ),
          );
        }
        workItems = itemsOf(annex, unitLists, deadlines);
      } else {
        if (annexTasks.length > 0) {
          findings.push(
            finding(
              'task_missing_in_annex',
              'warning',
              `附件没有重点任务${number}的分解,按正文读作一项`,
              `The annex has no rows for key task ${number}; its text is read as one work item`,
              { line },
            ),
          );
        }
        usedBodyItems = true;
        workItems = [bodyItem(d, number, findings)];
        deadlines.push({ text: workItems[0]?.deadlineText ?? '', location: { line, column: '完成时限' } });
      }
      const tasks = byCategory.get(d.category) ?? [];
      if (!byCategory.has(d.category)) byCategory.set(d.category, tasks);
      tasks.push({
        number,
        title: d.title,
        body: d.body,
        leadUnitsText: lead,
        responsibleUnitsText: responsible,
        workItems,
      });
    }
    for (const [node, keyTasks] of byCategory) {
      if (node === undefined) {
        findings.push(
          finding(
            'default_category',
            'info',
            '重点任务没有上级标题,归入类别“重点任务”',
            'The key tasks have no heading above them; they are put in a category "重点任务"',
            { line: keyTasks.length > 0 ? (drafts[0]?.node.line ?? 0) : 0 },
          ),
        );
      }
      categories.push({ title: node ? heading(node) : '重点任务', keyTasks });
    }
    for (const t of annexTasks.filter((t) => t.number > number)) {
      findings.push(
        finding(
          'annex_task_not_in_body',
          'warning',
          `附件中的重点任务${t.number}“${t.title}”在正文中没有,未读入`,
          `Key task ${t.number} "${t.title}" of the annex is not in the body; it was not read`,
          t.location,
        ),
      );
    }
  } else if (reading) {
    for (const c of reading.categories) {
      categories.push({
        title: c.title,
        keyTasks: c.keyTasks.map((t) => ({
          number: t.number,
          title: t.title,
          body: '',
          leadUnitsText: '',
          responsibleUnitsText: '',
          workItems: itemsOf(t, unitLists, deadlines),
        })),
      });
    }
  }
  if (usedBodyItems && annexTasks.length === 0) {
    findings.push(
      finding(
        'items_from_body',
        'info',
        '没有任务分解表:每项重点任务按正文读作一项工作任务',
        'No decomposition table: each key task is read as one work item from its text',
        { line: drafts[0]?.node.line ?? 0 },
      ),
    );
  }

  // Safeguards.
  const safeguards: SafeguardMeasureInput[] = [];
  for (const root of safeguardRoots) {
    for (const child of root.children) {
      if (child === cut) continue;
      const full = fullText(child);
      const annotation = findUnitAnnotation(full, leads);
      const { title, body } = splitTitle(annotation ? full.slice(0, annotation.start) : full);
      safeguards.push({
        title,
        body,
        leadUnitsText: annotation?.lead ?? '',
        responsibleUnitsText: annotation?.responsible ?? '',
      });
      unitLists.push({ text: annotation?.lead ?? '', location: { line: child.line, column: '牵头单位' } });
      unitLists.push({
        text: annotation?.responsible ?? '',
        location: { line: child.line, column: '责任单位' },
      });
    }
  }

  if (categories.length === 0) {
    findings.push(
      finding('no_tasks', 'error', '没有读到任何重点任务', 'No key task could be read', {
        line: firstHeading + 1,
      }),
    );
    return { findings: sortFindings(findings) };
  }

  return finishPlan(
    { ...header, hasNotice: header.docNumber !== undefined, tableTitle: table?.title },
    categories,
    safeguards,
    unitLists,
    deadlines,
    findings,
    options,
  );
}

/** The marker kind of the key tasks: the one most annotated nodes use, or a fallback. */
function chooseTaskKind(
  candidates: readonly OutlineNode[],
  annotated: readonly OutlineNode[],
  annexTasks: number,
): number {
  const count = (nodes: readonly OutlineNode[]) => {
    const m = new Map<number, number>();
    for (const n of nodes) m.set(n.kind, (m.get(n.kind) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  };
  if (annotated.length > 0) return count(annotated)[0]?.[0] ?? 2;
  const kinds = count(candidates.filter((n) => !(n.parent === undefined && PREAMBLE_SECTION.test(n.text))));
  if (annexTasks > 0) {
    const best = [...kinds].sort(
      (a, b) => Math.abs(a[1] - annexTasks) - Math.abs(b[1] - annexTasks) || a[0] - b[0],
    );
    return best[0]?.[0] ?? 2;
  }
  const withBody = candidates.filter(
    (n) => n.text.includes('。') && !(n.parent === undefined && PREAMBLE_SECTION.test(n.text)),
  );
  return Math.min(...withBody.map((n) => n.kind), 4);
}

/** A node and its ancestors, nearest first. */
function ancestry(node: OutlineNode): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (let n: OutlineNode | undefined = node; n; n = n.parent) out.push(n);
  return out;
}

/** A node's text with the text of every heading under it. */
function fullText(node: OutlineNode): string {
  return [node.text, ...descendants(node).map((d) => d.raw)].join('\n');
}

/** Splits a key task's text into its title (up to the first 。) and its body. */
function splitTitle(text: string): { title: string; body: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split('\n');
  const stop = first.indexOf('。');
  if (stop >= 0) {
    return { title: first.slice(0, stop).trim(), body: [first.slice(stop + 1), ...rest].join('\n').trim() };
  }
  return { title: first.trim().replace(/[.;；,，:：\s]+$/u, ''), body: rest.join('\n').trim() };
}

function similarTitles(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** The work items of an annex key task, noting their unit lists and deadlines for the checks. */
function itemsOf(task: TableKeyTask, unitLists: Located[], deadlines: Located[]): WorkItemInput[] {
  return task.items.map((item) => {
    const where = (column: string): SourceLocation => ({ ...item.location, column });
    unitLists.push({ text: item.leadUnitsText, location: where('牵头单位') });
    unitLists.push({ text: item.responsibleUnitsText, location: where('责任单位') });
    deadlines.push({ text: item.deadlineText, location: where('完成时限') });
    return {
      content: item.content,
      leadUnitsText: item.leadUnitsText,
      responsibleUnitsText: item.responsibleUnitsText,
      deadlineText: item.deadlineText,
    };
  });
}

/** One work item from a key task's own text, for a plan (or a task) the annex does not break down. */
function bodyItem(d: TaskDraft, number: number, findings: ImportFinding[]): WorkItemInput {
  let deadlineText = d.annotation?.deadline ?? '';
  if (deadlineText === '') {
    const phrases = extractDeadlinePhrases(d.body);
    deadlineText = phrases.map((p) => p.text).join(',');
    findings.push(
      phrases.length > 0
        ? finding(
            'deadline_from_body',
            'info',
            `重点任务${number}没有标注完成时限,取正文中的“${deadlineText}”`,
            `Key task ${number} states no deadline; "${deadlineText}" is taken from its text`,
            { line: d.node.line },
          )
        : finding(
            'empty_cell',
            'warning',
            `重点任务${number}没有完成时限`,
            `Key task ${number} has no deadline`,
            { line: d.node.line, column: '完成时限' },
          ),
    );
  }
  return {
    content: d.body === '' ? d.title : d.body,
    leadUnitsText: d.annotation?.lead ?? '',
    responsibleUnitsText: d.annotation?.responsible ?? '',
    deadlineText,
  };
}
