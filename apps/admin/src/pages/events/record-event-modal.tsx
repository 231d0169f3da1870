import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal, required, requiredText } from '../../components/form-modal';
import { usePlan } from '../../components/plan';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS, STATUS_VIEWS } from '../../graphql/query-keys';
import { UNIT_SEARCH, unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { CHINESE_DATE_FORMAT } from '../../lib/dates';
import { EVENT_KIND_LABELS, labelOptions } from '../../lib/labels';

export const AwaitedEventsQuery = graphql(`
  query AwaitedEvents($planId: String!) {
    plan(id: $planId) {
      id
      awaitedEvents { key phrase deadlineTexts startsDeadlines workItems { id content } recorded { id } }
    }
  }
`);

const RecordEventMutation = graphql(
  `
  mutation RecordEvent($input: RecordEventInput!) {
    recordEvent(input: $input) {
      event { id }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

const UpdateEventMutation = graphql(
  `
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      event { id }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

export const DeleteEventMutation = graphql(
  `
  mutation DeleteEvent($input: DeleteEventInput!) {
    deleteEvent(input: $input) {
      deletedId
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

/** An event as the page lists it. */
export interface EventRow {
  readonly id: string;
  readonly kind: keyof typeof EVENT_KIND_LABELS;
  readonly occurredOn: string;
  readonly eventKey: string;
  readonly text: string;
  readonly docNumber: string | null;
  readonly noticeTitle: string | null;
  readonly issuer: string | null;
  readonly publishedOn: string | null;
  readonly unit: { readonly key: string; readonly name: string } | null;
}

type Awaited = NonNullable<ResultOf<typeof AwaitedEventsQuery>['plan']>['awaitedEvents'][number];

interface EventForm {
  readonly kind: keyof typeof EVENT_KIND_LABELS;
  readonly occurredOn: Dayjs;
  /** Platform and other awaited events: the key picked from the plan's list. */
  readonly awaitedKey?: string;
  readonly unitId?: string;
  readonly text: string;
  readonly docNumber?: string;
  readonly noticeTitle?: string;
  readonly issuer?: string;
  readonly publishedOn?: Dayjs;
}

const AWAITED_KINDS = new Set(['PLATFORM_LIVE', 'OTHER']);
const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function awaitedLabel(e: Awaited): string {
  const items = e.workItems.length;
  return `${e.phrase}(${items}项任务${e.startsDeadlines ? '的时限' : ''}等待${e.recorded ? ',已登记' : ''})`;
}

/**
 * Records an outside event, or changes one: an awaited event (平台上线 …) is picked from what the
 * plan's items wait for; a notice (通报 …) has its 文号, title, issuer and date. Deadlines waiting for
 * it and assessments counting it change.
 */
export function RecordEventModal({
  onClose,
  editing,
}: {
  readonly onClose: () => void;
  readonly editing?: EventRow;
}) {
  const plan = usePlan();
  const [form] = Form.useForm<EventForm>();
  const units = useQuery(unitsQuery);
  const awaited = useQuery({
    queryKey: [...QUERY_KEYS.events, 'awaited', plan.key],
    queryFn: async () => (await request(AwaitedEventsQuery, { planId: plan.key })).plan?.awaitedEvents ?? [],
  });
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'PLATFORM_LIVE';
  const awaitedKey = Form.useWatch('awaitedKey', form);
  const picked = awaited.data?.find((e) => e.key === awaitedKey);
  const save = useAction({
    run: async (v: EventForm) => {
      const notice = {
        docNumber: blank(v.docNumber),
        noticeTitle: blank(v.noticeTitle),
        issuer: blank(v.issuer),
        publishedOn: day(v.publishedOn),
      };
      const common = {
        kind: v.kind,
        occurredOn: day(v.occurredOn) ?? '',
        unitId: v.unitId ?? null,
        text: v.text.trim(),
        ...notice,
      };
      const key = AWAITED_KINDS.has(v.kind) ? (v.awaitedKey ?? null) : null;
      if (editing) {
        return (
          await request(UpdateEventMutation, {
            input: { id: editing.id, ...common, ...(key ? { eventKey: key } : {}) },
          })
        ).updateEvent;
      }
      return (await request(RecordEventMutation, { input: { ...common, eventKey: key } })).recordEvent;
    },
    invalidates: [QUERY_KEYS.events, ...STATUS_VIEWS, QUERY_KEYS.assessment, QUERY_KEYS.audit],
    success: editing ? '事件已修改' : '事件已登记',
    form,
    onSuccess: onClose,
  });
  const initial: Partial<EventForm> = editing
    ? {
        kind: editing.kind,
        occurredOn: dayjs(editing.occurredOn),
        ...(AWAITED_KINDS.has(editing.kind) ? { awaitedKey: editing.eventKey } : {}),
        ...(editing.unit ? { unitId: editing.unit.key } : {}),
        text: editing.text,
        ...(editing.docNumber ? { docNumber: editing.docNumber } : {}),
        ...(editing.noticeTitle ? { noticeTitle: editing.noticeTitle } : {}),
        ...(editing.issuer ? { issuer: editing.issuer } : {}),
        ...(editing.publishedOn ? { publishedOn: dayjs(editing.publishedOn) } : {}),
      }
    : { kind: 'PLATFORM_LIVE' };
  return (
    <FormModal
      title={editing ? '修改事件' : '登记事件'}
      okText={editing ? '保存' : '登记'}
      onClose={onClose}
      form={form}
      action={save}
      initialValues={initial}
      width={640}
    >
      <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
        <Select options={labelOptions(EVENT_KIND_LABELS)} />
      </Form.Item>
      {AWAITED_KINDS.has(kind) && (
        <Form.Item
          label="方案中等待的事件"
          name="awaitedKey"
          rules={[required('请选择方案中等待的事件')]}
          extra={
            picked && (
              <Typography.Text type="secondary">
                等待它的任务:{picked.workItems.map((w) => w.content.slice(0, 20)).join(';')}
              </Typography.Text>
            )
          }
        >
          <Select
            aria-label="方案中等待的事件"
            loading={awaited.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(awaited.data ?? []).map((e) => ({ value: e.key, label: awaitedLabel(e) }))}
            onChange={(key: string) => {
              const e = awaited.data?.find((x) => x.key === key);
              if (e && !form.getFieldValue('text')) form.setFieldValue('text', `${e.phrase}`);
            }}
            notFoundContent="本方案没有等待外部事件的任务"
          />
        </Form.Item>
      )}
      <Form.Item label="日期" name="occurredOn" rules={[required('请选择日期')]}>
        <DatePicker format={CHINESE_DATE_FORMAT} />
      </Form.Item>
      <Form.Item label="单位" name="unitId">
        <Select
          allowClear
          showSearch={UNIT_SEARCH}
          loading={units.isPending}
          options={unitSelectOptions(units.data)}
        />
      </Form.Item>
      <Form.Item label="内容" name="text" rules={[requiredText('请输入内容')]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="通知文号" name="docNumber">
        <Input placeholder="如:毕府办通〔2020〕12号" />
      </Form.Item>
      <Form.Item label="通知标题" name="noticeTitle">
        <Input />
      </Form.Item>
      <Form.Item label="发文机关" name="issuer">
        <Input />
      </Form.Item>
      <Form.Item label="发布日期" name="publishedOn">
        <DatePicker format={CHINESE_DATE_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}
