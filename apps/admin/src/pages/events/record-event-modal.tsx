import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal, required, requiredText } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS, STATUS_VIEWS } from '../../graphql/query-keys';
import { unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { CHINESE_DATE_FORMAT } from '../../lib/dates';
import { EVENT_KIND_LABELS, labelOptions } from '../../lib/labels';

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

interface EventForm {
  readonly kind: keyof typeof EVENT_KIND_LABELS;
  readonly occurredOn: Dayjs;
  readonly eventKey: string;
  readonly unitId?: string;
  readonly text: string;
}

/** Records an outside event; deadlines waiting for it and assessments counting it change. */
export function RecordEventModal({ onClose }: { readonly onClose: () => void }) {
  const [form] = Form.useForm<EventForm>();
  const units = useQuery(unitsQuery);
  const record = useAction({
    run: async (v: EventForm) =>
      (
        await request(RecordEventMutation, {
          input: {
            kind: v.kind,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            eventKey: v.eventKey.trim(),
            unitId: v.unitId ?? null,
            text: v.text.trim(),
          },
        })
      ).recordEvent,
    invalidates: [QUERY_KEYS.events, ...STATUS_VIEWS, QUERY_KEYS.audit],
    success: '事件已登记',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="登记事件"
      okText="登记"
      onClose={onClose}
      form={form}
      action={record}
      initialValues={{ kind: 'COMMENDATION' }}
    >
      <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
        <Select options={labelOptions(EVENT_KIND_LABELS)} />
      </Form.Item>
      <Form.Item label="日期" name="occurredOn" rules={[required('请选择日期')]}>
        <DatePicker format={CHINESE_DATE_FORMAT} />
      </Form.Item>
      <Form.Item label="标识(文号等,防止重复登记)" name="eventKey" rules={[requiredText('请输入标识')]}>
        <Input placeholder="如:毕府办通〔2020〕12号" />
      </Form.Item>
      <Form.Item label="单位" name="unitId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          options={unitSelectOptions(units.data)}
        />
      </Form.Item>
      <Form.Item label="内容" name="text" rules={[requiredText('请输入内容')]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
