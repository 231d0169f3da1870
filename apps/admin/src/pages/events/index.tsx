import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useViewer } from '../../auth/session';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS, STATUS_VIEWS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { formatChineseDate } from '../../lib/dates';
import { EVENT_KIND_LABELS } from '../../lib/labels';
import { DeleteEventMutation, type EventRow, RecordEventModal } from './record-event-modal';

const EventsQuery = graphql(`
  query OutsideEvents($after: String) {
    outsideEvents(first: 100, after: $after) {
      edges { node { id kind occurredOn eventKey text docNumber noticeTitle issuer publishedOn unit { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type OutsideEvent = EventRow;

export default function EventsPage() {
  const viewer = useViewer();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OutsideEvent | null>(null);
  const remove = useAction({
    run: async (e: OutsideEvent) => (await request(DeleteEventMutation, { input: { id: e.id } })).deleteEvent,
    invalidates: [QUERY_KEYS.events, ...STATUS_VIEWS, QUERY_KEYS.assessment, QUERY_KEYS.audit],
    success: '事件已删除',
  });
  const events = useQuery({
    queryKey: QUERY_KEYS.events,
    queryFn: () => readAllPages(async (after) => (await request(EventsQuery, { after })).outsideEvents),
  });
  return (
    <Page
      title="事件"
      extra={
        viewer.can.recordEvent && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记事件
          </Button>
        )
      }
    >
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
              {
                title: '通知',
                key: 'notice',
                width: 260,
                render: (_, e) =>
                  [
                    e.issuer,
                    e.docNumber,
                    e.noticeTitle && `《${e.noticeTitle}》`,
                    e.publishedOn && formatChineseDate(e.publishedOn),
                  ]
                    .filter(Boolean)
                    .join(' ') || '—',
              },
              ...(viewer.can.recordEvent
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, e: OutsideEvent) => (
                        <EditDeleteActions
                          onEdit={() => setEditing(e)}
                          onDelete={() => remove.mutate(e)}
                          confirm="删除该事件?等待它的任务时限将恢复为等待。"
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {adding && <RecordEventModal onClose={() => setAdding(false)} />}
      {editing && <RecordEventModal editing={editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}
