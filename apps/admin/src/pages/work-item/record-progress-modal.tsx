import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAsOf } from '../../components/as-of';
import { FormModal, required } from '../../components/form-modal';
import { request } from '../../graphql/client';
import type { VariablesOf } from '../../graphql/graphql';
import { QUERY_KEYS, STATUS_VIEWS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { CHINESE_DATE_FORMAT, chinaToday } from '../../lib/dates';
import { labelOptions, PROGRESS_STATE_LABELS } from '../../lib/labels';
import { type Assignment, RecordProgressMutation } from './work-item-data';

interface ProgressForm {
  readonly reportedOn: Dayjs;
  readonly state: 'STARTED' | 'PARTIAL' | 'DONE';
  readonly percent?: number | null;
  readonly note?: string;
  readonly evidence?: readonly { url?: string; siteColumn?: string; publishedOn?: Dayjs | null }[];
}

type RecordProgressInput = VariablesOf<typeof RecordProgressMutation>['input'];

/** The form's values as the mutation's input (blank evidence rows dropped, DONE is 100%). */
function toInput(assignment: Assignment, values: ProgressForm): RecordProgressInput {
  const evidence = (values.evidence ?? [])
    .filter((e) => e.url && e.url.trim() !== '')
    .map((e) => ({
      url: (e.url ?? '').trim(),
      siteColumn: e.siteColumn?.trim() || null,
      publishedOn: e.publishedOn ? e.publishedOn.format('YYYY-MM-DD') : null,
    }));
  return {
    assignmentId: assignment.id,
    expectedVersion: assignment.version,
    reportedOn: values.reportedOn.format('YYYY-MM-DD'),
    state: values.state,
    percent: values.state === 'DONE' ? 100 : (values.percent ?? null),
    note: values.note?.trim() || null,
    evidence,
  };
}

function EvidenceFields() {
  return (
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
  );
}

/** Reports a unit's progress on one assignment: state, percent, note and public evidence. */
export function RecordProgressModal({
  assignment,
  onClose,
}: {
  readonly assignment: Assignment;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<ProgressForm>();
  const state = Form.useWatch('state', form);
  const { asOf } = useAsOf();
  // Reported for the day being viewed when that is in the past, so its effect shows at once.
  const today = chinaToday();
  const reportedOn = [asOf, today].sort()[0] ?? today;
  const record = useAction({
    run: async (values: ProgressForm) =>
      (await request(RecordProgressMutation, { input: toInput(assignment, values) })).recordProgress,
    invalidates: [...STATUS_VIEWS, QUERY_KEYS.audit],
    success: '进展已报送',
    form,
    onSuccess: onClose,
  });

  return (
    <FormModal
      title={`报送进展:${assignment.unit.name}`}
      okText="提交"
      onClose={onClose}
      width={640}
      form={form}
      action={record}
      initialValues={{ reportedOn: dayjs(reportedOn), state: 'PARTIAL', evidence: [{}] }}
    >
      <Space size="large" wrap>
        <Form.Item label="报送日期" name="reportedOn" rules={[required('请选择日期')]}>
          <DatePicker format={CHINESE_DATE_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item label="进展" name="state" rules={[{ required: true }]}>
          <Select style={{ width: 140 }} options={labelOptions(PROGRESS_STATE_LABELS)} />
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
      <EvidenceFields />
    </FormModal>
  );
}
