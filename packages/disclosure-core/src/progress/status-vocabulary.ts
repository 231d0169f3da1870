/**
 * The one vocabulary of statuses: every status a duty or a work item can have, in urgency order,
 * with its class, its traffic light, its colour and its Chinese and English labels. The gateway's
 * GraphQL enum, its filters, SQL views and downloads, and the admin app's tags and charts all read
 * this table; nothing else defines a status label or colour.
 *
 * Adding a status: add it to {@link DEADLINE_STATUSES} (or {@link WORK_ITEM_ONLY_STATUSES}) and to
 * {@link STATUS_INFO}; the compiler then lists every `switch` that must handle it.
 */

// The urgency order is written once: the duty statuses not complete, then the complete ones; the
// work-item statuses place their own around the two runs.
const NOT_DONE_BY_URGENCY = [
  'overdue',
  'stale',
  'behind',
  'due_soon',
  'not_due',
  'waiting_for_event',
  'ongoing',
] as const;
const DONE_BY_URGENCY = ['done_late', 'met', 'done_on_time'] as const;

/**
 * Every status {@link evaluateStatus} can give a duty (an assignment), in urgency order.
 *
 * @example
 * ```ts
 * DEADLINE_STATUSES.includes('overdue'); // true
 * ```
 */
export const DEADLINE_STATUSES = [...NOT_DONE_BY_URGENCY, ...DONE_BY_URGENCY] as const;

/**
 * Where a duty stands as of a date.
 * - `not_due`, `due_soon`, `overdue`: not done yet, before / close to / after the due date.
 * - `done_on_time`, `done_late`: a `done` report, on or before / after the due date.
 * - `ongoing`: a standing duty with reports in each review window; `stale`: a window passed without one.
 * - `waiting_for_event`: due only after an outside event that is not recorded yet.
 * - `behind`: a recurring duty under its minimum pace; `met`: its minimum for the window is reached.
 *
 * @example
 * ```ts
 * const s: DeadlineStatus = 'due_soon';
 * ```
 */
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/**
 * The statuses only a work item (a roll-up over its assignments) or an unread deadline can have:
 * `unreadable_deadline` (its 完成时限 could not be read), `awaiting_responsible` (the leads are done,
 * not every responsible unit has reported) and `no_assignments` (no unit carries it).
 *
 * @example
 * ```ts
 * WORK_ITEM_ONLY_STATUSES.length; // 3
 * ```
 */
export const WORK_ITEM_ONLY_STATUSES = [
  'unreadable_deadline',
  'awaiting_responsible',
  'no_assignments',
] as const;

/**
 * Every status, most urgent first: the order {@link rollUpWorkItem} uses to pick an item's status
 * from its leads' statuses (the worst one wins), and the order lists and charts show them in.
 *
 * @example
 * ```ts
 * WORK_ITEM_STATUSES.indexOf('overdue') < WORK_ITEM_STATUSES.indexOf('done_on_time'); // true
 * ```
 */
export const WORK_ITEM_STATUSES = [
  'unreadable_deadline',
  ...NOT_DONE_BY_URGENCY,
  'awaiting_responsible',
  ...DONE_BY_URGENCY,
  'no_assignments',
] as const satisfies readonly (DeadlineStatus | (typeof WORK_ITEM_ONLY_STATUSES)[number])[];

/**
 * A work item's status: the deadline statuses plus {@link WORK_ITEM_ONLY_STATUSES}.
 *
 * @example
 * ```ts
 * const s: WorkItemStatus = 'awaiting_responsible';
 * ```
 */
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

/**
 * What a status means for the office's work:
 * - `late`: past its due date or pace and not done (逾期): chase it;
 * - `due_soon`: due within the warning window (临期);
 * - `open`: running, not yet due, or a standing duty kept up (按期推进);
 * - `waiting`: waits on someone else (an outside event, the responsible units);
 * - `done`: complete (办结), on time or late;
 * - `unknown`: nothing to judge (an unread deadline, no units).
 *
 * @example
 * ```ts
 * const c: StatusClass = statusClass('stale'); // 'late'
 * ```
 */
