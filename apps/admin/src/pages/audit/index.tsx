import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { UNIT_SEARCH, unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { chinaToday, formatChineseDateTime } from '../../lib/dates';
import { exportSheet } from '../../lib/export-xlsx';
import {
  type AuditEntry,
  type AuditFilters,
  allEntries,
  auditFiltersQuery,
  auditPageQuery,
  changeText,
  NO_FILTERS,
} from './audit-data';

/** The before/after of an entry as a table of fields, in words. */
function Changes({ entry }: { readonly entry: AuditEntry }) {
  if (entry.changes.length === 0) return <Typography.Text type="secondary">无字段变化</Typography.Text>;
  return (
    <Table
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={entry.changes}
      style={{ maxWidth: 900 }}
      columns={[
        { title: '字段', key: 'label', width: 200, render: (_, c) => c.label.zh },
        { title: '修改前', dataIndex: 'before', render: (v: string | null) => v ?? '—' },
        { title: '修改后', dataIndex: 'after', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

/** One searchable filter choice; clearing it removes the filter. */
function FilterSelect(props: {
  readonly label: string;
  readonly width: number;
  readonly options: readonly { value: string; label: string }[];
  readonly onChange: (value: string | null) => void;
}) {
  return (
    <Select
      aria-label={props.label}
      placeholder={props.label}
      allowClear
      showSearch={UNIT_SEARCH}
      style={{ width: props.width }}
      options={[...props.options]}
      onChange={(v: string | undefined) => props.onChange(v ?? null)}
    />
  );
}

function FilterBar({ onChange }: { readonly onChange: (f: Partial<AuditFilters>) => void }) {
  const options = useQuery(auditFiltersQuery);
  const units = useQuery(unitsQuery);
  return (
    <Space wrap>
      <Input.Search
        aria-label="按操作筛选"
        placeholder="操作(如 报送进展)"
        allowClear
        style={{ width: 220 }}
        onSearch={(v) => onChange({ action: v.trim() || null })}
      />
      <FilterSelect
        label="操作类型"
        width={180}
        options={(options.data?.auditVocabulary.actions ?? []).map((a) => ({ value: a.key, label: a.zh }))}
        onChange={(action) => onChange({ action })}
      />
      <FilterSelect
        label="操作人"
        width={160}
        options={(options.data?.users.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.username }))}
        onChange={(actorId) => onChange({ actorId })}
      />
      <FilterSelect
        label="相关单位"
        width={200}
        options={unitSelectOptions(units.data)}
        onChange={(unitId) => onChange({ unitId })}
      />
      <DatePicker.RangePicker
        aria-label="日期"
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format('YYYY-MM-DD') ?? null,
            to: range?.[1]?.format('YYYY-MM-DD') ?? null,
          })
        }
      />
    </Space>
  );
}

export default function AuditPage() {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [exporting, setExporting] = useState(false);
  const log = useQuery(auditPageQuery(filters, pages.at(-1) ?? null));
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const entries = await allEntries(filters);
      await exportSheet({
        fileName: `审计日志-${chinaToday()}.xlsx`,
        sheetName: '审计日志',
        title: '审计日志',
        header: ['时间', '操作人', '操作', '对象类型', '对象', '变更'],
        rows: entries.map((e) => [
          formatChineseDateTime(e.at),
          e.actor?.username ?? '系统',
          e.actionLabel.zh,
          e.entityTypeLabel.zh,
          e.entityName,
          e.changes.map(changeText).join(';'),
        ]),
        widths: [20, 14, 16, 12, 40, 80],
      });
    } catch (error) {
      void message.error(`导出失败:${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Page
      title="审计日志"
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
          导出 Excel
        </Button>
      }
    >
      <FilterBar
        onChange={(f) => {
          setFilters((old) => ({ ...old, ...f }));
          setPages([null]);
        }}
      />
      <QueryState query={log} isEmpty={(l) => l.edges.length === 0} emptyText="暂无审计记录">
        {(l) => (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={l.edges.map((e) => e.node)}
              expandable={{ expandedRowRender: (e) => <Changes entry={e} /> }}
              columns={[
                {
                  title: '时间',
                  dataIndex: 'at',
                  width: 180,
                  render: (at: string) => formatChineseDateTime(at),
                },
                { title: '操作人', key: 'actor', width: 140, render: (_, e) => e.actor?.username ?? '系统' },
                { title: '操作', key: 'action', width: 160, render: (_, e) => e.actionLabel.zh },
                {
                  title: '对象',
                  key: 'entity',
                  render: (_, e) => (
                    <span>
                      <Typography.Text type="secondary">{e.entityTypeLabel.zh}</Typography.Text>{' '}
                      {e.entityName}
                    </span>
                  ),
                },
              ]}
            />
            <Space>
              <Button disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
                上一页
              </Button>
              <Button
                disabled={!l.pageInfo.hasNextPage}
                onClick={() => l.pageInfo.endCursor && setPages([...pages, l.pageInfo.endCursor])}
              >
                下一页
              </Button>
            </Space>
          </>
        )}
      </QueryState>
    </Page>
  );
}
