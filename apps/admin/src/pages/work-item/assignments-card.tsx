import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../components/status-tag';
import { formatChineseDate } from '../../lib/dates';
import { ASSIGNMENT_ROLE_LABELS } from '../../lib/labels';
import { EvidenceLinks, reportStateText } from './report-parts';
import { type Assignment, inForce } from './work-item-data';

function LatestReport({ assignment }: { readonly assignment: Assignment }) {
  const latest = inForce(assignment).at(-1);
  if (!latest) return <Typography.Text type="secondary">尚未报送</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {formatChineseDate(latest.reportedOn)} {reportStateText(latest)}
      </span>
      {latest.note && <Typography.Text type="secondary">{latest.note}</Typography.Text>}
      <EvidenceLinks report={latest} />
    </Space>
  );
}

export interface AssignmentsCardProps {
  readonly assignments: readonly Assignment[];
  /** True when the viewer may report progress on the assignment (the gateway's answer). */
  readonly canRecord: (assignment: Assignment) => boolean;
  readonly onRecord: (assignment: Assignment) => void;
}

/** The item's lead and responsible units: each one's status, latest report and the report action. */
export function AssignmentsCard({ assignments, canRecord, onRecord }: AssignmentsCardProps) {
  const columns: TableColumnsType<Assignment> = [
    {
      title: '单位',
      key: 'unit',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/units/${a.unit.key}`}>{a.unit.name}</Link>
          {a.expandedFrom && <Typography.Text type="secondary">(属“{a.expandedFrom}”)</Typography.Text>}
        </Space>
      ),
    },
    { title: '分工', key: 'role', width: 90, render: (_, a) => <Tag>{ASSIGNMENT_ROLE_LABELS[a.role]}</Tag> },
    {
      title: '状态',
      key: 'status',
      width: 240,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <StatusTag status={a.status.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.status.explanation.zh}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '最新报送', key: 'latest', render: (_, a) => <LatestReport assignment={a} /> },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      className: 'qxg-no-print',
      render: (_, a) =>
        canRecord(a) ? (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => onRecord(a)}>
            报送进展
          </Button>
        ) : null,
    },
  ];
  return (
    <Card title="牵头单位与责任单位">
      <Table<Assignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...assignments]}
        pagination={assignments.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: '没有可显示的任务分工' }}
      />
    </Card>
  );
}
