/** Chinese labels for the API's enums (see docs/glossary.md). */

export type StatusValue =
  | 'NOT_DUE'
  | 'DUE_SOON'
  | 'OVERDUE'
  | 'DONE_ON_TIME'
  | 'DONE_LATE'
  | 'ONGOING'
  | 'STALE'
  | 'WAITING_FOR_EVENT'
  | 'BEHIND'
  | 'MET'
  | 'UNREADABLE_DEADLINE'
  | 'AWAITING_RESPONSIBLE'
  | 'NO_ASSIGNMENTS';

/** Badge colour and label of each status: red for what needs the office's attention now. */
export const STATUS_LABELS: Readonly<
  Record<StatusValue, { readonly label: string; readonly color: string }>
> = {
  NOT_DUE: { label: '未到期', color: 'blue' },
  DUE_SOON: { label: '即将到期', color: 'orange' },
  OVERDUE: { label: '已逾期', color: 'red' },
  DONE_ON_TIME: { label: '按时完成', color: 'green' },
  DONE_LATE: { label: '逾期完成', color: 'gold' },
  ONGOING: { label: '持续推进', color: 'cyan' },
  STALE: { label: '久未报送', color: 'volcano' },
  WAITING_FOR_EVENT: { label: '等待前置事项', color: 'purple' },
  BEHIND: { label: '进度滞后', color: 'magenta' },
  MET: { label: '已达标', color: 'green' },
  UNREADABLE_DEADLINE: { label: '时限待核定', color: 'default' },
  // Work items only: the leads are done, not every responsible unit has reported.
  AWAITING_RESPONSIBLE: { label: '待责任单位报送', color: 'geekblue' },
  NO_ASSIGNMENTS: { label: '无任务分工', color: 'default' },
};

export const STATUS_VALUES = Object.keys(STATUS_LABELS) as StatusValue[];

export function statusLabel(value: string): string {
  return STATUS_LABELS[value as StatusValue]?.label ?? value;
}

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  ADMIN: '管理员(区政府办)',
  REPORTER: '报送员',
  ANALYST: '分析员',
};

export const ASSIGNMENT_ROLE_LABELS: Readonly<Record<string, string>> = {
  LEAD: '牵头单位',
  RESPONSIBLE: '责任单位',
};

export const PROGRESS_STATE_LABELS: Readonly<Record<string, string>> = {
  STARTED: '已启动',
  PARTIAL: '部分完成',
  DONE: '已完成',
};

/** The unit kinds of @qxg/disclosure-core (UNIT_KIND_LABELS), as the API's enum values. */
export const UNIT_KIND_LABELS: Readonly<Record<string, string>> = {
  GOVERNMENT: '区人民政府',
  DEPARTMENT: '区政府工作部门',
  DIRECTLY_AFFILIATED: '直属机构',
  SUBDISTRICT: '街道',
  TOWN: '镇',
  TOWNSHIP: '乡',
  PUBLIC_INSTITUTION: '公共企事业单位',
  EXTERNAL: '上级或外部单位',
};

export const EVENT_KIND_LABELS: Readonly<Record<string, string>> = {
  PLATFORM_LIVE: '平台上线',
  COMMENDATION: '通报表扬',
  CRITICISM: '通报批评',
  TRAINING: '培训',
  EXPERIENCE_PROMOTED: '经验推广',
  OTHER: '其他',
};
