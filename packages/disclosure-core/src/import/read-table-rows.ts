import type { SourceLocation } from '../_lib/result';
import type { WorkItemInput } from '../plan/types';
import { at, finding } from './_lib/finding';
import { nfkc, squash, stripMarker } from './_lib/text';
import { splitLeadCell } from './_lib/unit-annotation';
import { TABLE_COLUMN_LABELS, type TableColumnKey } from './table-columns';
import type { ImportFinding } from './types';

/**
 * One row of a decomposition table as a reader found it. A value of `null`, or a column of the table
 * the row does not carry, is a merged or missing cell: it is read as the value above. An empty
 * string is a cell that is there but blank.
 *
 * @example
 * ```ts
 * const row: TableRowInput = {
 *   values: { keyTask: null, content: '深化农村产业革命信息公开。', lead: '区农业农村局', deadline: '长期坚持' },
 *   location: { line: 57 },
 * };
 * ```
 */
export interface TableRowInput {
  readonly values: Partial<Record<TableColumnKey, string | null>>;
  /** Where the row is: `line` in a text, `sheet` and `row` in a spreadsheet. */
  readonly location: SourceLocation;
  /** How each column is named where the row is (a letter such as `C`, or the header text). */
  readonly columnNames?: Partial<Record<TableColumnKey, string>>;
}

/**
 * A work item read from a table: the texts {@link createPlan} takes, plus what a tracked export
 * carries (status, due date, note) and where the row was.
 *
 * @example
 * ```ts
 * const item: TableItem = {
 *   content: '集中公开供水公共企事业单位标准规范清单。', leadUnitsText: '区水务局',
 *   responsibleUnitsText: '', deadlineText: '2020年9月底前', location: { sheet: '任务分解表', row: 22 },
 * };
 * ```
 */
export interface TableItem extends WorkItemInput {
  readonly location: SourceLocation;
  /** How the row's columns are named (letters in a spreadsheet), for findings. */
  readonly columnNames?: Partial<Record<TableColumnKey, string>>;
  readonly status?: string;
  readonly dueOn?: string;
  readonly note?: string;
}

/**
 * A key task read from a table: its running number, the number written in the cell (when there
 * was one), its title without the number, and its rows.
 *
 * @example
 * ```ts
 * const t: TableKeyTask = { number: 3, writtenNumber: 3, title: '围绕加强生态文明建设推进公开', location: { line: 60 }, items: [] };
 * ```
 */
export interface TableKeyTask {
  readonly number: number;
  readonly writtenNumber?: number;
  readonly title: string;
  readonly location: SourceLocation;
  readonly items: readonly TableItem[];
}

/**
 * The categories, key tasks and work items of a decomposition table, in order, and what was wrong.
 *
 * @example
 * ```ts
 * const { categories, findings } = readTableRows(rows, { columns: ['category', 'keyTask', 'content', 'lead', 'responsible', 'deadline'] });
 * ```
 */
export interface TableReading {
  readonly categories: readonly {
    readonly title: string;
    readonly location: SourceLocation;
    readonly keyTasks: readonly TableKeyTask[];
  }[];
  readonly findings: readonly ImportFinding[];
}

/**
 * Options of {@link readTableRows}.
 *
 * @example
 * ```ts
 * const options: ReadTableRowsOptions = { columns: ['keyTask', 'content', 'lead', 'deadline'] };
 * ```
 */
export interface ReadTableRowsOptions {
  /** The columns the table has, in order. */
  readonly columns: readonly TableColumnKey[];
  /** Category title for a table without a 类别 column. Default `重点任务`. */
  readonly defaultCategory?: string;
}

interface MutableTask {
  number: number;
  writtenNumber?: number;
  title: string;
  cell: string;
  location: SourceLocation;
  items: TableItem[];
}

/**
 * Groups decomposition-table rows into categories, key tasks and work items. Merged cells are read
 * as the value above (a category or key task cell spanning rows, a 责任单位 written once per task);
 * a blank 类别 or 重点任务 cell continues the one above too. Key tasks are numbered 1, 2, 3 … through
 * the table (a `task_renumbered` note when the cells say otherwise). Without a 重点任务 column every
 * row is its own key task. A missing 工作任务, 牵头单位 or 完成时限 column, or such a cell left blank,
 * is an `error` finding with the row and column.
 *
 * @example
 * ```ts
 * const { categories } = readTableRows(
 *   [
 *     { values: { keyTask: '1.推进公开。', content: '公开A。', lead: '区政府办', deadline: '年底前' }, location: { row: 2 } },
 *     { values: { keyTask: null, content: '公开B。', lead: '区水务局', deadline: '年底前' }, location: { row: 3 } },
 *   ],
 *   { columns: ['keyTask', 'content', 'lead', 'deadline'] },
 * );
 * categories[0]?.keyTasks[0]?.items.length; // 2
 * ```
 */
