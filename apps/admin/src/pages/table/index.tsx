import { Space, Table, Typography } from 'antd';
import { type KeyboardEvent, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { useAsOf } from '../../components/as-of';
import { Page } from '../../components/page';
import { usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { formatChineseDate } from '../../lib/dates';
import { tableColumns } from './columns';
import { ExportButtons } from './export-buttons';
import { FilterBar } from './filter-bar';
import { filterFromParams, type TableRow, type WorkItemFilter } from './table-data';
import { useTableQueries } from './use-table-queries';

/** The fixed columns' widths and about 20 characters of 工作任务. */
const TABLE_MIN_WIDTH = 1200;

const itemPath = (row: TableRow) => `/items/${encodeURIComponent(row.id)}`;

/** Keyboard: Tab reaches the rows, ↑/↓ move between them, Enter opens the work item. */
function useRowKeys() {
  const navigate = useNavigate();
  const tableRef = useRef<HTMLDivElement>(null);
  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, row: TableRow) => {
    const current = event.currentTarget;
    if (event.key === 'Enter') {
      navigate(itemPath(row));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const all = Array.from(tableRef.current?.querySelectorAll<HTMLElement>('tr[data-row-key]') ?? []);
      all[all.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };
  return { tableRef, onRowKeyDown, open: (row: TableRow) => navigate(itemPath(row)) };
}

/** The plan's decomposition table (任务分解表) as of the day, filtered by the page's URL. */
export default function DecompositionTable() {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const [params] = useSearchParams();
  const ownUnit = visibleUnitId(viewer);
  const filter = useMemo<WorkItemFilter>(() => filterFromParams(params, ownUnit), [params, ownUnit]);
  const { rows, responsible, units, categories } = useTableQueries(plan.key, asOf, filter, ownUnit);
  const { tableRef, onRowKeyDown, open } = useRowKeys();
  const columns = useMemo(
    () => tableColumns(rows.data ?? [], responsible.data),
    [rows.data, responsible.data],
  );

  return (
    <Page title="任务分解表">
      <Typography.Text type="secondary">
        {plan.title}({plan.docNumber})· 状态按 {formatChineseDate(asOf)} 计算
      </Typography.Text>
      <Space wrap className="qxg-no-print" aria-label="筛选">
        <FilterBar
          ownUnitName={ownUnit ? (viewer.unit?.name ?? ownUnit) : null}
          units={units}
          categories={categories.data}
        />
        <ExportButtons
          plan={plan}
          asOf={asOf}
          filtered={Object.keys(filter).length > 0}
          rows={rows.data}
          responsible={responsible.data}
        />
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
              // Narrower than the columns need (a 768 px screen), the table scrolls sideways rather
              // than squeezing 工作任务 to a few characters.
              scroll={{ x: TABLE_MIN_WIDTH }}
              locale={{ emptyText: '没有符合筛选条件的工作任务' }}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={columns.length}>
                    共 {items.length} 项工作任务
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              onRow={(row) => ({
                tabIndex: 0,
                'aria-label': `${row.keyTask.number}. ${row.content}`,
                onKeyDown: (e) => onRowKeyDown(e, row),
                onDoubleClick: () => open(row),
              })}
              rowClassName={() => 'qxg-table-row'}
              data-testid="decomposition-table"
            />
          )}
        </QueryState>
      </div>
    </Page>
  );
}
