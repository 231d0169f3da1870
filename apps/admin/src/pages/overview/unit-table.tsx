import { Progress, Table } from 'antd';
import { Link } from 'react-router';
import type { StatusValue } from '../../lib/vocabulary';
import { percent } from './charts';
import { completionRate, countOf, type Tally } from './summarize';

const LATE: readonly StatusValue[] = ['OVERDUE', 'BEHIND'];

/** Each unit's assignments, completion rate and late count. */
export function UnitTable({ byUnit }: { readonly byUnit: readonly Tally[] }) {
  return (
    <Table<Tally>
      rowKey="key"
      size="small"
      dataSource={[...byUnit]}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      columns={[
        {
          title: '单位',
          dataIndex: 'label',
          render: (label: string, t) => <Link to={`/units/${t.key}`}>{label}</Link>,
        },
        { title: '分工', dataIndex: 'assignments', width: 60 },
        {
          title: '完成率',
          key: 'rate',
          width: 160,
          sorter: (a, b) => completionRate(a) - completionRate(b),
          render: (_, t) => <Progress percent={percent(completionRate(t))} size="small" />,
        },
        {
          title: '逾期',
          key: 'overdue',
          width: 60,
          sorter: (a, b) => countOf(a.counts, LATE) - countOf(b.counts, LATE),
          render: (_, t) => countOf(t.counts, LATE),
        },
      ]}
    />
  );
}
