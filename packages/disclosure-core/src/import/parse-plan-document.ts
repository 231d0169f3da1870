import { extractDeadlinePhrases } from '../plan/extract-deadline-phrases';
import type { KeyTaskInput, SafeguardMeasureInput, WorkItemInput } from '../plan/types';
import { type Located, noteWorkItem } from './_lib/checks';
import {
  type DocumentMeta,
  findAnnexStart,
  pipeCellLines,
  takeMetadata,
  toLines,
} from './_lib/document-lines';
import { at, finding } from './_lib/finding';
import { finishPlan, type PlanFacts } from './_lib/finish-plan';
import { type NumberedLine, readFlatTable } from './_lib/flat-table';
import { type NoticeHeader, normalizeDocNumber, readNoticeHeader } from './_lib/notice-header';
import { descendants, headingOf, type OutlineNode, readOutline } from './_lib/outline';
import { nfkc, squash } from './_lib/text';
import {
  type FirstListedLeads,
  findUnitAnnotation,
  findUnitAnnotations,
  readFirstListedLeads,
  type UnitAnnotation,
} from './_lib/unit-annotation';
import { readTableRows, type TableKeyTask, type TableReading } from './read-table-rows';
import type { ImportFinding, ParsedPlanDocument, ParsePlanDocumentOptions } from './types';

const SAFEGUARD_SECTION =
  /^(?:\p{Script=Han}{0,4})(?:保障措施|组织保障|工作保障|保障机制|工作要求|组织实施|有关要求|实施步骤|工作步骤|其他事项)$/u;
const PREAMBLE_SECTION = /指导思想|总体要求|工作目标|基本原则|总体目标|主要目标|目标要求/u;
const GENERIC_SECTION =
  /^(?:重点任务|主要任务|工作任务|重点工作|主要工作|任务分工|工作重点|具体任务|重点工作任务|主要工作任务|工作内容|重点内容|任务清单)$/u;
const TERMINAL = /[。)）”"’!！?？|》]$/u;

interface TaskDraft {
  readonly node: OutlineNode;
  readonly category: OutlineNode | undefined;
  readonly title: string;
  readonly body: string;
  readonly annotation: UnitAnnotation | undefined;
  /** The units came from a heading above the task (inherited). */
  readonly inherited?: boolean;
  /** A paragraph whose sentences each close with their own units: one work item each. */
  readonly parts?: readonly { readonly content: string; readonly annotation: UnitAnnotation }[];
}

