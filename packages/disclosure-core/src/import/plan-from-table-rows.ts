import type { BasisDocument, KeyTaskInput, SafeguardMeasureInput } from '../plan/types';
import { type Located, noteWorkItem } from './_lib/checks';
import { finishPlan } from './_lib/finish-plan';
import { readTableRows, type TableRowInput } from './read-table-rows';
import { TABLE_COLUMN_LABELS, type TableColumnKey } from './table-columns';
import type { ImportFinding, ParsedPlanDocument, ParsePlanDocumentOptions } from './types';

/**
 * The notice facts a spreadsheet may carry beside its table (qxg writes them on a 方案信息 sheet).
 *
 * @example
 * ```ts
 * const notice: PlanNotice = { docNumber: '七星府办通〔2020〕84号', issuedOn: '2020-06-04', title: '…实施方案' };
 * ```
 */
export interface PlanNotice {
  readonly docNumber?: string;
  readonly title?: string;
  readonly noticeTitle?: string;
  readonly issuer?: string;
  readonly issuedOn?: string;
  readonly year?: number;
  readonly recipientsText?: string;
  readonly approval?: string;
  readonly publicityText?: string;
  readonly basis?: readonly BasisDocument[];
}

/**
 * Options of {@link planFromTableRows}: the registry and fallbacks of
 * {@link ParsePlanDocumentOptions}, the table's columns, and what a workbook carries besides the
 * table (the notice, the key tasks' own text and units, the 保障措施).
 *
 * @example
 * ```ts
 * const options: PlanFromTableOptions = { registry: qixingguanUnits, columns: ['keyTask', 'content', 'lead', 'deadline'] };
 * ```
 */
export interface PlanFromTableOptions extends ParsePlanDocumentOptions {
  readonly columns: readonly TableColumnKey[];
  readonly notice?: PlanNotice;
  /** Key tasks' body text and units by number; without them a key task's body and units are empty. */
  readonly keyTasks?: readonly Omit<KeyTaskInput, 'workItems'>[];
  readonly safeguards?: readonly SafeguardMeasureInput[];
  /** Findings a reader found before the rows (a bad sheet …), kept in the result. */
  readonly findings?: readonly ImportFinding[];
}

/**
 * Builds a plan from decomposition-table rows read from a spreadsheet or CSV (see
 * {@link readTableRows} for how merged cells and blank cells are read): categories and key tasks
 * from the table, notice facts from `options.notice` (then the other options), unit lists checked
 * against the registry (`unknown_unit` with a proposal) and deadlines against `parseDeadline`.
 *
 * @example
 * ```ts
 * const { plan, findings } = planFromTableRows(rows, {
 *   registry: qixingguanUnits,
 *   columns: ['category', 'keyTask', 'content', 'lead', 'responsible', 'deadline'],
 *   notice: { docNumber: '七星府办通〔2020〕84号', issuedOn: '2020-06-04', issuer: '…', title: '…' },
 * });
 * ```
 */
export function planFromTableRows(
  rows: readonly TableRowInput[],
  options: PlanFromTableOptions,
): ParsedPlanDocument {
  const findings: ImportFinding[] = [...(options.findings ?? [])];
  const reading = readTableRows(rows, { columns: options.columns });
  findings.push(...reading.findings);
  const unitLists: Located[] = [];
  const deadlines: Located[] = [];
  const categories = reading.categories.map((c) => ({
    title: c.title,
    keyTasks: c.keyTasks.map((t): KeyTaskInput => {
      const own = options.keyTasks?.find((k) => k.number === t.number);
      return {
        number: t.number,
        title: t.title,
        body: own?.body ?? '',
        leadUnitsText: own?.leadUnitsText ?? '',
        responsibleUnitsText: own?.responsibleUnitsText ?? '',
        workItems: t.items.map((item) =>
          noteWorkItem(
            item,
            (key) => ({ ...item.location, column: item.columnNames?.[key] ?? TABLE_COLUMN_LABELS[key] }),
            unitLists,
            deadlines,
          ),
        ),
      };
    }),
  }));
  for (const k of options.keyTasks ?? []) {
    unitLists.push({ text: k.leadUnitsText, location: { path: `keyTasks[${k.number}].leadUnitsText` } });
    unitLists.push({
      text: k.responsibleUnitsText,
      location: { path: `keyTasks[${k.number}].responsibleUnitsText` },
    });
  }
  if (categories.length === 0) {
    findings.push({
      code: 'no_tasks',
      severity: 'error',
      message: { zh: '表格中没有读到任何工作任务', en: 'No work item could be read from the table' },
      location: {},
    });
    return { findings };
  }
  const n = options.notice ?? {};
  return finishPlan(
    { ...n, hasNotice: n.docNumber !== undefined },
    categories,
    options.safeguards ?? [],
    unitLists,
    deadlines,
    findings,
    options,
  );
}
