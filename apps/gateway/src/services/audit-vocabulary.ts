/**
 * The audit log's vocabulary, in one place: each action's label, each entity type's label and the
 * labels of the fields its before/after snapshots hold. `writeAudit` takes only the keys listed here
 * (a new action without a label does not typecheck), GraphQL exposes the tables
 * (`auditVocabulary`), and the admin app shows them as they are. Chinese first.
 *
 * A new action: add one line to {@link AUDIT_ACTIONS} (and its entity type to
 * {@link AUDIT_ENTITY_TYPES} if it is new); fields it snapshots to {@link AUDIT_FIELDS}.
 */

/** A label in Chinese and English. */
export interface AuditLabel {
  readonly zh: string;
  readonly en: string;
}

export const AUDIT_ACTIONS = {
  // Accounts and sessions
  login: { zh: '登录', en: 'Signed in' },
  loginFailed: { zh: '登录失败', en: 'Failed sign-in' },
  logout: { zh: '退出登录', en: 'Signed out' },
  changePassword: { zh: '修改密码', en: 'Changed password' },
  createUser: { zh: '新建用户', en: 'Created user' },
  updateUser: { zh: '修改用户', en: 'Changed user' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  disableUser: { zh: '停用用户', en: 'Disabled user' },
  enableUser: { zh: '启用用户', en: 'Enabled user' },
  revokeSession: { zh: '注销会话', en: 'Revoked session' },
  // Progress
  recordProgress: { zh: '报送进展', en: 'Recorded progress' },
  supersedeReport: { zh: '更正报送', en: 'Corrected a report' },
  attachEvidence: { zh: '补充佐证', en: 'Attached evidence' },
  bulkUpdateStatus: { zh: '批量更新进展', en: 'Bulk status update' },
  refreshStatusSnapshots: { zh: '刷新状态快照', en: 'Refreshed status snapshots' },
  // Units
  upsertUnit: { zh: '保存单位', en: 'Saved unit' },
  updateUnit: { zh: '修改单位', en: 'Changed unit' },
  addUnitAlias: { zh: '添加单位别名', en: 'Added unit alias' },
  mergeUnits: { zh: '合并单位', en: 'Merged units' },
  importUnits: { zh: '导入单位名录', en: 'Imported unit registry' },
  // Events
  recordEvent: { zh: '登记事件', en: 'Recorded event' },
  updateEvent: { zh: '修改事件', en: 'Changed event' },
  deleteEvent: { zh: '删除事件', en: 'Deleted event' },
  // Assessment
  defineAssessmentScheme: { zh: '保存考核方案', en: 'Saved assessment scheme' },
  copyAssessmentScheme: { zh: '复制考核方案', en: 'Copied assessment scheme' },
  runAssessment: { zh: '运行考核', en: 'Ran assessment' },
  setManualScore: { zh: '录入人工评分', en: 'Entered manual score' },
  clearManualScore: { zh: '清除人工评分', en: 'Cleared manual score' },
  // Plans and years
  importPlan: { zh: '导入方案', en: 'Imported plan' },
  archivePlan: { zh: '撤回(归档)方案', en: 'Archived plan' },
  unarchivePlan: { zh: '恢复方案', en: 'Restored plan' },
  choosePlan: { zh: '选择方案', en: 'Chose plan' },
  startNextPlan: { zh: '起草下一年度方案', en: 'Started next year’s plan' },
  // Work calendar
  loadCalendarYear: { zh: '载入节假日安排', en: 'Loaded holiday arrangement' },
  removeCalendarYear: { zh: '删除节假日安排', en: 'Removed holiday arrangement' },
  seedCalendarYear: { zh: '预置节假日安排', en: 'Seeded holiday arrangement' },
  setLocalDay: { zh: '设置地方休息/工作日', en: 'Set local day' },
  removeLocalDay: { zh: '删除地方休息/工作日', en: 'Removed local day' },
} as const satisfies Record<string, AuditLabel>;

/** An action the audit log records (a key of {@link AUDIT_ACTIONS}). */
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_TYPES = {
  User: { zh: '用户', en: 'User' },
  Session: { zh: '会话', en: 'Session' },
  Unit: { zh: '单位', en: 'Unit' },
  Plan: { zh: '实施方案', en: 'Plan' },
  Assignment: { zh: '任务分工', en: 'Assignment' },
  ProgressReport: { zh: '进展报送', en: 'Progress report' },
  Evidence: { zh: '佐证材料', en: 'Evidence' },
  OutsideEvent: { zh: '事件', en: 'Event' },
  AssessmentScheme: { zh: '考核方案', en: 'Assessment scheme' },
  AssessmentRun: { zh: '考核结果', en: 'Assessment run' },
  ManualScore: { zh: '人工评分', en: 'Manual score' },
  StatusSnapshot: { zh: '状态快照', en: 'Status snapshot' },
  CalendarYear: { zh: '节假日安排', en: 'Holiday arrangement' },
  CalendarDay: { zh: '地方休息/工作日', en: 'Calendar day' },
} as const satisfies Record<string, AuditLabel>;

/** The type of row an audit entry is about (a key of {@link AUDIT_ENTITY_TYPES}). */
export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;

/**
 * The fields snapshots hold, labelled for the before/after view. A field not listed is shown by its
 * key. `ref` says which entity an id field names (shown by its name, not its id).
 */
export const AUDIT_FIELDS: Readonly<
  Record<string, AuditLabel & { readonly ref?: 'Unit' | 'User' | 'Plan' }>
> = {
  id: { zh: '标识', en: 'Id' },
  canonicalName: { zh: '名称', en: 'Name' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  parentId: { zh: '上级单位', en: 'Parent unit', ref: 'Unit' },
  aliases: { zh: '别名', en: 'Aliases' },
  alias: { zh: '别名', en: 'Alias' },
  unitId: { zh: '单位', en: 'Unit', ref: 'Unit' },
  keptUnitId: { zh: '保留单位', en: 'Kept unit', ref: 'Unit' },
  mergedUnitId: { zh: '并入单位', en: 'Merged unit' },
  mergedName: { zh: '并入单位名称', en: 'Merged unit’s name' },
  moved: { zh: '迁移记录', en: 'Moved rows' },
  username: { zh: '用户名', en: 'Username' },
  role: { zh: '角色', en: 'Role' },
  disabled: { zh: '已停用', en: 'Disabled' },
  mustChangePassword: { zh: '须修改密码', en: 'Must change password' },
  sessionsEnded: { zh: '结束会话数', en: 'Sessions ended' },
  address: { zh: '地址', en: 'Address' },
  userAgent: { zh: '浏览器', en: 'User agent' },
  reason: { zh: '原因', en: 'Reason' },
  expiresAt: { zh: '有效期至', en: 'Expires at' },
  reportedOn: { zh: '报送日期', en: 'Reported on' },
  state: { zh: '进展', en: 'State' },
  percent: { zh: '完成比例', en: 'Percent' },
  note: { zh: '说明', en: 'Note' },
  url: { zh: '网址', en: 'Address' },
  siteColumn: { zh: '栏目', en: 'Site column' },
  publishedOn: { zh: '发布日期', en: 'Published on' },
  occurredOn: { zh: '发生日期', en: 'Occurred on' },
  eventKey: { zh: '事件标识', en: 'Event key' },
  text: { zh: '内容', en: 'Text' },
  docNumber: { zh: '文号', en: 'Document number' },
  noticeTitle: { zh: '通知标题', en: 'Notice title' },
  issuer: { zh: '发文机关', en: 'Issuer' },
  copiedFrom: { zh: '复制自', en: 'Copied from' },
  assessmentScheme: { zh: '考核方案', en: 'Assessment scheme' },
  definition: { zh: '方案内容', en: 'Definition' },
  title: { zh: '标题', en: 'Title' },
  asOf: { zh: '统计日期', en: 'As of' },
  planId: { zh: '实施方案', en: 'Plan', ref: 'Plan' },
  schemeId: { zh: '考核方案', en: 'Scheme' },
  indicatorId: { zh: '指标', en: 'Indicator' },
  points: { zh: '分值', en: 'Points' },
  year: { zh: '年度', en: 'Year' },
  date: { zh: '日期', en: 'Date' },
  count: { zh: '数量', en: 'Count' },
  created: { zh: '新建', en: 'Created' },
  updated: { zh: '修改', en: 'Changed' },
  version: { zh: '版本', en: 'Version' },
  enteredById: { zh: '录入人', en: 'Entered by', ref: 'User' },
  createdById: { zh: '填报人', en: 'Created by', ref: 'User' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  kept: { zh: '保留单位', en: 'Kept unit' },
  merged: { zh: '并入单位', en: 'Merged unit' },
  assignments: { zh: '任务分工', en: 'Assignments' },
  folded: { zh: '合并的重复分工', en: 'Folded duplicates' },
  reports: { zh: '进展报送', en: 'Reports' },
  users: { zh: '用户', en: 'Users' },
  events: { zh: '事件', en: 'Events' },
  manualScores: { zh: '人工评分', en: 'Manual scores' },
  manualScoresDropped: { zh: '舍弃的人工评分', en: 'Manual scores dropped' },
  children: { zh: '下级单位', en: 'Child units' },
  via: { zh: '途径', en: 'Via' },
  updatedAt: { zh: '修改时间', en: 'Changed at' },
  notices: { zh: '通知网址', en: 'Notices' },
  origin: { zh: '来源', en: 'Origin' },
  off: { zh: '放假', en: 'Days off' },
  work: { zh: '调休上班', en: 'Make-up working days' },
  days: { zh: '天数', en: 'Days' },
  archivedAt: { zh: '撤回时间', en: 'Withdrawn at' },
  lastPlanId: { zh: '选择的方案', en: 'Chosen plan', ref: 'Plan' },
  previousPlanId: { zh: '上一年度方案', en: 'Previous plan', ref: 'Plan' },
  schemesCopied: { zh: '复制的考核方案', en: 'Schemes copied' },
  schemesNotFitting: { zh: '未能复制的考核方案', en: 'Schemes that did not fit' },
  carriedOver: { zh: '延续事项', en: 'Carried-over items' },
};

/**
 * The actions whose label or key contains `text` (a key as is, or part of a Chinese or English
 * label: 报送 finds recordProgress), and the text itself as a key. Empty text: null (no filter).
 */
export function actionsMatching(text: string | null | undefined): string[] | null {
  const raw = text?.trim();
  const q = raw?.toLowerCase();
  if (!raw || !q) return null;
  const keys = (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((key) => {
    const label = AUDIT_ACTIONS[key];
    return key.toLowerCase() === q || label.zh.includes(raw) || label.en.toLowerCase().includes(q);
  });
  // A stored key the vocabulary does not list (an older version's) is still found by itself.
  return [...new Set<string>([...keys, raw])];
}

/** The label of a stored action (an unknown key, written by an older version, as itself). */
export function actionLabel(action: string): AuditLabel {
  return (AUDIT_ACTIONS as Record<string, AuditLabel>)[action] ?? { zh: action, en: action };
}

/** The label of a stored entity type. */
export function entityTypeLabel(type: string): AuditLabel {
  return (AUDIT_ENTITY_TYPES as Record<string, AuditLabel>)[type] ?? { zh: type, en: type };
}