export function readTableRows(rows: readonly TableRowInput[], options: ReadTableRowsOptions): TableReading {
  const findings: ImportFinding[] = [];
  const has = (k: TableColumnKey) => options.columns.includes(k);
  for (const key of ['content', 'lead', 'deadline'] as const) {
    // A table naming only 责任单位 has its units there; one with no 完成时限 may carry it in 备注.
    if (has(key) || (key === 'lead' && has('responsible'))) continue;
    const fallback = key === 'deadline' && has('note');
    findings.push(
      finding(
        'missing_column',
        key === 'content' ? 'error' : 'warning',
        `表格缺少“${TABLE_COLUMN_LABELS[key]}”列${fallback ? ',完成时限取“备注”列' : ''}`,
        `The table has no ${TABLE_COLUMN_LABELS[key]} (${key}) column${fallback ? '; deadlines are read from the 备注 (note) column' : ''}`,
        at({ ...rows[0]?.location, row: undefined, line: undefined, column: TABLE_COLUMN_LABELS[key] }),
      ),
    );
  }
  if (!has('content')) return { categories: [], findings };
  const state: GroupState = { categories: [], above: {}, task: undefined, count: 0 };
  for (const row of rows) readRow(row, options, state, findings);
  return { categories: state.categories, findings };
}

interface GroupState {
  categories: { title: string; location: SourceLocation; keyTasks: MutableTask[] }[];
  above: Partial<Record<TableColumnKey, string>>;
  task: MutableTask | undefined;
  count: number;
  /** A section row just named the category of the rows below it. */
  sectionOpened?: boolean;
}

/** The row's values, merged and blank 类别 / 重点任务 cells read as the value above. */
function mergedValues(
  row: TableRowInput,
  columns: readonly TableColumnKey[],
  above: Partial<Record<TableColumnKey, string>>,
): { v: Partial<Record<TableColumnKey, string>>; explicit: Set<TableColumnKey> } {
  const v: Partial<Record<TableColumnKey, string>> = {};
  const explicit = new Set<TableColumnKey>();
  for (const key of columns) {
    const raw = row.values[key];
    const text = raw === null || raw === undefined ? undefined : raw.trim();
    const inherit = text === undefined || (text === '' && (key === 'category' || key === 'keyTask'));
    const value = inherit ? above[key] : text;
    if (!inherit) explicit.add(key);
    if (value !== undefined) v[key] = value;
  }
  return { v, explicit };
}

