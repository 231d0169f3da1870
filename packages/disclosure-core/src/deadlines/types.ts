import type { IsoDate } from '../_lib/iso-date';
import type { Issue, LocalizedMessage } from '../_lib/result';
import type { DateInput } from '../calendar/types';

/**
 * How finely a `by` deadline was written: a day (9月30日前), a 旬 (7月中旬前), a month (7月底前), a
 * quarter (三季度前), a half-year (上半年) or a year (2020年内, 年底前).
 *
 * @example
 * ```ts
 * const p: DeadlinePrecision = 'xun';
 * ```
 */
export type DeadlinePrecision = 'day' | 'xun' | 'month' | 'quarter' | 'halfYear' | 'year';

/**
 * The length of a review or recurrence window, aligned to the calendar (quarters start on 1 January,
 * 1 April, 1 July and 1 October).
 *
 * @example
 * ```ts
 * const c: Cadence = 'quarter';
 * ```
 */
export type Cadence = 'month' | 'quarter' | 'halfYear' | 'year';

/**
 * A span of days after something: working days (the calendar's) or calendar days.
 *
 * @example
 * ```ts
 * const grace: DayCount = { amount: 20, unit: 'workingDays' };
 * ```
 */
export interface DayCount {
  readonly amount: number;
  readonly unit: 'workingDays' | 'calendarDays';
}

/**
 * Where a deadline's year came from: written in the phrase, the plan year (no year written, or
 * 当年/本年), the year after the plan year (次年/明年/翌年), or the year of the issue date (今年: the
 * year the notice was written in, which a plan issued late in the year before its own year differs
 * from).
 *
 * @example
 * ```ts
 * const s: YearSource = 'planYear';
 * ```
 */
export type YearSource = 'stated' | 'planYear' | 'nextYear' | 'issueYear';

/**
 * Codes of the notes a parsed deadline carries (it was read, but a person may want to look):
 * `BEFORE_ISSUE_DATE` (a due date or start before the plan was issued, kept as written),
 * `PERIOD_WITHOUT_MARKER` (a bare period read as due by its end), `HALF_MONTH_CADENCE` (每半个月 read
 * as at least twice a month), `DAY_BEYOND_MONTH_END` (每月30日: in a month without that day, its last
 * day), `TRIGGER_NOT_STATED` (法定时限(20个工作日): the statutory starting event is to be recorded).
 *
 * @example
 * ```ts
 * const needsReview = (d: Deadline) => d.flags.some((f) => f.code === 'BEFORE_ISSUE_DATE');
 * ```
 */
export type DeadlineFlagCode =
  | 'BEFORE_ISSUE_DATE'
  | 'PERIOD_WITHOUT_MARKER'
  | 'HALF_MONTH_CADENCE'
  | 'DAY_BEYOND_MONTH_END'
  | 'TRIGGER_NOT_STATED';

/**
 * A note on a deadline that was read but deserves a look, e.g. a due date before the plan was
 * issued (kept as written, and flagged).
 *
 * @example
 * ```ts
 * const f: DeadlineFlag = {
 *   code: 'BEFORE_ISSUE_DATE',
 *   message: { zh: '…早于印发日期…', en: '… is before the issue date …' },
 *   location: { offset: 0, text: '从二季度起' },
 * };
 * ```
 */
export type DeadlineFlag = Issue<DeadlineFlagCode>;

/**
 * Codes of the issues that stop `parseDeadline`. `GARBLED_DATE` is a date written in a way that
 * contradicts itself (2022年底11月前: a month after the end of a year; 20233年): its year is not
 * taken silently.
 *
 * @example
 * ```ts
 * const r = parseDeadline('尽快', { planYear: 2020, issuedOn: '2020-06-04' });
 * if (!r.ok) r.issues[0]?.code; // 'VAGUE_DEADLINE'
 * ```
 */
export type DeadlineIssueCode =
  | 'EMPTY_TEXT'
  | 'NO_DEADLINE_FOUND'
  | 'VAGUE_DEADLINE'
  | 'INVALID_DATE'
  | 'UNSUPPORTED_CADENCE'
  | 'INVALID_COUNT'
  | 'GARBLED_DATE';

