import type { IsoDate } from '../_lib/iso-date';
import type { WorkItemId } from '../plan/types';
import type { UnitId } from '../units/unit';

/**
 * A progress report's stable id, given by whoever stores reports (a database row id, a UUID).
 *
 * @example
 * ```ts
 * const id = 'r-2020-0715-001' as ReportId;
 * ```
 */
export type ReportId = string & { readonly __brand: 'ReportId' };

/**
 * What a unit says about its duty: `started` (开始落实), `partial` (部分完成, with a percentage),
 * `done` (已完成).
 *
 * @example
 * ```ts
 * const s: ProgressState = 'partial';
 * ```
 */
export type ProgressState = 'started' | 'partial' | 'done';

/**
 * A link to what was published: the page address, the site column (栏目) it sits in, and the day it
 * was published.
 *
 * @example
 * ```ts
 * const e: Evidence = {
 *   url: 'http://www.bjqxg.gov.cn/zwgk/xxgkml/jcgk/bmwj/202007/t20200716_1.html',
 *   column: '政务公开事项标准目录',
 *   publishedOn: '2020-07-16',
 * };
 * ```
 */
export interface Evidence {
  readonly url: string;
  /** 栏目 as the site names it. */
  readonly column?: string;
  readonly publishedOn?: IsoDate;
  readonly title?: string;
}

/**
 * One progress report on one assignment (unit × work item). Reports are append-only: a correction is
 * a new report whose `supersedes` names the report it replaces, so the history stays.
 *
 * @example
 * ```ts
 * const r: ProgressReport = {
 *   id: 'r1' as ReportId,
 *   workItemId: 'qixingguan-2020/t6/i1' as WorkItemId,
 *   unitId: unitId('520502001'),
 *   reportedOn: '2020-07-16',
 *   state: 'done',
 *   note: '已编制完成本单位政务公开事项标准目录',
 *   evidence: [{ url: 'http://www.bjqxg.gov.cn/…', column: '标准目录', publishedOn: '2020-07-15' }],
 * };
 * ```
 */
export interface ProgressReport {
  readonly id: ReportId;
  readonly workItemId: WorkItemId;
  readonly unitId: UnitId;
  /** The day the report was filed (Asia/Shanghai). */
  readonly reportedOn: IsoDate;
  readonly state: ProgressState;
  /** 0–100; required for `partial`, optional for `started` (0 when absent), ignored for `done` (100). */
  readonly percent?: number;
  readonly note?: string;
  readonly evidence?: readonly Evidence[];
  /** The earlier report this one corrects (same unit and work item, filed no later). */
  readonly supersedes?: ReportId;
  /** For a `milestones` deadline: the 0-based step this report is about. */
  readonly step?: number;
}