export type StatusClass = 'late' | 'due_soon' | 'open' | 'waiting' | 'done' | 'unknown';

/**
 * The traffic light of a status: 红 (late), 黄 (due soon or done late), 绿 (on track or done),
 * and the neutral ones: 蓝 (waiting) and 灰 (nothing to judge).
 *
 * @example
 * ```ts
 * const l: TrafficLight = STATUS_INFO.overdue.light; // 'red'
 * ```
 */
export type TrafficLight = 'red' | 'yellow' | 'green' | 'blue' | 'grey';

/**
 * Everything a screen, a download or a view shows of a status.
 *
 * @example
 * ```ts
 * const i: StatusInfo = STATUS_INFO.overdue;
 * i.label.zh; // '已逾期'
 * i.color; // '#cf1322'
 * ```
 */
export interface StatusInfo {
  readonly status: WorkItemStatus;
  /** Position in {@link WORK_ITEM_STATUSES}: 0 is the most urgent. */
  readonly urgency: number;
  readonly class: StatusClass;
  readonly light: TrafficLight;
  /** The colour of the status's tag, chart slice and spreadsheet cell, as `#rrggbb`. */
  readonly color: string;
  /** The short label (a tag, a column): `{ zh: '已逾期', en: 'Overdue' }`. */
  readonly label: { readonly zh: string; readonly en: string };
  /** One sentence saying what the status means. */
  readonly meaning: { readonly zh: string; readonly en: string };
}

/** The colour of each light: red, amber, green, blue, grey (readable on white, printable). */
export const TRAFFIC_LIGHT_COLORS: Readonly<Record<TrafficLight, string>> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  blue: '#1677ff',
  grey: '#8c8c8c',
};

/** Chinese names of the lights (红 / 黄 / 绿 / 蓝 / 灰). */
export const TRAFFIC_LIGHT_LABELS: Readonly<Record<TrafficLight, string>> = {
  red: '红',
  yellow: '黄',
  green: '绿',
  blue: '蓝',
  grey: '灰',
};

type Row = readonly [StatusClass, TrafficLight, string, string, string, string];

// status: class, light, 中文, English, 含义, meaning
const ROWS: Readonly<Record<WorkItemStatus, Row>> = {
  unreadable_deadline: [
    'unknown',
    'grey',
    '时限待核定',
    'Deadline unreadable',
    '完成时限无法识别,需人工核定。',
    'The deadline could not be read and must be set by hand.',
  ],
  overdue: ['late', 'red', '已逾期', 'Overdue', '已过完成时限,尚未完成。', 'Past its due date and not done.'],
  stale: [
    'late',
    'red',
    '久未报送',
    'Stale',
    '长期坚持的任务,上一个报送周期内没有报送。',
    'A standing duty with no report in its last review window.',
  ],
  behind: [
    'late',
    'red',
    '进度滞后',
    'Behind',
    '定期任务未达到本周期的最低次数。',
    'A recurring duty under its minimum for the window.',
  ],
  due_soon: [
    'due_soon',
    'yellow',
    '即将到期',
    'Due soon',
    '距完成时限不足预警天数,尚未完成。',
    'Not done, and due within the warning window.',
  ],
  not_due: ['open', 'green', '未到期', 'Not due', '尚未到完成时限。', 'Not due yet.'],
  waiting_for_event: [
    'waiting',
    'blue',
    '等待前置事项',
    'Waiting for event',
    '须待前置事项(如平台上线)发生后才开始计时。',
    'Due only after an outside event that has not happened yet.',
  ],
  ongoing: [
    'open',
    'green',
    '持续推进',
    'Ongoing',
    '长期坚持的任务,按周期报送。',
    'A standing duty reported in each review window.',
  ],
  awaiting_responsible: [
    'waiting',
    'blue',
    '待责任单位报送',
    'Awaiting responsible units',
    '牵头单位已完成,仍有责任单位未报送。',
    'The leads are done; not every responsible unit has reported.',
  ],
  done_late: [
    'done',
    'yellow',
    '逾期完成',
    'Done late',
    '已完成,但晚于完成时限。',
    'Done after its due date.',
  ],
  met: [
    'done',
    'green',
    '已达标',
    'Met',
    '定期任务已达到本周期的最低次数。',
    'A recurring duty’s minimum is reached.',
  ],
  done_on_time: [
    'done',
    'green',
    '按时完成',
    'Done on time',
    '在完成时限内完成。',
    'Done on or before its due date.',
  ],
  no_assignments: [
    'unknown',
    'grey',
    '无任务分工',
    'No assignments',
    '没有单位承担此事项。',
    'No unit carries this item.',
  ],
};

