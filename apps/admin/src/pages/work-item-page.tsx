import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { canRecordProgress, visibleUnitId } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { useAsOf } from '../components/as-of';
import { QueryState } from '../components/query-state';
import { StatusTag } from '../components/status-tag';
import { request } from '../graphql/client';
import { graphql, type ResultOf, userErrorText } from '../graphql/graphql';
import { CHINESE_DATE_FORMAT, chinaToday, formatChineseDate, formatChineseDateTime } from '../lib/dates';
import { ASSIGNMENT_ROLE_LABELS, PROGRESS_STATE_LABELS } from '../lib/labels';

const WorkItemQuery = graphql(`
  query WorkItem($id: ID!, $asOf: Date) {
    node(id: $id) {
      ... on WorkItem {
        id
        order
        content
        deadlineText
        deadlineKind
        dueOn
        status(asOf: $asOf) { status dueOn isOverdue workingDaysLeft estimated explanation { zh } }
        keyTask { id number title category { id title } plan { id key title docNumber } }
        assignments(first: 100) {
          edges {
            node {
              id
              role
              version
              expandedFrom
              unit { id key name }
              status(asOf: $asOf) { status dueOn workingDaysLeft explanation { zh } }
              reports(first: 100, includeSuperseded: true) {
                edges {
                  node {
                    id
                    reportedOn
                    state
                    percent
                    note
                    createdAt
                    createdBy { username }
                    supersedes { id }
                    supersededBy { id }
                    evidence { id url siteColumn publishedOn }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const RecordProgressMutation = graphql(`
  mutation RecordProgress($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      report { id }
      assignment { id version }
      userErrors { code messageZh field }
    }
  }
