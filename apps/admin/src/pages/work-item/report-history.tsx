import { Card, Space, Tag, Timeline, Typography } from 'antd';
import { formatChineseDate, formatChineseDateTime } from '../../lib/dates';
import { EvidenceLinks, reportStateText } from './report-parts';
import type { Assignment } from './work-item-data';

/** Every report on the shown assignments, newest first, corrections and corrected ones marked. */
export function ReportHistory({ assignments }: { readonly assignments: readonly Assignment[] }) {
  const history = assignments
    .flatMap((a) => a.reports.edges.map((e) => ({ a, r: e.node })))
    .sort((x, y) => (x.r.createdAt < y.r.createdAt ? 1 : -1));
  return (
    <Card title="报送记录">
      {history.length === 0 ? (
        <Typography.Text type="secondary">尚无报送记录</Typography.Text>
      ) : (
        <Timeline
          items={history.map(({ a, r }) => ({
            key: r.id,
            color: r.supersededBy ? 'gray' : r.state === 'DONE' ? 'green' : 'blue',
            content: (
              <Space orientation="vertical" size={0}>
                <span>
                  <b>{a.unit.name}</b> 报送 {formatChineseDate(r.reportedOn)}:{reportStateText(r)}
                  {r.supersededBy && <Tag style={{ marginLeft: 8 }}>已被更正</Tag>}
                  {r.supersedes && (
                    <Tag color="blue" style={{ marginLeft: 8 }}>
                      更正
                    </Tag>
                  )}
                </span>
                {r.note && <span>{r.note}</span>}
                <EvidenceLinks report={r} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.createdBy?.username ?? '—'} 记录于 {formatChineseDateTime(r.createdAt)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