/**
 * The vocabulary table: {@link StatusInfo} of every status.
 *
 * @example
 * ```ts
 * STATUS_INFO.done_late.label.zh; // '逾期完成'
 * STATUS_INFO.done_late.light; // 'yellow'
 * ```
 */
export const STATUS_INFO: Readonly<Record<WorkItemStatus, StatusInfo>> = Object.freeze(
  Object.fromEntries(
    WORK_ITEM_STATUSES.map((status, urgency) => {
      const [cls, light, zh, en, meaningZh, meaningEn] = ROWS[status];
      const info: StatusInfo = {
        status,
        urgency,
        class: cls,
        light,
        color: TRAFFIC_LIGHT_COLORS[light],
        label: { zh, en },
        meaning: { zh: meaningZh, en: meaningEn },
      };
      return [status, Object.freeze(info)];
    }),
  ) as Record<WorkItemStatus, StatusInfo>,
);

/**
 * True when `value` is one of {@link WORK_ITEM_STATUSES}.
 *
 * @example
 * ```ts
 * isWorkItemStatus('overdue'); // true
 * isWorkItemStatus('late'); // false
 * ```
 */
export function isWorkItemStatus(value: string): value is WorkItemStatus {
  return Object.hasOwn(STATUS_INFO, value);
}

/**
 * The class of a status (see {@link StatusClass}).
 *
 * @example
 * ```ts
 * statusClass('behind'); // 'late'
 * statusClass('met'); // 'done'
 * ```
 */
export function statusClass(status: WorkItemStatus): StatusClass {
  return STATUS_INFO[status].class;
}

/**
 * True for the statuses that mean a duty is complete as of the date: done (on time or late) or a
 * recurring duty's minimum met.
 *
 * @example
 * ```ts
 * isComplete('done_late'); // true
 * isComplete('ongoing'); // false
 * ```
 */
export function isComplete(status: WorkItemStatus): boolean {
  return STATUS_INFO[status].class === 'done';
}

/**
 * True for the statuses that are late and not done (逾期: overdue, stale, behind): what the office chases.
 *
 * @example
 * ```ts
 * isLate('stale'); // true
 * isLate('done_late'); // false
 * ```
 */
export function isLate(status: WorkItemStatus): boolean {
  return STATUS_INFO[status].class === 'late';
}

/**
 * The most urgent of some statuses (`no_assignments` when there are none).
 *
 * @example
 * ```ts
 * mostUrgent(['done_on_time', 'due_soon', 'not_due']); // 'due_soon'
 * ```
 */
export function mostUrgent<S extends WorkItemStatus>(statuses: readonly S[]): S | 'no_assignments' {
  let best: S | 'no_assignments' = 'no_assignments';
  let bestRank = STATUS_INFO.no_assignments.urgency;
  for (const s of statuses) {
    const r = STATUS_INFO[s].urgency;
    if (r < bestRank) {
      best = s;
      bestRank = r;
    }
  }
  return best;
}
