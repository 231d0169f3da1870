import { isIsoDate } from '../../_lib/iso-date';
import { createPlan } from '../../plan/create-plan';
import type { BasisDocument, KeyTaskInput, PlanInput, SafeguardMeasureInput } from '../../plan/types';
import type { ImportFinding, ParsedPlanDocument, ParsePlanDocumentOptions } from '../types';
import { checkDeadlines, checkUnits, type Located } from './checks';
import { at, finding } from './finding';
import { applyAbbreviations, readAbbreviations } from './same-below';

/** The facts about the notice a reader found (each may be missing). @internal */
export interface PlanFacts {
  readonly docNumber?: string | undefined;
  readonly title?: string | undefined;
  readonly titleLine?: number | undefined;
  readonly noticeTitle?: string | undefined;
  readonly issuer?: string | undefined;
  readonly issuedOn?: string | undefined;
  readonly year?: number | undefined;
  readonly recipientsText?: string | undefined;
  readonly approval?: string | undefined;
  readonly publicityText?: string | undefined;
  readonly basis?: readonly BasisDocument[] | undefined;
  /** Whether a notice header was there at all (its missing lines are then worth a note). */
  readonly hasNotice: boolean;
  readonly tableTitle?: string | undefined;
  /** The year the opening paragraph speaks of (2023年是…): the last fallback. */
  readonly bodyYear?: number | undefined;
}

/**
 * Completes a reading: notice facts with the options as fallbacks (and `year` as an override),
 * unit and deadline checks, then `createPlan`.
 * @internal
 */
export function finishPlan(
  facts: PlanFacts,
  categories: readonly { readonly title: string; readonly keyTasks: readonly KeyTaskInput[] }[],
  safeguards: readonly SafeguardMeasureInput[],
  unitLists: Located[],
  deadlines: readonly Located[],
  findings: ImportFinding[],
  options: ParsePlanDocumentOptions,
): ParsedPlanDocument {
  const title = facts.title ?? options.title ?? facts.tableTitle ?? '';
  const titleYear = /((?:19|20)\d{2})\s*年/u.exec(title)?.[1];
  const docNumber = facts.docNumber ?? options.docNumber ?? '';
  const issuedOn = facts.issuedOn ?? options.issuedOn ?? '';
  let year = options.year ?? facts.year ?? (titleYear ? Number(titleYear) : undefined);
  if (options.year !== undefined && titleYear !== undefined && Number(titleYear) !== options.year) {
    findings.push(
      finding(
        'year_mismatch',
        'warning',
        `标题年度为${titleYear},按指定的${options.year}年读入`,
        `The title says ${titleYear}; the plan is read as ${options.year} as asked`,
        at({ line: facts.titleLine }),
      ),
    );
  }
  year ??= Number(/〔(\d{4})〕/u.exec(docNumber)?.[1] ?? issuedOn.slice(0, 4)) || undefined;
  year ??= facts.bodyYear;
  const missing = (code: ImportFinding['code'], zh: string, en: string) =>
    findings.push(finding(code, 'error', zh, en, {}));
  if (docNumber === '') missing('missing_doc_number', '没有读到文号', 'No document number (文号) was found');
  if (!isIsoDate(issuedOn)) missing('missing_issue_date', '没有读到成文日期', 'No issue date was found');
  if (title === '') missing('missing_title', '没有读到方案标题', 'No plan title was found');
  if (year === undefined) missing('missing_year', '没有读到方案年度', 'No plan year was found');
  const issuer = facts.issuer ?? options.issuer ?? '';
  if (issuer === '') missing('missing_issuer', '没有读到发文机关', 'No issuing office was found');
  if (facts.recipientsText === undefined && facts.hasNotice) {
    findings.push(
      finding('missing_recipients', 'info', '没有读到主送机关', 'No recipients line was found', {}),
    );
  }
  if (facts.publicityText === undefined && facts.hasNotice) {
    findings.push(
      finding(
        'missing_publicity',
        'info',
        '没有读到“此件公开发布”一类的公开属性',
        'No publicity line (此件公开发布 …) was found',
        {},
      ),
    );
  }
  // (以下简称区府办,下同): the short name reads as the full one in every later row.
  const prose = categories.flatMap((c) =>
    c.keyTasks.flatMap((t) => [t.title, t.body, ...t.workItems.map((w) => w.content)]),
  );
  const abbreviations = readAbbreviations(
    unitLists,
    prose.map((text) => ({ text, location: {} })),
    options.registry,
  );
  const registry =
    abbreviations.length === 0
      ? options.registry
      : applyAbbreviations(options.registry, abbreviations, findings);
  const serial = /〕(\d+)号/u.exec(docNumber)?.[1];
  const input: PlanInput = {
    id: options.id ?? `plan-${year ?? 'undated'}${serial ? `-${serial}` : ''}`,
    docNumber,
    title,
    ...(facts.noticeTitle === undefined ? {} : { noticeTitle: facts.noticeTitle }),
    issuer,
    issuedOn,
    year: year ?? 0,
    recipientsText: facts.recipientsText ?? '',
    ...(facts.approval === undefined ? {} : { approval: facts.approval }),
    publicityText: facts.publicityText ?? '',
    basis: facts.basis ?? [],
    categories,
    safeguards,
    units: registry,
  };
  unitLists.push({ text: input.recipientsText, location: { column: '主送' } });
  const level = /(区|县|旗|市)(?:\d{4}年|人民政府)/u.exec(`${title}${issuer}`)?.[1] ?? '';
  findings.push(...checkUnits(unitLists, registry, level, abbreviations));
  findings.push(...checkDeadlines(deadlines, input.year, issuedOn));

  const result = createPlan(input);
  if (!result.ok) {
    const reported = new Set(findings.map((f) => f.code));
    const covers: Record<string, string> = {
      invalid_doc_number: 'missing_doc_number',
      invalid_issue_date: 'missing_issue_date',
      empty_title: 'missing_title',
      invalid_year: 'missing_year',
      empty_issuer: 'missing_issuer',
    };
    for (const issue of result.issues) {
      const twin = covers[issue.code];
      if (twin !== undefined && reported.has(twin as ImportFinding['code'])) continue;
      findings.push(
        finding('invalid_plan', 'error', issue.message.zh, issue.message.en, issue.location ?? {}),
      );
    }
    return { input, findings: sortFindings(findings) };
  }
  return { input, plan: result.value, findings: sortFindings(findings) };
}

/** Findings in document order (by line; those without a line first, as found). @internal */
export function sortFindings(findings: readonly ImportFinding[]): ImportFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.location.line ?? 0) - (b.f.location.line ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}
