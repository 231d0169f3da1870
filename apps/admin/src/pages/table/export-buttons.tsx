import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { PlanSummary } from '../../components/plan';
import { download } from '../../graphql/client';
import { showActionError } from '../../graphql/use-action';
import { exportDecompositionTable } from './export-table';
import type { TableRow, UnitDuty } from './table-data';

export interface ExportButtonsProps {
  readonly plan: PlanSummary;
  readonly asOf: string;
  /** True when filters are applied (or a reporter sees only its own rows). */
  readonly filtered: boolean;
  readonly rows: readonly TableRow[] | undefined;
  readonly responsible: ReadonlyMap<string, readonly UnitDuty[]> | undefined;
}

/**
 * The whole table comes from the gateway's download (its XLSX/CSV writer, statuses as of the day);
 * a filtered view, or a reporter's own rows, is written in the browser as shown.
 */
export function ExportButtons({ plan, asOf, filtered, rows, responsible }: ExportButtonsProps) {
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: async (format: 'xlsx' | 'csv') => {
      if (!filtered) {
        await download(
          `/download/plans/${encodeURIComponent(plan.key)}/decomposition.${format}?asOf=${asOf}`,
          `任务分解表-${plan.key}-${asOf}.${format}`,
        );
      } else {
        await exportDecompositionTable({
          planKey: plan.key,
          asOf,
          rows: rows ?? [],
          responsible: responsible ?? new Map(),
          title: plan.title,
        });
      }
    },
    onSuccess: () => void message.success('已导出任务分解表'),
    onError: (error) => showActionError(error, { message }),
  });
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting.isPending}
        onClick={() => exporting.mutate('xlsx')}
        disabled={!rows || (filtered && !responsible)}
      >
        {filtered ? '导出筛选结果 XLSX' : '导出 XLSX'}
      </Button>
      {!filtered && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting.isPending}
          onClick={() => exporting.mutate('csv')}
        >
          导出 CSV
        </Button>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        打印
      </Button>
    </>
  );
}