/**
 * Why a phrase could not be read: a code, a bilingual message, and the offset (into the original
 * text) and phrase that stopped the reader.
 *
 * @example
 * ```ts
 * const i: DeadlineIssue = {
 *   code: 'VAGUE_DEADLINE',
 *   message: { zh: '“尽快”没有可计算的期限', en: '"尽快" (as soon as possible) has no computable date' },
 *   location: { offset: 0, text: '尽快' },
 * };
 * ```
 */
export type DeadlineIssue = Issue<DeadlineIssueCode>;

interface DeadlineBase {
  /** The phrase as it was given. */
  readonly text: string;
  readonly flags: readonly DeadlineFlag[];
}

/**
 * Done by the end of a period, inclusive (end of day, Asia/Shanghai).
 *
 * @example
 * ```ts
 * // parseDeadline('7月中旬前', { planYear: 2020, issuedOn: '2020-06-04' })
 * const d: ByDeadline = {
 *   kind: 'by', text: '7月中旬前', phrase: '7月中旬前', flags: [], dueOn: '2020-07-20', precision: 'xun',
 *   yearSource: 'planYear', reading: { zh: '中旬止于20日', en: 'the middle ten days end on the 20th' },
 * };
 * ```
 */
export interface ByDeadline extends DeadlineBase {
  readonly kind: 'by';
  /** The period phrase as written (7月中旬前), also when `text` is a longer sentence. */
  readonly phrase: string;
  readonly dueOn: IsoDate;
  readonly precision: DeadlinePrecision;
  readonly yearSource: YearSource;
  /** How the period was read, for explanations ("中旬止于20日"). */
  readonly reading: LocalizedMessage;
}

/**
 * A standing duty: from the issue date (or a stated start), no end, reviewed every `reviewCadence`.
 *
 * @example
 * ```ts
 * const d: OngoingDeadline = {
 *   kind: 'ongoing', text: '立即落实,长期坚持', flags: [],
 *   startsOn: '2020-06-04', startSource: 'issuedOn', reviewCadence: 'quarter',
 * };
 * ```
 */
export interface OngoingDeadline extends DeadlineBase {
  readonly kind: 'ongoing';
  readonly startsOn: IsoDate;
  readonly startSource: 'issuedOn' | 'stated';
  readonly reviewCadence: Cadence;
}

/**
 * An outside event a deadline waits for, e.g. a provincial system going live. `key` is what an
 * office names when it records that the event happened.
 *
 * @example
 * ```ts
 * const e: AwaitedEvent = {
 *   key: '省政府办公厅建立全省政府系统政务新媒体备案管理系统',
 *   description: '省政府办公厅建立全省政府系统政务新媒体备案管理系统',
 * };
 * ```
 */
export interface AwaitedEvent {
  readonly key: string;
  readonly description: string;
}

/**
 * Due a grace period after a named outside event happens; waiting until the event is recorded.
 *
 * @example
 * ```ts
 * const d: AfterEventDeadline = {
 *   kind: 'afterEvent', text: '待贵州省惠民政策项目资金信息公开平台上线运行后', flags: [],
 *   event: { key: '贵州省惠民政策项目资金信息公开平台上线运行', description: '贵州省惠民政策项目资金信息公开平台上线运行' },
 *   grace: { amount: 20, unit: 'workingDays' },
 * };
 * ```
 */
export interface AfterEventDeadline extends DeadlineBase {
  readonly kind: 'afterEvent';
  readonly event: AwaitedEvent;
  readonly grace: DayCount;
}

/**
 * One step of a `milestones` deadline: its label (the work it names) and its own deadline.
 *
 * @example
 * ```ts
 * const step: MilestoneStep = { label: '实现“全省通办”事项异地收件、远程受理', deadline: byJuly31 };
 * ```
 */
export interface MilestoneStep {
  readonly label: string;
  readonly deadline: ByDeadline | AfterEventDeadline;
}

/**
 * Several dated steps in one text (7月底前…异地收件、远程受理,年底前…异地受理、远程办理).
 *
 * @example
 * ```ts
 * if (d.kind === 'milestones') d.steps.map((s) => s.label);
 * ```
 */
export interface MilestonesDeadline extends DeadlineBase {
  readonly kind: 'milestones';
  readonly steps: readonly MilestoneStep[];
}

