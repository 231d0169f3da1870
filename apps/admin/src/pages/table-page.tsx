import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { visibleUnitId } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { useAsOf } from '../components/as-of';
import { RequirePlan, usePlan } from '../components/plan';
import { QueryState } from '../components/query-state';
import { StatusTag } from '../components/status-tag';
import { download, request } from '../graphql/client';
import { CHINESE_DATE_FORMAT, formatChineseDate } from '../lib/dates';
import { STATUS_LABELS, STATUS_VALUES, type StatusValue, UNIT_KIND_LABELS } from '../lib/labels';
import { rowSpans } from '../lib/merge-cells';
import { exportDecompositionTable } from './table/export-table';
import {
  CategoriesQuery,
  fetchUnits,
  filterFromParams,
  groupDuties,
  leadDuties,
  responsibleQuery,
  type TableRow,
  tableQuery,
  type UnitDuty,
  type UnitGroup,
  type WorkItemFilter,
} from './table/table-data';

export default function TablePage() {
  return (
    <RequirePlan>
      <DecompositionTable />
    </RequirePlan>
  );
}

const list = (params: URLSearchParams, key: string) => params.getAll(key).filter((v) => v !== '');

// Plain elements, not antd components: a seed table has ~200 of these cells and they render at once.
function UnitCell({ duties }: { readonly duties: readonly UnitDuty[] | undefined }) {
  if (duties === undefined) return <span className="qxg-muted">加载中…</span>;
  const groups: UnitGroup[] = groupDuties(duties);
  return (
    <div>
      {groups.map((g) =>
        g.duties.length === 1 && g.duties[0] && !g.duties[0].expandedFrom ? (
          <div key={g.label}>
            <Link to={`/units/${g.duties[0].unit.key}`}>{g.label}</Link>
          </div>
        ) : (
          <div key={g.label} title={g.duties.map((a) => a.unit.name).join('、')}>
            {g.label} <span className="qxg-muted">({g.duties.length}个单位)</span>
          </div>
        ),
      )}
    </div>
  );
}

