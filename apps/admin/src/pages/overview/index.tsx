import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { useAsOf } from '../../components/as-of';
import { Chart } from '../../components/chart';
import { usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDate } from '../../lib/dates';
import { categoryChartOption, statusChartOption } from './charts';
import { DueSoonList } from './due-soon-list';
import { type OverviewData, OverviewQuery, summarize } from './overview-data';
import { StatTiles } from './stat-tiles';
import { UnitTable } from './unit-table';

export default function OverviewPage() {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const own = visibleUnitId(viewer);
  const query = useQuery({
    queryKey: [...QUERY_KEYS.overview, plan.key, asOf, own],
    queryFn: () =>
      request(OverviewQuery, {
        planId: plan.key,
        asOf,
        filter: {
          statuses: ['NOT_DUE', 'DUE_SOON', 'OVERDUE'],
          ...(own ? { unitIds: [own] } : {}),
        },
      }),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          总览
        </Typography.Title>
        <Typography.Text type="secondary">
          {plan.title}({plan.docNumber})· 截至 {formatChineseDate(asOf)}
          {own && ` · ${viewer.unit?.name}`}
        </Typography.Text>
      </div>
      <QueryState
        query={query}
        isEmpty={(d) => d.progressSummary.length === 0}
        emptyText="该方案还没有任务分工"
      >
        {(data) => <OverviewBody data={data} own={own} />}
      </QueryState>
    </Space>
  );
}

function OverviewBody({ data, own }: { readonly data: OverviewData; readonly own: string | null }) {
  const { all, byCategory, byUnit } = useMemo(() => summarize(data, own), [data, own]);
  const categoryChart = useMemo(() => categoryChartOption(byCategory), [byCategory]);
  const statusChart = useMemo(() => statusChartOption(all?.counts ?? {}), [all]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <StatTiles all={all} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="各类别完成率">
            <Chart
              option={categoryChart}
              height={Math.max(200, byCategory.length * 48)}
              label="各类别完成率柱状图"
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="状态分布">
            <Chart option={statusChart} height={280} label="状态分布饼图" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="最近截止">
            <DueSoonList items={data.workItems.edges.map((e) => e.node)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="各单位完成情况">
            <UnitTable byUnit={byUnit} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