/**
 * Reads a 政务公开工作实施方案 (or 工作要点, 任务分工方案, 任务清单) as published: the notice header
 * (issuing office, 文号 in any bracket form, recipients, approving sentence, signature and date,
 * 此件公开发布), a web page's metadata box (索引号, 发文字号, 成文日期, 发布日期 in any of its forms), the plan
 * title and the documents it cites, the headings 一、/(一)/1./(1)/①/第一部分 with every key task's text
 * and unit annotation (labelled, unlabelled, several per paragraph, or given at a heading), the
 * 保障措施, and the annex's decomposition table flattened with `|` or one cell per line (any column
 * set and order; merged cells written once). Word and HTML files reach it through `@qxg/plan-io`.
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
  const doc = readDocumentParts(text, options, findings);
  const sections = readSections(doc);
  const cut = findCut(doc, sections, findings);
  const drafts = draftTasks(sections, cut, doc.leads);
  if (drafts.length > 0 && sections.annotated.length === 0 && doc.annexTasks.length === 0) {
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
  const acc: Accumulator = { unitLists: [], deadlines: [], findings, usedBodyItems: false };
  const categories =
    drafts.length > 0
      ? bodyCategories(drafts, doc.annexTasks, sections.annotated.length > 0, acc)
      : tableCategories(doc.reading, acc);
  if (acc.usedBodyItems && doc.annexTasks.length === 0) {
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
  const safeguards = readSafeguards(sections.safeguardRoots, cut, doc.leads, acc.unitLists);
  if (categories.length === 0) {
    findings.push(
      finding('no_tasks', 'error', '没有读到任何重点任务', 'No key task could be read', {
        line: doc.firstHeading + 1,
      }),
    );
  }
  const facts = noticeFacts(doc, findings);
  const result = finishPlan(facts, categories, safeguards, acc.unitLists, acc.deadlines, findings, options);
  if (categories.length > 0) return result;
  // Nothing to track, but the notice facts are still worth returning (a header-only page).
  return {
    ...(result.input === undefined ? {} : { input: result.input }),
    findings: result.findings.filter((f) => f.code !== 'invalid_plan'),
  };
}

interface DocumentParts {
  readonly lines: readonly NumberedLine[];
  readonly header: NoticeHeader;
  readonly meta: DocumentMeta;
  readonly roots: readonly OutlineNode[];
  readonly leads: FirstListedLeads;
  readonly annexAt: number;
  readonly firstHeading: number;
  readonly tableTitle: string | undefined;
  readonly reading: TableReading | undefined;
  readonly annexTasks: readonly TableKeyTask[];
  readonly bodyYear: number | undefined;
}

/** Splits the document into its metadata box, notice header, body outline and annex table. */
function readDocumentParts(
  text: string,
  options: ParsePlanDocumentOptions,
  findings: ImportFinding[],
): DocumentParts {
  const { lines: raw, meta } = takeMetadata(toLines(text));
  const lines = pipeCellLines(raw);
  const firstMarker = lines.findIndex((l) => headingOf(l.text.trim()) !== undefined);
  const annexAt = findAnnexStart(lines, firstMarker < 0 ? lines.length : firstMarker);
  let firstHeading = lines.findIndex((l, i) => i < annexAt && headingOf(l.text.trim()) !== undefined);
  if (firstHeading < 0) firstHeading = annexAt;
  const header = readNoticeHeader(lines.slice(0, firstHeading));
  const roots = readOutline(lines.slice(firstHeading, annexAt));
  const table = readFlatTable(lines.slice(annexAt), options.registry);
  const reading = table ? readTableRows(table.rows, { columns: table.columns }) : undefined;
  if (table) findings.push(...table.findings);
  if (reading) findings.push(...reading.findings);
  // 2023年是…: the year the opening paragraph speaks of, the last fallback for the plan year.
  const opening = lines
    .slice(0, firstHeading)
    .find((l) => /^\s*(?:19|20)\d{2}\s*年/u.test(l.text) && /[。,，]/u.test(l.text));
  const bodyYear = opening ? Number(/(\d{4})/u.exec(opening.text)?.[1]) : undefined;
  return {
    lines,
    header,
    meta,
    roots,
    leads: leadRule(text, options, findings),
    annexAt,
    firstHeading,
    tableTitle: table?.title,
    reading,
    annexTasks: reading?.categories.flatMap((c) => c.keyTasks) ?? [],
    bodyYear,
  };
}

/** The document's own lead rule, else the option's (with a note). */
function leadRule(
  text: string,
  options: ParsePlanDocumentOptions,
  findings: ImportFinding[],
): FirstListedLeads {
  const rule = readFirstListedLeads(text);
  if (rule !== 'no' || options.firstListedLeads !== true) return rule;
  findings.push(
    finding(
      'lead_from_first_listed',
      'info',
      '文件没有说明谁牵头:按选项,单位名单中排在第一位的读作牵头单位',
      'The document does not say who leads: as asked, the first unit of each list is read as the lead',
      {},
    ),
  );
  return 'first';
}

