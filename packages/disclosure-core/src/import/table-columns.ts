/**
 * A column of a 任务分解表 (decomposition table), whatever its header says:
 * - `serial` 序号, `category` 类别, `keyTask` 重点任务, `content` 工作任务 / 具体要求,
 * - `lead` 牵头单位, `responsible` 责任单位 / 配合单位, `deadline` 完成时限 / 时限要求, `note` 备注,
 * - `status` 完成情况 and `dueOn` 到期日, written when a tracked plan is exported.
 *
 * @example
 * ```ts
 * const key: TableColumnKey = 'lead';
 * ```
 */
export type TableColumnKey =
  | 'serial'
  | 'category'
  | 'keyTask'
  | 'content'
  | 'lead'
  | 'responsible'
  | 'deadline'
  | 'note'
  | 'status'
  | 'dueOn';

/**
 * The header qxg writes for each column (and reads among others, see {@link matchColumnHeader}).
 *
 * @example
 * ```ts
 * TABLE_COLUMN_LABELS.deadline; // '完成时限'
 * ```
 */
export const TABLE_COLUMN_LABELS: Readonly<Record<TableColumnKey, string>> = {
  serial: '序号',
  category: '类别',
  keyTask: '重点任务',
  content: '工作任务',
  lead: '牵头单位',
  responsible: '责任单位',
  deadline: '完成时限',
  note: '备注',
  status: '完成情况',
  dueOn: '到期日',
};

/** Header wordings, tried in order; the first that matches wins. */
const HEADER_PATTERNS: readonly (readonly [TableColumnKey, RegExp])[] = [
  ['serial', /^(?:序号|编号|序)$/u],
  ['category', /^(?:任务)?(?:类别|类型|分类|板块|领域|一级任务)$/u],
  [
    'keyTask',
    /^(?:重点任务|主要任务|重点工作|工作要点|任务名称|任务事项|事项|工作事项|一级指标|二级任务|贯彻举措)$/u,
  ],
  [
    'content',
    /^(?:(?:主要|具体|重点)?工作任务|任务内容|工作内容|具体(?:要求|任务|内容|措施)|工作(?:措施|要求)|主要内容|任务要求|公开内容|具体工作(?:任务|措施|要求)?|目标(?:清单|任务|要求)|工作目标)$/u,
  ],
  ['lead', /^(?:牵头(?:单位|部门|责任单位)|主要责任单位|主责单位|牵头)$/u],
  [
    'responsible',
    /^(?:责任(?:单位|部门|主体|科室|处室|股室)|配合(?:单位|部门)|协办单位|参与单位|协助单位|配合)$/u,
  ],
  [
    'deadline',
    /^(?:完成(?:时限|时间|期限)|时限(?:要求)?|时间(?:要求|节点|安排)|完成时间节点|截止时间|办结时限)$/u,
  ],
  ['note', /^(?:备注|说明)$/u],
  ['status', /^(?:完成情况|进展情况|状态|完成状态|推进情况)$/u],
  ['dueOn', /^(?:到期日|截止日期|应完成日期)$/u],
];

/**
 * Says which column a header cell names, in any of the usual wordings, full- or half-width, with or
 * without spaces; `undefined` when it is not a decomposition-table header.
 *
 * @example
 * ```ts
 * matchColumnHeader('时限要求'); // 'deadline'
 * matchColumnHeader('主要工作任务'); // 'content'
 * matchColumnHeader('牵 头 单 位'); // 'lead'
 * ```
 */
export function matchColumnHeader(text: string): TableColumnKey | undefined {
  const t = text.normalize('NFKC').replace(/[\s*:：]/gu, '');
  for (const [key, pattern] of HEADER_PATTERNS) if (pattern.test(t)) return key;
  return undefined;
}