`);

type Item = Extract<NonNullable<ResultOf<typeof WorkItemQuery>['node']>, { content: string }>;
type Assignment = Item['assignments']['edges'][number]['node'];
type Report = Assignment['reports']['edges'][number]['node'];

export default function WorkItemPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const query = useQuery({
    queryKey: ['workItem', id, asOf],
    queryFn: async () => {
      const node = (await request(WorkItemQuery, { id, asOf })).node;
      return node && 'content' in node ? (node as Item) : null;
    },
  });
  return (
    <QueryState query={query} isEmpty={(item) => item === null} emptyText="找不到该工作任务,或无权查看。">
      {(item) => <WorkItemView item={item as Item} />}
    </QueryState>
  );
}

function WorkItemView({ item }: { readonly item: Item }) {
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const [recording, setRecording] = useState<Assignment | null>(null);
  const own = visibleUnitId(viewer);
  const assignments = item.assignments.edges
    .map((e) => e.node)
    .filter((a) => own === null || a.unit.key === own);

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
    {
      title: '最新报送',
      key: 'latest',
      render: (_, a) => {
        const latest = inForce(a).at(-1);
        if (!latest) return <Typography.Text type="secondary">尚未报送</Typography.Text>;
        return (
          <Space orientation="vertical" size={0}>
            <span>
              {formatChineseDate(latest.reportedOn)} {PROGRESS_STATE_LABELS[latest.state]}
              {latest.percent !== null && ` ${latest.percent}%`}
            </span>
            {latest.note && <Typography.Text type="secondary">{latest.note}</Typography.Text>}
            <EvidenceLinks report={latest} />
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      className: 'qxg-no-print',
      render: (_, a) =>
        canRecordProgress(viewer, a.unit.key) ? (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setRecording(a)}>
            报送进展
          </Button>
        ) : null,
    },
  ];

  const history = assignments
    .flatMap((a) => a.reports.edges.map((e) => ({ a, r: e.node })))
    .sort((x, y) => (x.r.createdAt < y.r.createdAt ? 1 : -1));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
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
                  {item.status.estimated && <Tag style={{ marginLeft: 8 }}>按周末估算</Tag>}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card title="牵头单位与责任单位">
        <Table<Assignment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={assignments}
          pagination={assignments.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: '没有可显示的任务分工' }}
        />
      </Card>
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
                    <b>{a.unit.name}</b> 报送 {formatChineseDate(r.reportedOn)}:
                    {PROGRESS_STATE_LABELS[r.state]}
                    {r.percent !== null && ` ${r.percent}%`}
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
      {recording && <RecordProgressModal assignment={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}

function inForce(a: Assignment): Report[] {
  return a.reports.edges.map((e) => e.node).filter((r) => r.supersededBy === null);
}

function EvidenceLinks({ report }: { readonly report: Report }) {
  if (report.evidence.length === 0) return null;
  return (
    <Space wrap size={4}>
      {report.evidence.map((e) => (
        <a key={e.id} href={e.url} target="_blank" rel="noreferrer">
          <LinkOutlined /> {e.siteColumn ?? e.url}
          {e.publishedOn && `(${formatChineseDate(e.publishedOn)})`}
        </a>
      ))}
    </Space>
  );
}

interface ProgressForm {
  readonly reportedOn: Dayjs;
  readonly state: 'STARTED' | 'PARTIAL' | 'DONE';
  readonly percent?: number | null;
  readonly note?: string;
  readonly evidence?: readonly { url?: string; siteColumn?: string; publishedOn?: Dayjs | null }[];
}

function RecordProgressModal({
  assignment,
  onClose,
}: {
  readonly assignment: Assignment;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<ProgressForm>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = Form.useWatch('state', form);
  const { asOf } = useAsOf();
  // Reported for the day being viewed when that is in the past, so its effect shows at once.
  const today = chinaToday();
  const reportedOn = [asOf, today].sort()[0] ?? today;

  const submit = async (values: ProgressForm) => {
    setBusy(true);
    setError(null);
    try {
      const evidence = (values.evidence ?? [])
        .filter((e) => e.url && e.url.trim() !== '')
        .map((e) => ({
          url: (e.url ?? '').trim(),
          siteColumn: e.siteColumn?.trim() || null,
          publishedOn: e.publishedOn ? e.publishedOn.format('YYYY-MM-DD') : null,
        }));
      const { recordProgress } = await request(RecordProgressMutation, {
        input: {
          assignmentId: assignment.id,
          expectedVersion: assignment.version,
          reportedOn: values.reportedOn.format('YYYY-MM-DD'),
          state: values.state,
          percent: values.state === 'DONE' ? 100 : (values.percent ?? null),
          note: values.note?.trim() || null,
          evidence,
        },
      });
      const problem = userErrorText(recordProgress.userErrors);
      if (problem) {
        setError(problem);
        return;
      }
      void message.success('进展已报送');
      await client.invalidateQueries();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`报送进展:${assignment.unit.name}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<ProgressForm>
        form={form}
        layout="vertical"
        initialValues={{ reportedOn: dayjs(reportedOn), state: 'PARTIAL', evidence: [{}] }}
        onFinish={(v) => void submit(v)}
      >
        <Space size="large" wrap>
          <Form.Item label="报送日期" name="reportedOn" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format={CHINESE_DATE_FORMAT} allowClear={false} />
          </Form.Item>
          <Form.Item label="进展" name="state" rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={Object.entries(PROGRESS_STATE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          {state !== 'DONE' && (
            <Form.Item label="完成百分比" name="percent">
              <InputNumber min={0} max={100} suffix="%" />
            </Form.Item>
          )}
        </Space>
        <Form.Item label="进展说明" name="note">
          <Input.TextArea rows={3} placeholder="如:已在政府网站“重点领域信息公开”栏目发布……" />
        </Form.Item>
        <Typography.Text strong>佐证材料(公开网址)</Typography.Text>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'url']} rules={[{ type: 'url', message: '请输入有效网址' }]}>
                    <Input placeholder="https://…" style={{ width: 260 }} aria-label="佐证网址" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'siteColumn']}>
                    <Input placeholder="栏目" style={{ width: 150 }} aria-label="栏目" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'publishedOn']}>
                    <DatePicker placeholder="发布日期" format={CHINESE_DATE_FORMAT} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} block>
                添加佐证
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