/** The notice facts: the header's, completed by the web page's metadata box. */
function noticeFacts(doc: DocumentParts, findings: ImportFinding[]): PlanFacts {
  const { header, meta } = doc;
  const metaNumber = meta.docNumber === undefined ? undefined : normalizeDocNumber(meta.docNumber);
  let docNumber = header.docNumber ?? metaNumber;
  const damaged =
    header.damagedDocNumber ??
    (metaNumber === undefined && meta.docNumber !== undefined && /\d/u.test(meta.docNumber)
      ? { text: meta.docNumber, line: meta.line ?? 0 }
      : undefined);
  if (damaged !== undefined) {
    findings.push(
      finding(
        'damaged_doc_number',
        'warning',
        `文号“${damaged.text}”不完整(括号或“号”缺失)${docNumber === undefined ? ',按原文保留' : `,取“${docNumber}”`}`,
        `The document number "${damaged.text}" is damaged (brackets or 号 lost)${docNumber === undefined ? '; it is kept as written' : `; "${docNumber}" is used`}`,
        at({ line: damaged.line, text: damaged.text }),
      ),
    );
    docNumber ??= damaged.text;
  }
  const issuedOn = header.issuedOn ?? meta.issuedOn ?? meta.publishedOn;
  if (header.issuedOn === undefined && meta.issuedOn === undefined && meta.publishedOn !== undefined) {
    findings.push(
      finding(
        'publication_date_used',
        'warning',
        `没有成文日期,取发布日期${meta.publishedOn}`,
        `No issue date: the publication date ${meta.publishedOn} is used`,
        at({ line: meta.line }),
      ),
    );
  } else if (issuedOn !== undefined && meta.publishedOn !== undefined && meta.publishedOn !== issuedOn) {
    findings.push(
      finding(
        'publication_date_differs',
        'info',
        `成文日期${issuedOn}与网页发布日期${meta.publishedOn}不同,取成文日期`,
        `The issue date ${issuedOn} differs from the page's publication date ${meta.publishedOn}; the issue date is used`,
        at({ line: meta.line }),
      ),
    );
  }
  return {
    ...header,
    docNumber,
    issuedOn,
    issuer: header.issuer ?? meta.issuer ?? meta.publisher,
    hasNotice: docNumber !== undefined,
    tableTitle: doc.tableTitle,
    bodyYear: doc.bodyYear,
  };
}

interface Sections {
  readonly safeguardRoots: readonly OutlineNode[];
  readonly candidates: readonly OutlineNode[];
  readonly annotated: readonly OutlineNode[];
  readonly taskKind: number;
}

const headingText = (n: OutlineNode) => (n.text.split('\n')[0] ?? '').split('。')[0]?.trim() ?? '';

/** 保障措施 and the like hold safeguards; the others hold key tasks, at the marker level chosen. */
function readSections(doc: DocumentParts): Sections {
  const safeguardRoots = doc.roots.filter(
    (r) => SAFEGUARD_SECTION.test(headingText(r)) && r.children.length > 0,
  );
  const taskRoots = doc.roots.filter((r) => !safeguardRoots.includes(r));
  const candidates = taskRoots.flatMap((r) => [r, ...descendants(r)]);
  const annotated = candidates.filter((n) => findUnitAnnotation(n.text, doc.leads) !== undefined);
  return {
    safeguardRoots,
    candidates,
    annotated,
    taskKind: chooseTaskKind(candidates, annotated, doc.annexTasks.length),
  };
}

/** The node the document is cut off in (a `truncated_document` error), if it ends mid-sentence. */
function findCut(doc: DocumentParts, sections: Sections, findings: ImportFinding[]): OutlineNode | undefined {
  const { lines, roots, annexAt, leads } = doc;
  const lastText = [...lines].reverse().find((l) => l.text.trim() !== '');
  const endsInBody = lastText !== undefined && lastText.line - 1 < annexAt && roots.length > 0;
  const allNodes = roots.flatMap((r) => [r, ...descendants(r)]);
  const lastNode = allNodes.reduce<OutlineNode | undefined>(
    (a, n) => (a === undefined || n.line >= a.line ? n : a),
    undefined,
  );
  if (!endsInBody || !lastText || !lastNode) return undefined;
  const ownerTask = ancestry(lastNode).find(
    (n) => n.kind === sections.taskKind && sections.candidates.includes(n),
  );
  const unannotatedLast =
    ownerTask !== undefined &&
    sections.annotated.length > 0 &&
    findUnitAnnotation(fullText(ownerTask), leads) === undefined;
  const last = nfkc(lastText.text.trim());
  // A field line (完成时限:2024年11月底前) ends an item as a full stop does, if its value is whole.
  const fieldEnd =
    /^(?:牵头单位|责任单位|责任主体|责任部门|配合单位|完成时限|时限要求)\s*:/u.test(last) &&
    /(?:前|底|末|内|止|完成|坚持|全年|常态化|\d日|月|[局办委室科所站院心])$/u.test(last);
  if ((TERMINAL.test(last) || fieldEnd) && !unannotatedLast) return undefined;
  const cut =
    ownerTask ??
    ancestry(lastNode).find((n) => sections.safeguardRoots.some((r) => r.children.includes(n))) ??
    lastNode;
  findings.push(
    finding(
      'truncated_document',
      'error',
      `文档在第${lastText.line}行中断,第${cut.line}行起的“${headingText(cut).slice(0, 20)}”不完整,未读入`,
      `The document is cut off at line ${lastText.line}; "${headingText(cut).slice(0, 20)}" (from line ${cut.line}) is incomplete and was not read`,
      at({ line: cut.line, text: lastText.text.trim().slice(-20) }),
    ),
  );
  return cut;
}

