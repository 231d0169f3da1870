import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space, Tabs, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal, required, requiredText } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { useAction } from '../../graphql/use-action';
import { CHINESE_DATE_FORMAT } from '../../lib/dates';
import { CALENDAR_CHANGES, type LoadCalendarYearInput, LoadCalendarYearMutation } from './calendar-data';

interface LoadYearForm {
  readonly json?: string;
  readonly year?: number;
  readonly docNumber?: string;
  readonly notice?: string;
  readonly days?: readonly {
    readonly date?: Dayjs;
    readonly kind?: 'OFF' | 'WORK';
    readonly name?: string;
  }[];
}

type Mode = 'json' | 'form';

/** The form's values as `loadCalendarYear`'s input: the pasted holiday-cn file, or the typed days. */
export function loadYearInput(mode: Mode, v: LoadYearForm): LoadCalendarYearInput {
  const docNumber = v.docNumber?.trim() || null;
  const notices = v.notice?.trim() ? [v.notice.trim()] : [];
  if (mode === 'json') return { holidayCnJson: v.json ?? '', docNumber, notices };
  return {
    year: v.year ?? null,
    docNumber,
    notices,
    days: (v.days ?? []).map((d) => ({
      date: d.date ? d.date.format('YYYY-MM-DD') : '',
      kind: d.kind ?? 'OFF',
      name: d.name?.trim() ?? '',
    })),
  };
}

/**
 * Loads a year's State Council arrangement (国务院办公厅关于部分节假日安排的通知): the holiday-cn JSON
 * file pasted or uploaded, or its 放假 and 调休上班 days typed in; a loaded year is replaced.
 */
export function LoadYearModal({
  suggestedYear,
  onClose,
}: {
  readonly suggestedYear: number;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<LoadYearForm>();
  const [mode, setMode] = useState<Mode>('json');
  const load = useAction({
    run: async (v: LoadYearForm) =>
      (await request(LoadCalendarYearMutation, { input: loadYearInput(mode, v) })).loadCalendarYear,
    invalidates: CALENDAR_CHANGES,
    success: (p) =>
      `已载入${p.calendarYear?.year ?? ''}年节假日安排:放假${p.calendarYear?.offDays ?? 0}天,调休上班${p.calendarYear?.workDays ?? 0}天`,
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title="载入节假日安排"
      okText="载入"
      onClose={onClose}
      form={form}
      action={load}
      width={720}
      initialValues={{ year: suggestedYear, days: [{ kind: 'OFF' }] }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="国务院办公厅每年发布下一年度部分节假日安排的通知;载入后,各项状态、截止日期与考核得分立即按新的日历计算。"
      />
      <Form.Item label="通知文号" name="docNumber">
        <Input placeholder="如:国办发明电〔2026〕x号" />
      </Form.Item>
      <Form.Item label="通知网址" name="notice">
        <Input placeholder="https://www.gov.cn/zhengce/…" />
      </Form.Item>
      <Tabs
        activeKey={mode}
        onChange={(k) => setMode(k as Mode)}
        items={[
          {
            key: 'json',
            label: '粘贴或上传 JSON',
            children: (
              <>
                <Upload
                  accept=".json,application/json"
                  showUploadList={false}
                  beforeUpload={async (file) => {
                    form.setFieldValue('json', await file.text());
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
                </Upload>
                <Form.Item
                  label="holiday-cn 格式(year、papers、days 含 name、date、isOffDay)"
                  name="json"
                  style={{ marginTop: 12 }}
                  rules={mode === 'json' ? [requiredText('请粘贴或上传节假日安排 JSON')] : []}
                >
                  <Input.TextArea
                    rows={8}
                    aria-label="节假日安排JSON"
                    placeholder='{"year": 2027, "papers": [...], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}'
                  />
                </Form.Item>
              </>
            ),
          },
          {
            key: 'form',
            label: '逐日填写',
            children: (
              <>
                <Form.Item label="年度" name="year" rules={mode === 'form' ? [required('请填写年度')] : []}>
                  <InputNumber min={2000} max={2100} aria-label="年度" />
                </Form.Item>
                <Form.List name="days">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item
                            name={[field.name, 'date']}
                            rules={mode === 'form' ? [required('请选择日期')] : []}
                          >
                            <DatePicker format={CHINESE_DATE_FORMAT} aria-label="日期" />
                          </Form.Item>
                          <Form.Item name={[field.name, 'kind']}>
                            <Select
                              style={{ width: 120 }}
                              aria-label="类别"
                              options={[
                                { value: 'OFF', label: '放假' },
                                { value: 'WORK', label: '调休上班' },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'name']}
                            rules={mode === 'form' ? [requiredText('请填写节日')] : []}
                          >
                            <Input placeholder="节日,如 春节" aria-label="节日" />
                          </Form.Item>
                          <MinusCircleOutlined aria-label="删除此日" onClick={() => remove(field.name)} />
                        </Space>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'OFF' })}>
                        添加一天
                      </Button>
                    </>
                  )}
                </Form.List>
              </>
            ),
          },
        ]}
      />
    </FormModal>
  );
}
