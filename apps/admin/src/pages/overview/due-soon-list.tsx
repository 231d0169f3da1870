import { List } from 'antd';
import { Link } from 'react-router';
import { EstimatedTag } from '../../components/estimated-notice';
import { StatusTag } from '../../components/status-tag';
import { formatChineseDate } from '../../lib/dates';
import { statusLabel } from '../../lib/vocabulary';
import type { DueItem } from './overview-data';

function daysText(days: number | null): string {
  if (days === null) return '';
  return days < 0 ? ` · ${statusLabel('OVERDUE')} ${-days} 个工作日` : ` · 剩余 ${days} 个工作日`;
}

/** The open work items due first. */
export function DueSoonList({ items }: { readonly items: readonly DueItem[] }) {
  return (
    <List
      locale={{ emptyText: '暂无未完成且有截止日期的任务' }}
      dataSource={[...items]}
      renderItem={(item) => (
        <List.Item extra={<StatusTag status={item.status.status} />}>
          <List.Item.Meta
            title={<Link to={`/items/${encodeURIComponent(item.id)}`}>{item.content}</Link>}
            description={
              <>
                {`任务${item.keyTask.number} · ${item.deadlineText} · 截止 ${formatChineseDate(item.dueOn)}${daysText(item.status.workingDaysLeft)}`}
                {item.status.estimated && <EstimatedTag />}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