/** The key tasks of the body: their node, category, title, body and unit annotation. */
function draftTasks(sections: Sections, cut: OutlineNode | undefined, leads: FirstListedLeads): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const inPreamble = (node: OutlineNode) =>
    ancestry(node).some((a) => a.parent === undefined && PREAMBLE_SECTION.test(headingText(a)));
  for (const node of sections.candidates) {
    if (node.kind !== sections.taskKind || node === cut) continue;
    if (
      node.parent === undefined
        ? PREAMBLE_SECTION.test(headingText(node)) && sections.taskKind === 0
        : inPreamble(node)
    )
      continue;
    const full = fullText(node);
    let category = node.parent;
    while (category && GENERIC_SECTION.test(headingText(category))) category = category.parent;
    const all = findUnitAnnotations(full, leads);
    if (all.length >= 2) {
      drafts.push({ node, category, ...multiPart(full, all) });
      continue;
    }
    let annotation = findUnitAnnotation(full, leads);
    const { title, body } = splitTitle(annotation ? full.slice(0, annotation.start) : full);
    // Units given once at a heading hold for the items under it.
    let inherited = false;
    for (let a = node.parent; annotation === undefined && a; a = a.parent) {
      annotation = findUnitAnnotation(a.text, leads);
      inherited = annotation !== undefined;
    }
    drafts.push({ node, category, title, body, annotation, ...(inherited ? { inherited } : {}) });
  }
  return drafts;
}

/** A paragraph of several sentences, each closing with its own units: its parts and their union. */
function multiPart(
  full: string,
  all: readonly (UnitAnnotation & { readonly end: number })[],
): Pick<TaskDraft, 'title' | 'body' | 'annotation' | 'parts'> {
  const parts = all.map((a, i) => ({
    content: full
      .slice(i === 0 ? 0 : (all[i - 1]?.end ?? 0), a.start)
      .replace(/^[\s。;；]+/u, '')
      .trim(),
    annotation: a,
  }));
  const union = (pick: (a: UnitAnnotation) => string) =>
    [...new Set(all.map(pick).filter((t) => t !== ''))].join('、');
  const { title, body } = splitTitle(parts.map((p) => `${p.content}。`).join(''));
  return {
    title,
    body,
    annotation: {
      lead: union((a) => a.lead),
      responsible: union((a) => a.responsible),
      deadline: '',
      start: all[0]?.start ?? 0,
    },
    parts,
  };
}

interface Accumulator {
  readonly unitLists: Located[];
  readonly deadlines: Located[];
  readonly findings: ImportFinding[];
  usedBodyItems: boolean;
}

/** The categories of a plan whose key tasks are in the body, their work items from the annex or their own text. */
function bodyCategories(
  drafts: readonly TaskDraft[],
  annexTasks: readonly TableKeyTask[],
  anyAnnotated: boolean,
  acc: Accumulator,
): { title: string; keyTasks: KeyTaskInput[] }[] {
  const { findings, unitLists } = acc;
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
    if (d.annotation === undefined && anyAnnotated) {
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
    const tasks = byCategory.get(d.category) ?? [];
    if (!byCategory.has(d.category)) byCategory.set(d.category, tasks);
    tasks.push({
      number,
      title: d.title,
      body: d.body,
      leadUnitsText: lead,
      responsibleUnitsText: responsible,
      workItems: workItemsOf(d, number, annexTasks, acc),
    });
  }
  const categories: { title: string; keyTasks: KeyTaskInput[] }[] = [];
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
    categories.push({ title: node ? headingWithoutUnits(node) : '重点任务', keyTasks });
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
  return categories;
}