/** Adds one row to the categories, key tasks and work items read so far. */
function readRow(
  row: TableRowInput,
  options: ReadTableRowsOptions,
  state: GroupState,
  findings: ImportFinding[],
): void {
  const has = (k: TableColumnKey) => options.columns.includes(k);
  const { v, explicit } = mergedValues(row, options.columns, state.above);
  const cellAt = (key: TableColumnKey) =>
    at({ ...row.location, column: row.columnNames?.[key] ?? TABLE_COLUMN_LABELS[key] });
  const content = v.content ?? '';
  if (content === '' || !explicit.has('content')) {
    // A section row (一、基础工作 across the table, or a category cell alone) opens a group.
    const opens = [...explicit].filter((k) => k !== 'serial' && (row.values[k] ?? '') !== '');
    if (opens.length > 0 && opens.every((k) => k === 'category' || k === 'keyTask')) {
      if (!has('category')) {
        // No 类别 column: a row across the table (一、基础工作) is a category of its own.
        const title = cleanCategory(opens.map((k) => v[k] ?? '').join(''));
        state.categories.push({ title, location: cellAt(opens[0] ?? 'keyTask'), keyTasks: [] });
        state.task = undefined;
        state.above = { ...state.above, keyTask: '' };
        return;
      }
      state.above = { ...state.above, ...Object.fromEntries(opens.map((k) => [k, v[k]])) };
      if (opens.includes('category')) {
        delete state.above.keyTask;
        state.sectionOpened = true;
      }
      return;
    }
  }
  if (content === '') {
    findings.push(
      finding(
        'empty_cell',
        'error',
        '“工作任务”为空,此行未读入',
        'Empty work-item (content) cell; the row was skipped',
        cellAt('content'),
      ),
    );
    return;
  }
  if (!has('deadline') && has('note')) v.deadline = v.note ?? '';
  for (const key of ['lead', 'deadline'] as const) {
    if (has(key) && (v[key] ?? '') === '') {
      findings.push(
        finding(
          'empty_cell',
          'error',
          `“${TABLE_COLUMN_LABELS[key]}”为空`,
          `Empty ${TABLE_COLUMN_LABELS[key]} (${key}) cell`,
          cellAt(key),
        ),
      );
    }
  }
  let category = state.categories.at(-1);
  const categoryTitle = has('category')
    ? cleanCategory(v.category ?? '')
    : (category?.title ?? options.defaultCategory ?? '重点任务');
  const newCategory =
    category === undefined ||
    ((explicit.has('category') || state.sectionOpened === true) && category.title !== categoryTitle);
  state.sectionOpened = false;
  if (newCategory || category === undefined) {
    category = { title: categoryTitle, location: cellAt('category'), keyTasks: [] };
    state.categories.push(category);
  }
  const taskCell = has('keyTask') ? (v.keyTask ?? '') : content;
  const task = state.task;
  const sameTask =
    task !== undefined &&
    has('keyTask') &&
    !newCategory &&
    (!explicit.has('keyTask') || squash(task.cell) === squash(taskCell));
  if (!sameTask || task === undefined) {
    state.count += 1;
    state.task = openTask(taskCell, has('keyTask'), state.count, cellAt('keyTask'), findings);
    category.keyTasks.push(state.task);
  }
  const extra = (key: 'status' | 'dueOn' | 'note') =>
    has(key) && (v[key] ?? '') !== '' ? { [key]: v[key] as string } : {};
  const { lead, responsible } = unitsOfRow(v.lead ?? '', v.responsible ?? '');
  state.task?.items.push({
    content,
    leadUnitsText: lead,
    responsibleUnitsText: responsible,
    deadlineText: v.deadline ?? '',
    location: row.location,
    ...(row.columnNames === undefined ? {} : { columnNames: row.columnNames }),
    ...extra('status'),
    ...extra('dueOn'),
    ...extra('note'),
  });
  state.above = v;
}

/** A row's lead and responsible units; a cell "X牵头,Y配合" (牵头 in the cell) names both. */
function unitsOfRow(leadCell: string, responsibleCell: string): { lead: string; responsible: string } {
  const fromLead = splitLeadCell(leadCell);
  if (fromLead)
    return {
      lead: fromLead.lead,
      responsible: [fromLead.responsible, responsibleCell].filter((t) => t !== '').join('、'),
    };
  const fromResponsible = leadCell === '' ? splitLeadCell(responsibleCell) : undefined;
  return fromResponsible ?? { lead: leadCell, responsible: responsibleCell };
}

/** A new key task from its cell (or from the row's content when the table has no 重点任务 column). */
function openTask(
  taskCell: string,
  hasKeyTask: boolean,
  count: number,
  location: SourceLocation,
  findings: ImportFinding[],
): MutableTask {
  const { number, rest } = stripMarker(taskCell);
  const task: MutableTask = {
    number: count,
    ...(number === undefined || Number.isNaN(number) ? {} : { writtenNumber: number }),
    title: hasKeyTask ? cleanTitle(rest) : firstSentence(rest),
    cell: taskCell,
    location,
    items: [],
  };
  if (task.writtenNumber !== undefined && task.writtenNumber !== count) {
    findings.push(
      finding(
        'task_renumbered',
        'info',
        `表中重点任务编号${task.writtenNumber}按顺序读作${count}`,
        `Key task written as ${task.writtenNumber} is read as number ${count} (tasks are numbered in order)`,
        location,
      ),
    );
  }
  return task;
}

/** A category cell without its (一) / 一、 marker. */
function cleanCategory(s: string): string {
  return stripMarker(s).rest.trim();
}

/** A key task title without its number and trailing full stop. */
function cleanTitle(s: string): string {
  return s.trim().replace(/[。.;；,，\s]+$/u, '');
}

/** The first sentence of a text, for a table whose rows are their own key tasks. */
function firstSentence(s: string): string {
  const i = nfkc(s).search(/[。;]/u);
  return cleanTitle(i > 0 ? s.slice(0, i) : s);
}
