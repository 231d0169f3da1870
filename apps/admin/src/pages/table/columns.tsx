import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { EstimatedTag } from '../../components/estimated-notice';
import { StatusTag } from '../../components/status-tag';
import { formatChineseDate } from '../../lib/dates';
import { rowSpans } from '../../lib/merge-cells';
import { groupDuties, leadDuties, type TableRow, type UnitDuty } from './table-data';

// Plain elements, not antd components: a seed table has ~200 of these cells and they render at once.
function UnitCell({ duties }: { readonly duties: readonly UnitDuty[] | undefined }) {
  if (duties === undefined) return <span className="qxg-muted">加载中…</span>;
  return (
    <div>
      {groupDuties(duties).map((g) =>
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

/**
 * The decomposition table's columns: 类别 and 重点任务 merged over their rows as in the plan, the
 * responsible units filled in once their query is in.
 */
export function tableColumns(
  rows: readonly TableRow[],
  responsible: ReadonlyMap<string, readonly UnitDuty[]> | undefined,
): TableColumnsType<TableRow> {
  const index = new Map(rows.map((r, i) => [r.id, i]));
  const categorySpans = rowSpans(rows.map((r) => r.keyTask.category?.id ?? ''));
  const taskSpans = rowSpans(rows.map((r) => r.keyTask.id));
  const spanOf = (spans: number[], row: TableRow) => spans[index.get(row.id) ?? -1] ?? 1;
  return [
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
      render: (_, row) => <UnitCell duties={responsible?.get(row.id)} />,
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 150,
      render: (_, row) => (
        <div>
          <div>{row.deadlineText}</div>
          {row.dueOn && (
            <div className="qxg-muted">
              截止 {formatChineseDate(row.dueOn)}
              {row.status.estimated && <EstimatedTag />}
            </div>
          )}
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
}
