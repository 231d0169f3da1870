import type { IsoDate, Plan, TableColumnKey } from '@qxg/disclosure-core';

/** A work item's tracking state as of a date, supplied by the caller (e.g. from the progress code). */
export interface ItemProgress {
  /** Written as given, e.g. `已完成`, `进行中`, `逾期`. */
  readonly status: string;
  readonly dueOn?: IsoDate;
}

/** Options of the exporters. */
export interface ExportOptions {
  /** The date the status column describes; written in the sheet title. */
  readonly asOf?: IsoDate;
  /** Status and due date per work item id; when given (or `asOf` is), the 完成情况 and 到期日 columns are written. */
  readonly progress?: ReadonlyMap<string, ItemProgress> | Readonly<Record<string, ItemProgress>>;
}

/** One row of the decomposition table as qxg writes it. */
export interface DecompositionRow {
  readonly workItemId: string;
  readonly keyTaskNumber: number;
  readonly categoryOrdinal: number;
  readonly values: Readonly<Partial<Record<TableColumnKey, string>>>;
}

/** The columns qxg writes: the six of the seed's annex, then status and due date for a tracked plan. */
export function exportColumns(options: ExportOptions): TableColumnKey[] {
  const base: TableColumnKey[] = ['category', 'keyTask', 'content', 'lead', 'responsible', 'deadline'];
  return options.progress !== undefined || options.asOf !== undefined ? [...base, 'status', 'dueOn'] : base;
}

function progressOf(options: ExportOptions, id: string): ItemProgress | undefined {
  const p = options.progress;
  if (p === undefined) return undefined;
  return p instanceof Map ? p.get(id) : (p as Readonly<Record<string, ItemProgress>>)[id];
}

/**
 * The plan's work items as decomposition-table rows, in order: key tasks written `1.title` as the
 * seed's annex writes them.
 */
export function decompositionRows(plan: Plan, options: ExportOptions = {}): DecompositionRow[] {
  const rows: DecompositionRow[] = [];
  for (const category of plan.categories) {
    for (const task of category.keyTasks) {
      for (const item of task.workItems) {
        const progress = progressOf(options, item.id);
        rows.push({
          workItemId: item.id,
          keyTaskNumber: task.number,
          categoryOrdinal: category.ordinal,
          values: {
            category: category.title,
            keyTask: `${task.number}.${task.title}`,
            content: item.content,
            lead: item.leadUnitsText,
            responsible: item.responsibleUnitsText,
            deadline: item.deadlineText,
            ...(progress === undefined ? {} : { status: progress.status }),
            ...(progress?.dueOn === undefined ? {} : { dueOn: progress.dueOn }),
          },
        });
      }
    }
  }
  return rows;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