/** A body key task's work items: the annex rows of its number, else one item from its own text. */
function workItemsOf(
  d: TaskDraft,
  number: number,
  annexTasks: readonly TableKeyTask[],
  acc: Accumulator,
): WorkItemInput[] {
  const annex = annexTasks.find((t) => t.number === number);
  if (annex) {
    if (!similarTitles(annex.title, d.title)) {
      acc.findings.push(
        finding(
          'annex_title_differs',
          'info',
          `附件中重点任务${number}为“${annex.title}”,正文为“${d.title}”`,
          `Key task ${number} is "${annex.title}" in the annex but "${d.title}" in the body`,
          annex.location,
        ),
      );
    }
    return itemsOf(annex, acc.unitLists, acc.deadlines);
  }
  if (annexTasks.length > 0) {
    acc.findings.push(
      finding(
        'task_missing_in_annex',
        'warning',
        `附件没有重点任务${number}的分解,按正文读作一项`,
        `The annex has no rows for key task ${number}; its text is read as one work item`,
        { line: d.node.line },
      ),
    );
  }
  acc.usedBodyItems = true;
  if (d.inherited) {
    acc.findings.push(
      finding(
        'units_from_heading',
        'info',
        `重点任务${number}本身没有标注单位,沿用上级标题的单位`,
        `Key task ${number} names no units itself; those of the heading above it are used`,
        { line: d.node.line },
      ),
    );
  }
  const items = d.parts
    ? d.parts.map((p) => ({
        content: p.content,
        leadUnitsText: p.annotation.lead,
        responsibleUnitsText: p.annotation.responsible,
        deadlineText: p.annotation.deadline,
      }))
    : [bodyItem(d, number, acc.findings)];
  for (const item of items)
    acc.deadlines.push({ text: item.deadlineText, location: { line: d.node.line, column: '完成时限' } });
  return items;
}

/** The categories of a table-only plan (an annex with no body). */
function tableCategories(
  reading: TableReading | undefined,
  acc: Accumulator,
): { title: string; keyTasks: KeyTaskInput[] }[] {
  return (reading?.categories ?? []).map((c) => ({
    title: c.title,
    keyTasks: c.keyTasks.map((t) => ({
      number: t.number,
      title: t.title,
      body: '',
      leadUnitsText: '',
      responsibleUnitsText: '',
      workItems: itemsOf(t, acc.unitLists, acc.deadlines),
    })),
  }));
}

/** The 保障措施: each child of a safeguard section, with its annotation. */
function readSafeguards(
  roots: readonly OutlineNode[],
  cut: OutlineNode | undefined,
  leads: FirstListedLeads,
  unitLists: Located[],
): SafeguardMeasureInput[] {
  const safeguards: SafeguardMeasureInput[] = [];
  for (const child of roots.flatMap((r) => r.children)) {
    if (child === cut) continue;
    const full = fullText(child);
    const annotation = findUnitAnnotation(full, leads);
    const { title, body } = splitTitle(annotation ? full.slice(0, annotation.start) : full);
    const lead = annotation?.lead ?? '';
    const responsible = annotation?.responsible ?? '';
    safeguards.push({ title, body, leadUnitsText: lead, responsibleUnitsText: responsible });
    unitLists.push({ text: lead, location: { line: child.line, column: '牵头单位' } });
    unitLists.push({ text: responsible, location: { line: child.line, column: '责任单位' } });
  }
  return safeguards;
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

/** A heading's text without a unit annotation it carries for the items under it. */
function headingWithoutUnits(node: OutlineNode): string {
  const first = node.text.split('\n')[0] ?? '';
  const annotation = findUnitAnnotation(first, 'no');
  return headingText({ ...node, text: annotation ? first.slice(0, annotation.start) : node.text });
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
  const labels = { lead: '牵头单位', responsible: '责任单位', deadline: '完成时限' } as const;
  return task.items.map((item) =>
    noteWorkItem(item, (column) => ({ ...item.location, column: labels[column] }), unitLists, deadlines),
  );
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