function DecompositionTable() {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const ownUnit = visibleUnitId(viewer);

  const filter = useMemo<WorkItemFilter>(() => filterFromParams(params, ownUnit), [params, ownUnit]);

  const rows = useQuery({
    ...tableQuery(plan.key, asOf, filter),
    placeholderData: keepPreviousData,
  });
  // Asked for once the rows are in, so it does not compete with them for the first paint.
  const responsible = useQuery({
    ...responsibleQuery(plan.key, asOf, filter),
    placeholderData: keepPreviousData,
    enabled: rows.data !== undefined,
  });
  const units = useQuery({
    queryKey: ['units'],
    queryFn: fetchUnits,
    staleTime: 10 * 60_000,
    // Filter options can wait for the rows.
    enabled: !ownUnit && rows.data !== undefined,
  });
  const categories = useQuery({
    queryKey: ['categories', plan.key],
    queryFn: async () => (await request(CategoriesQuery, { planId: plan.key })).plan?.categories ?? [],
    staleTime: 10 * 60_000,
    enabled: rows.data !== undefined,
  });

  const set = (key: string, values: readonly string[] | string | null) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const v of typeof values === 'string' ? [values] : (values ?? [])) if (v) next.append(key, v);
    setParams(next, { replace: true });
  };

  const data = rows.data ?? [];
  const categorySpans = rowSpans(data.map((r) => r.keyTask.category?.id ?? ''));
  const taskSpans = rowSpans(data.map((r) => r.keyTask.id));
  const spanOf = (spans: number[], row: TableRow) => spans[data.indexOf(row)] ?? 1;

  const columns: TableColumnsType<TableRow> = [
    {
      title: '类别',
      key: 'category',
      width: 140,
      onCell: (row) => ({ rowSpan: spanOf(categorySpans, row) }),
      render: (_, row) => (row.keyTask.category ? row.keyTask.category.title : '—'),
    },
    {
      title: '重点任务',
      key: 'keyTask',
      width: 180,
      onCell: (row) => ({ rowSpan: spanOf(taskSpans, row) }),
      render: (_, row) => `${row.keyTask.number}. ${row.keyTask.title}`,
    },
    {
      title: '工作任务',
      key: 'content',
      render: (_, row) => (
        <Link to={`/items/${encodeURIComponent(row.id)}`} tabIndex={-1}>
          {row.content}
        </Link>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 160,
      render: (_, row) => <UnitCell duties={leadDuties(row)} />,
    },
    {
      title: '责任单位',
      key: 'responsible',
      width: 180,
      render: (_, row) => <UnitCell duties={responsible.data?.get(row.id)} />,
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 150,
      render: (_, row) => (
        <div>
          <div>{row.deadlineText}</div>
          {row.dueOn && <div className="qxg-muted">截止 {formatChineseDate(row.dueOn)}</div>}
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, row) => <StatusTag status={row.status.status} title={row.status.explanation.zh} />,
    },
  ];

  // Keyboard: Tab reaches the rows, ↑/↓ move between them, Enter opens the work item.
  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, row: TableRow) => {
    const current = event.currentTarget;
    if (event.key === 'Enter') {
      navigate(`/items/${encodeURIComponent(row.id)}`);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const all = Array.from(tableRef.current?.querySelectorAll<HTMLElement>('tr[data-row-key]') ?? []);
      const next = all[all.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)];
      next?.focus();
    }
  };

  // The whole table comes from the gateway's download (its XLSX/CSV writer, statuses as of the day);
  // a filtered view, or a reporter's own rows, is written in the browser as shown.
  const filtered = Object.keys(filter).length > 0;
  const onExport = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      if (!filtered) {
        await download(
          `/download/plans/${encodeURIComponent(plan.key)}/decomposition.${format}?asOf=${asOf}`,
          `任务分解表-${plan.key}-${asOf}.${format}`,
        );
      } else {
        await exportDecompositionTable({
          planKey: plan.key,
          asOf,
          rows: data,
          responsible: responsible.data ?? new Map(),
          title: plan.title,
        });
      }
      void message.success('已导出任务分解表');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const statusOptions = STATUS_VALUES.map((s: StatusValue) => ({ value: s, label: STATUS_LABELS[s].label }));
  const range =
    params.get('from') && params.get('to')
      ? ([dayjs(params.get('from')), dayjs(params.get('to'))] as const)
      : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        任务分解表
      </Typography.Title>
      <Typography.Text type="secondary">
        {plan.title}({plan.docNumber})· 状态按 {formatChineseDate(asOf)} 计算
      </Typography.Text>
      <Space wrap className="qxg-no-print" aria-label="筛选">
        <Input.Search
          aria-label="搜索"
          placeholder="搜索工作任务、单位、时限"
          allowClear
          defaultValue={params.get('q') ?? ''}
          onSearch={(v) => set('q', v)}
          style={{ width: 240 }}
        />
        {ownUnit ? (
          <Tag color="green">仅显示本单位:{viewer.unit?.name}</Tag>
        ) : (
          <Select
            aria-label="单位"
            mode="multiple"
            placeholder="单位"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 200 }}
            loading={units.isPending}
            value={list(params, 'unit')}
            onChange={(v: string[]) => set('unit', v)}
            options={(units.data ?? []).map((u) => ({ value: u.key, label: u.name }))}
          />
        )}
        {!ownUnit && (
          <Select
            aria-label="单位类型"
            mode="multiple"
            placeholder="单位类型"
            allowClear
            style={{ minWidth: 160 }}
            value={list(params, 'kind')}
            onChange={(v: string[]) => set('kind', v)}
            options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        )}
        <Select
          aria-label="类别"
          mode="multiple"
          placeholder="类别"
          allowClear
          style={{ minWidth: 200 }}
          value={list(params, 'category')}
          onChange={(v: string[]) => set('category', v)}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
        <Select
          aria-label="状态"
          mode="multiple"
          placeholder="状态"
          allowClear
          style={{ minWidth: 160 }}
          value={list(params, 'status')}
          onChange={(v: string[]) => set('status', v)}
          options={statusOptions}
        />
        <DatePicker.RangePicker
          aria-label="截止日期范围"
          placeholder={['截止日期自', '至']}
          format={CHINESE_DATE_FORMAT}
          value={range ? [range[0], range[1]] : null}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.delete('from');
            next.delete('to');
            if (v?.[0] && v[1]) {
              next.set('from', v[0].format('YYYY-MM-DD'));
              next.set('to', v[1].format('YYYY-MM-DD'));
            }
            setParams(next, { replace: true });
          }}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void onExport('xlsx')}
          disabled={!rows.data || (filtered && !responsible.data)}
        >
          {filtered ? '导出筛选结果 XLSX' : '导出 XLSX'}
        </Button>
        {!filtered && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport('csv')}>
            导出 CSV
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <div ref={tableRef}>
        <QueryState query={rows}>
          {(items) => (
            <Table<TableRow>
              rowKey="id"
              bordered
              size="small"
              columns={columns}
              dataSource={items}
              loading={rows.isFetching}
              pagination={false}
              locale={{ emptyText: '没有符合筛选条件的工作任务' }}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={7}>
                    共 {items.length} 项工作任务
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              onRow={(row) => ({
                tabIndex: 0,
                'aria-label': `${row.keyTask.number}. ${row.content}`,
                onKeyDown: (e) => onRowKeyDown(e, row),
                onDoubleClick: () => navigate(`/items/${encodeURIComponent(row.id)}`),
              })}
              rowClassName={() => 'qxg-table-row'}
              data-testid="decomposition-table"
            />
          )}
        </QueryState>
      </div>
    </Space>
  );
}
