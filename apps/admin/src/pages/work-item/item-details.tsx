import { Card, Descriptions, Space } from 'antd';
import { EstimatedTag } from '../../components/estimated-notice';
import { StatusTag } from '../../components/status-tag';
import { formatChineseDate } from '../../lib/dates';
import type { Item } from './work-item-data';

/** The work item as the plan writes it, with its status and the reason for it as of the day. */
export function ItemDetails({ item, asOf }: { readonly item: Item; readonly asOf: string }) {
  return (
    <Card
      title={
        <Space>
          <span>工作任务</span>
          <StatusTag status={item.status.status} />
        </Space>
      }
    >
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'plan',
            label: '实施方案',
            children: `${item.keyTask.plan.title}(${item.keyTask.plan.docNumber})`,
          },
          { key: 'category', label: '类别', children: item.keyTask.category?.title ?? '—' },
          { key: 'task', label: '重点任务', children: `${item.keyTask.number}. ${item.keyTask.title}` },
          { key: 'content', label: '工作任务', children: item.content },
          { key: 'deadline', label: '完成时限', children: item.deadlineText },
          { key: 'dueOn', label: '截止日期', children: formatChineseDate(item.dueOn) },
          {
            key: 'explanation',
            label: `状态说明(截至${formatChineseDate(asOf)})`,
            children: (
              <span>
                {item.status.explanation.zh}
                {item.status.estimated && <EstimatedTag />}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
