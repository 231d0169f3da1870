import type { WorkCalendar } from '../types';
import type { DayTable } from './day-table';

/**
 * The day table of a calendar made by `createWorkCalendar`, for the deadline code's integer fast
 * path. Kept in a WeakMap so it never shows on the public object.
 * @internal
 */
const TABLES = new WeakMap<WorkCalendar, () => DayTable>();

/** @internal */
export function registerTable(calendar: WorkCalendar, table: () => DayTable): void {
  TABLES.set(calendar, table);
}

/** @internal */
export function tableOf(calendar: WorkCalendar): DayTable | undefined {
  return TABLES.get(calendar)?.();
}