/**
 * A duty repeated every `cadence` window: at least `minPerPeriod` times, aiming at `targetPerPeriod`
 * (每年至少要组织1—2次 → year, 1, 2).
 *
 * @example
 * ```ts
 * const d: RecurringDeadline = {
 *   kind: 'recurring', text: '每年至少要组织1—2次', flags: [], cadence: 'year',
 *   minPerPeriod: 1, targetPerPeriod: 2, startsOn: '2020-06-04', startSource: 'issuedOn',
 * };
 * ```
 */
export interface RecurringDeadline extends DeadlineBase {
  readonly kind: 'recurring';
  readonly cadence: Cadence;
  readonly minPerPeriod: number;
  readonly targetPerPeriod: number;
  readonly startsOn: IsoDate;
  readonly startSource: 'issuedOn' | 'stated';
  /**
   * The days of the month the duty falls on, when the phrase names them (每月10日、20日、30日 →
   * [10, 20, 30]); a day a month does not have is that month's last day (see `occurrenceDays`).
   */
  readonly daysOfMonth?: readonly number[];
}

/**
 * What a relative deadline counts from: a written date, or an event recorded later.
 *
 * @example
 * ```ts
 * const t: RelativeTrigger = { kind: 'event', key: '收到申请', description: '收到申请' };
 * ```
 */
export type RelativeTrigger =
  | { readonly kind: 'date'; readonly date: IsoDate }
  | ({ readonly kind: 'event' } & AwaitedEvent);

/**
 * N working or calendar days after a trigger (自收到申请之日起20个工作日内). The trigger day is day 0.
 *
 * @example
 * ```ts
 * const d: RelativeDeadline = {
 *   kind: 'relative', text: '自收到申请之日起20个工作日内', flags: [],
 *   trigger: { kind: 'event', key: '收到申请', description: '收到申请' },
 *   within: { amount: 20, unit: 'workingDays' },
 * };
 * ```
 */
export interface RelativeDeadline extends DeadlineBase {
  readonly kind: 'relative';
  readonly trigger: RelativeTrigger;
  readonly within: DayCount;
}

/**
 * A typed deadline read from a plan's 完成时限 phrase. Switch on `kind`; end with `assertNever`.
 *
 * @example
 * ```ts
 * function describe(d: Deadline): string {
 *   switch (d.kind) {
 *     case 'by': return d.dueOn;
 *     case 'ongoing': return `from ${d.startsOn}`;
 *     case 'milestones': return `${d.steps.length} steps`;
 *     case 'afterEvent': return `after ${d.event.key}`;
 *     case 'recurring': return `${d.minPerPeriod}+ per ${d.cadence}`;
 *     case 'relative': return `${d.within.amount} ${d.within.unit}`;
 *     default: return assertNever(d);
 *   }
 * }
 * ```
 */
export type Deadline =
  | ByDeadline
  | OngoingDeadline
  | MilestonesDeadline
  | AfterEventDeadline
  | RecurringDeadline
  | RelativeDeadline;

/**
 * The record that an outside event happened, e.g. "省政务新媒体备案管理系统 went live on 2020-08-15".
 * `key` must equal the `event.key` (or relative trigger key) of the deadlines waiting for it.
 *
 * @example
 * ```ts
 * const e: RecordedEvent = {
 *   key: '省政府办公厅建立全省政府系统政务新媒体备案管理系统',
 *   occurredOn: '2020-08-15',
 *   note: '省政务新媒体备案管理系统上线',
 * };
 * ```
 */
export interface RecordedEvent {
  readonly key: string;
  readonly occurredOn: DateInput;
  readonly note?: string;
}

/**
 * The minimal progress report the status rules need: a date and a state. Structural, so richer
 * report types (with progress, evidence, a unit) are accepted as they are. `step` (0-based) ties a
 * report to one step of a `milestones` deadline; without it, `done` completes the whole duty.
 *
 * @example
 * ```ts
 * const r: DeadlineReport = { reportedOn: '2020-07-16', state: 'done' };
 * ```
 */
export interface DeadlineReport {
  readonly reportedOn: DateInput;
  readonly state: 'started' | 'partial' | 'done';
  readonly step?: number;
}
