import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { can } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { Forbidden } from '../components/forbidden';
import { QueryState } from '../components/query-state';
import { request } from '../graphql/client';
import { graphql, type ResultOf, userErrorText } from '../graphql/graphql';
import { readAllPages } from '../graphql/pages';
import { CHINESE_DATE_FORMAT, formatChineseDate } from '../lib/dates';
import { EVENT_KIND_LABELS } from '../lib/labels';
import { fetchUnits } from './table/table-data';

const EventsQuery = graphql(`
  query OutsideEvents($after: String) {
    outsideEvents(first: 100, after: $after) {
      edges { node { id kind occurredOn eventKey text unit { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const RecordEventMutation = graphql(`
  mutation RecordEvent($input: RecordEventInput!) {
    recordEvent(input: $input) {
      event { id }
      userErrors { code messageZh }
    }
  }
`);

type OutsideEvent = ResultOf<typeof EventsQuery>['outsideEvents']['edges'][number]['node'];

export default function EventsPage() {
  const viewer = useViewer();
  const [adding, setAdding] = useState(false);
  const events = useQuery({
    queryKey: ['events'],
    queryFn: () => readAllPages(async (after) => (await request(EventsQuery, { after })).outsideEvents),
  });
  if (!can(viewer, 'viewAll')) return <Forbidden />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          事件
        </Typography.Title>
        {can(viewer, 'recordEvent') && (
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
                render: (k: string) => <Tag>{EVENT_KIND_LABELS[k] ?? k}</Tag>,
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

interface EventForm {
  readonly kind: string;
  readonly occurredOn: Dayjs;
  readonly eventKey: string;
  readonly unitId?: string;
  readonly text: string;
}

function RecordEventModal({ onClose }: { readonly onClose: () => void }) {
  const [form] = Form.useForm<EventForm>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits, staleTime: 10 * 60_000 });
  const submit = async (v: EventForm) => {
    setBusy(true);
    setError(null);
    try {
      const { recordEvent } = await request(RecordEventMutation, {
        input: {
          kind: v.kind as 'OTHER',
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          eventKey: v.eventKey.trim(),
          unitId: v.unitId ?? null,
          text: v.text.trim(),
        },
      });
      const problem = userErrorText(recordEvent.userErrors);
      if (problem) setError(problem);
      else {
        void message.success('事件已登记');
        await client.invalidateQueries();
        onClose();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="登记事件"
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<EventForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'COMMENDATION' }}
      >
        <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
          <Select options={Object.entries(EVENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="日期" name="occurredOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={CHINESE_DATE_FORMAT} />
        </Form.Item>
        <Form.Item
          label="标识(文号等,防止重复登记)"
          name="eventKey"
          rules={[{ required: true, whitespace: true, message: '请输入标识' }]}
        >
          <Input placeholder="如:毕府办通〔2020〕12号" />
        </Form.Item>
        <Form.Item label="单位" name="unitId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.key, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label="内容"
          name="text"
          rules={[{ required: true, whitespace: true, message: '请输入内容' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
