import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useViewer } from '../../auth/session';
import { useAsOf } from '../../components/as-of';
import { EstimatedNotice } from '../../components/estimated-notice';
import { type PlanSummary, usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import type { ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { formatChineseDate, formatChineseDateTime } from '../../lib/dates';
import { exportSheet } from '../../lib/export-xlsx';
import {
  AssessmentQuery,
  GRADE_COLORS,
  RunAssessmentMutation,
  type RunClass,
  readResults,
  type UnitResult,
} from './assessment-data';
import { UnitExplanation } from './unit-explanation';

type Run = NonNullable<ResultOf<typeof AssessmentQuery>['assessment']>;

function RankingTable({
  run,
  schemeId,
  schemeName,
  plan,
}: {
  readonly run: Run;
  readonly schemeId: string;
  readonly schemeName: string;
  readonly plan: PlanSummary;
}) {
  const { message } = App.useApp();
  const { units, classes } = readResults(run.results);
  const estimatedUnits = new Set(run.units.filter((u) => u.estimated).map((u) => u.unitId));
  // A tag on each estimated unit only when some are not: the notice above says it for all.
  const markUnit = (unitId: string) => estimatedUnits.size < run.units.length && estimatedUnits.has(unitId);
  const className = (id: string) => classes.find((c: RunClass) => c.classId === id)?.name ?? id;
  const onExport = () =>
    void exportSheet({
      fileName: `考核排名-${plan.key}-${run.asOf}.xlsx`,
      sheetName: '考核排名',
      title: `${plan.title} ${schemeName}(截至${formatChineseDate(run.asOf)})`,
      header: ['类别', '排名', '单位', '得分', '等次'],
      rows: units.map((u) => [className(u.classId), u.rank, u.unitName, u.total, u.gradeLabel]),
      widths: [20, 8, 30, 10, 10],
    }).catch((e: unknown) => void message.error(String(e)));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>计算于 {formatChineseDateTime(run.createdAt)}</span>
          <Typography.Text type="secondary">
            {run.dataUpTo ? `依据截至 ${formatChineseDateTime(run.dataUpTo)} 的数据` : '依据的数据时间未记录'}
          </Typography.Text>
          {run.stale && <Tag color="orange">已过时</Tag>}
        </Space>
      }
      extra={
        <Button icon={<DownloadOutlined />} onClick={onExport}>
          导出 XLSX
        </Button>
      }
    >
      {run.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="此次考核之后又有新的报送、事件或人工评分(或有删除):排名和得分已过时,请重新运行考核。"
        />
      )}
      {run.estimated && <EstimatedNotice what="本次考核的得分" />}
      <Table<UnitResult>
        rowKey="unitId"
        size="small"
        dataSource={units}
        pagination={{ pageSize: 30, showSizeChanger: false }}
        expandable={{
          expandedRowRender: (u) => (
            <UnitExplanation planId={plan.key} schemeId={schemeId} asOf={run.asOf} unitId={u.unitId} />
          ),
        }}
        columns={[
          { title: '类别', dataIndex: 'classId', width: 160, render: (id: string) => className(id) },
          { title: '排名', dataIndex: 'rank', width: 70 },
          {
            title: '单位',
            dataIndex: 'unitName',
            render: (name: string, u) => (
              <Space size={4}>
                <Link to={`/units/${u.unitId}`}>{name}</Link>
                {markUnit(u.unitId) && <Tag>按周末估算</Tag>}
              </Space>
            ),
          },
          { title: '得分', dataIndex: 'total', width: 90, render: (t: number) => t.toFixed(2) },
          {
            title: '等次',
            dataIndex: 'gradeLabel',
            width: 90,
            render: (label: string, u) => <Tag color={GRADE_COLORS[u.grade] ?? 'default'}>{label}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

/** The stored run as of the header's day: ranking and grades, and (for who may) the run button. */
export function Ranking({
  schemeId,
  schemeName,
}: {
  readonly schemeId: string;
  readonly schemeName: string;
}) {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const run = useQuery({
    queryKey: [...QUERY_KEYS.assessment, plan.key, schemeId, asOf],
    queryFn: async () => (await request(AssessmentQuery, { planId: plan.key, schemeId, asOf })).assessment,
  });
  const runAssessment = useAction({
    run: async () =>
      (await request(RunAssessmentMutation, { input: { planId: plan.key, schemeId, asOf } })).runAssessment,
    invalidates: [QUERY_KEYS.assessment, QUERY_KEYS.unitScore, QUERY_KEYS.audit],
    success: `已按${formatChineseDate(asOf)}完成考核`,
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>考核日期:{formatChineseDate(asOf)}(在页头修改)</Typography.Text>
        {viewer.can.runAssessment && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            loading={runAssessment.isPending}
            onClick={() => runAssessment.mutate()}
          >
            运行考核
          </Button>
        )}
      </Space>
      <QueryState query={run}>
        {(r) =>
          r ? (
            <RankingTable run={r} schemeId={schemeId} schemeName={schemeName} plan={plan} />
          ) : (
            <Empty description={`尚未按${formatChineseDate(asOf)}运行考核`} />
          )
        }
      </QueryState>
    </Space>
  );
}
