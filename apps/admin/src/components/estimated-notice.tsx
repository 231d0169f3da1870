import { Alert, Tag } from 'antd';

/** What the app says when a status or score rests on days past the working-day calendar's years. */
export const ESTIMATED_TEXT = '部分日期超出工作日历,按周末估算';

/**
 * A warning for figures the core estimated: days past the calendar's years count weekends only (no
 * holidays or 调休 are known yet), so a deadline or a score may shift once the calendar is extended.
 */
export function EstimatedNotice({ what }: { readonly what: string }) {
  return (
    <Alert
      type="warning"
      showIcon
      title={ESTIMATED_TEXT}
      description={`${what}所依据的部分日期在工作日历的年份之外,只按周末扣除非工作日,节假日与调休未计入;工作日历更新后结果可能变化。`}
      style={{ marginBottom: 12 }}
      data-testid="estimated-notice"
    />
  );
}

/** The mark beside one date or status the core estimated (past the work calendar's loaded years). */
export function EstimatedTag() {
  return (
    <Tag color="warning" style={{ marginLeft: 8 }} title={ESTIMATED_TEXT} data-testid="estimated-tag">
      按周末估算
    </Tag>
  );
}
