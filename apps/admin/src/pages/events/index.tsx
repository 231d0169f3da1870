import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useViewer } from '../../auth/session';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDate } from '../../lib/dates';
import { EVENT_KIND_LABELS } from '../../lib/labels';
import { RecordEventModal } from './record-event-modal';

const EventsQuery = graphql(`
  query OutsideEvents($after: String) {
    outsideEvents(first: 100, after: $after) {
      edges { node { id kind occurredOn eventKey text unit { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type OutsideEvent = ResultOf<typeof EventsQuery>['outsideEvents']['edges'][number]['node'];

export default function EventsPage() {
  const viewer = useViewer();
  const [adding, setAdding] = useState(false);
  const events = useQuery({
    queryKey: QUERY_KEYS.events,
    queryFn: () => readAllPages(async (after) => (await request(EventsQuery, { after })).outsideEvents),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          事件
        </Typography.Title>
        {viewer.can.recordEvent && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记事件
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">
        方案之外、影响时限或考核的事项:平台上线、通报表扬、通报批评、培训等。
      </Typography.Text>
      <QueryState query={events} isEmpty={(e) => e.length === 0} emptyText="尚未登记任何事件">
        {(list) => (
          <Table<OutsideEvent>
            rowKey="id"
            size="small"
            dataSource={[...list].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : -1))}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              {
                title: '日期',
                dataIndex: 'occurredOn',
                width: 140,
                render: (d: string) => formatChineseDate(d),
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 110,
                render: (k: OutsideEvent['kind']) => <Tag>{EVENT_KIND_LABELS[k]}</Tag>,
              },
              { title: '单位', key: 'unit', width: 180, render: (_, e) => e.unit?.name ?? '—' },
              { title: '内容', dataIndex: 'text' },
              { title: '标识', dataIndex: 'eventKey', width: 200 },
            ]}
          />
        )}
      </QueryState>
      {adding && <RecordEventModal onClose={() => setAdding(false)} />}
    </Space>
  );
}
