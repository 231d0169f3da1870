import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useViewer } from '../../auth/session';
import { DeleteAction } from '../../components/edit-delete-actions';
import { required, requiredText } from '../../components/form-modal';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { useAction } from '../../graphql/use-action';
import { CHINESE_DATE_FORMAT, chinaToday, formatChineseDate, formatChineseDateTime } from '../../lib/dates';
import {
  CALENDAR_CHANGES,
  type CalendarYearRow,
  calendarDaysQuery,
  calendarQuery,
  type LocalDayRow,
  RemoveCalendarYearMutation,
  RemoveLocalDayMutation,
  SetLocalDayMutation,
} from './calendar-data';
import { LoadYearModal } from './load-year-modal';
import { Legend, YearGrid } from './year-grid';

interface LocalDayForm {
  readonly date: Dayjs;
  readonly kind: 'HOLIDAY' | 'WORKDAY';
  readonly name: string;
  readonly note?: string;
}

function LocalDayForm() {
  const [form] = Form.useForm<LocalDayForm>();
  const set = useAction({
    run: async (v: LocalDayForm) =>
      (
        await request(SetLocalDayMutation, {
          input: {
            date: v.date.format('YYYY-MM-DD'),
            kind: v.kind,
            name: v.name.trim(),
            note: v.note?.trim() || null,
          },
        })
      ).setLocalDay,
    invalidates: CALENDAR_CHANGES,
    success: (p) => `已设置地方日期 ${formatChineseDate(p.day?.date)}`,
    form,
    onSuccess: () => form.resetFields(['date', 'name', 'note']),
  });
  return (
    <Form<LocalDayForm>
      form={form}
      layout="inline"
      initialValues={{ kind: 'HOLIDAY' }}
      onFinish={(v) => set.mutate(v)}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="date" rules={[required('请选择日期')]}>
        <DatePicker format={CHINESE_DATE_FORMAT} placeholder="日期" aria-label="地方日期" />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          style={{ width: 130 }}
          aria-label="地方日期类别"
          options={[
            { value: 'HOLIDAY', label: '休息(放假)' },
            { value: 'WORKDAY', label: '工作(上班)' },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" rules={[requiredText('请填写名称')]}>
        <Input placeholder="名称,如 彝族年、临时闭馆" aria-label="地方日期名称" />
      </Form.Item>
      <Form.Item name="note">
        <Input placeholder="依据,如 自治条例" aria-label="地方日期依据" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={set.isPending}>
          添加地方日期
        </Button>
      </Form.Item>
    </Form>
  );
}

export default function CalendarPage() {
  const viewer = useViewer();
  const canEdit = viewer.can.manageCalendar;
  const summary = useQuery(calendarQuery);
  const [year, setYear] = useState(() => Number(chinaToday().slice(0, 4)));
  const days = useQuery(calendarDaysQuery(year));
  const [loading, setLoading] = useState(false);
  const removeYear = useAction({
    run: async (y: number) => (await request(RemoveCalendarYearMutation, { year: y })).removeCalendarYear,
    invalidates: CALENDAR_CHANGES,
    success: (p) => `已删除${p.removedYear ?? ''}年的节假日安排`,
  });
  const removeLocal = useAction({
    run: async (date: string) => (await request(RemoveLocalDayMutation, { date })).removeLocalDay,
    invalidates: CALENDAR_CHANGES,
    success: (p) => `已删除地方日期 ${formatChineseDate(p.removedDate)}`,
  });

  const loadedYears = summary.data?.years.map((y) => y.year) ?? [];
  const last = loadedYears.at(-1) ?? year;
  const yearOptions = [...new Set([...loadedYears, last + 1, year])].sort((a, b) => a - b);
  const covered = loadedYears.includes(year);

  return (
    <Page
      title="工作日历"
      wrap
      extra={
        canEdit && (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setLoading(true)}>
            载入节假日安排
          </Button>
        )
      }
    >
      <Typography.Text type="secondary">
        截止日期、剩余工作日与考核得分按此日历计算:国务院办公厅节假日安排(放假、调休上班)加上本地的休息日与工作日。
        {summary.data &&
          ` 已载入 ${formatChineseDate(summary.data.from)} 至 ${formatChineseDate(summary.data.to)};此后的日期按周末估算。`}
      </Typography.Text>
      <Card
        title={
          <Space>
            <span>年历</span>
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={yearOptions.map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Space>
        }
        extra={<Legend />}
      >
        {summary.data && !covered && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="year-estimated"
            title={`尚未载入${year}年的节假日安排:该年的日期只按周末估算,节假日与调休未计入。`}
          />
        )}
        <QueryState query={days}>{(list) => <YearGrid days={list} />}</QueryState>
      </Card>
      <Card title="已载入的节假日安排">
        <QueryState query={summary}>
          {(c) => (
            <Table<CalendarYearRow>
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={[...c.years].reverse()}
              columns={[
                { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
                {
                  title: '通知文号',
                  dataIndex: 'docNumber',
                  width: 200,
                  render: (d: string | null) => d ?? '—',
                },
                {
                  title: '通知',
                  key: 'notices',
                  render: (_, y) => (
                    <Space orientation="vertical" size={0}>
                      {y.notices.map((n) => (
                        <Typography.Link key={n} href={n} target="_blank" rel="noreferrer">
                          {n}
                        </Typography.Link>
                      ))}
                    </Space>
                  ),
                },
                { title: '放假', dataIndex: 'offDays', width: 70, render: (n: number) => `${n}天` },
                { title: '调休上班', dataIndex: 'workDays', width: 90, render: (n: number) => `${n}天` },
                {
                  title: '来源',
                  key: 'origin',
                  width: 170,
                  render: (_, y) =>
                    y.origin === 'EMBEDDED' ? (
                      <Tag>系统预置</Tag>
                    ) : (
                      <Space size={4}>
                        <Tag color="blue">管理员载入</Tag>
                        <Typography.Text type="secondary">
                          {formatChineseDateTime(y.updatedAt)}
                        </Typography.Text>
                      </Space>
                    ),
                },
                ...(canEdit
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        width: 80,
                        render: (_: unknown, y: CalendarYearRow) =>
                          y.origin === 'LOADED' && (
                            <DeleteAction
                              confirm={`删除${y.year}年的节假日安排?该年的日期将按周末估算。`}
                              okText="删除"
                              cancelText="取消"
                              onDelete={() => removeYear.mutate(y.year)}
                              label={`删除${y.year}年`}
                            />
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Card title="地方休息日与工作日">
        <Typography.Paragraph type="secondary">
          本地特有的节日(如民族节日)、临时闭馆或本地调整的工作日;优先于全国安排,只能设在已载入的年份内。
        </Typography.Paragraph>
        {canEdit && (
          <div style={{ marginBottom: 12 }}>
            <LocalDayForm />
          </div>
        )}
        <QueryState query={summary}>
          {(c) => (
            <Table<LocalDayRow>
              rowKey="date"
              size="small"
              pagination={false}
              locale={{ emptyText: '尚未设置地方日期' }}
              dataSource={[...c.localDays]}
              columns={[
                { title: '日期', dataIndex: 'date', width: 160, render: (d: string) => formatChineseDate(d) },
                {
                  title: '类别',
                  dataIndex: 'kind',
                  width: 100,
                  render: (k: LocalDayRow['kind']) =>
                    k === 'HOLIDAY' ? <Tag color="purple">休息</Tag> : <Tag color="geekblue">工作</Tag>,
                },
                { title: '名称', dataIndex: 'name' },
                { title: '依据', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
                ...(canEdit
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        width: 80,
                        render: (_: unknown, d: LocalDayRow) => (
                          <DeleteAction
                            confirm={`删除${formatChineseDate(d.date)}的地方日期?`}
                            okText="删除"
                            cancelText="取消"
                            onDelete={() => removeLocal.mutate(d.date)}
                            label={`删除${d.date}`}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </QueryState>
      </Card>
      {loading && <LoadYearModal suggestedYear={last + 1} onClose={() => setLoading(false)} />}
    </Page>
  );
}
