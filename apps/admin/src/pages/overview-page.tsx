import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { visibleUnitId } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { useAsOf } from '../components/as-of';
import { Chart } from '../components/chart';
import type { ChartOption } from '../components/echarts-setup';
import { RequirePlan, usePlan } from '../components/plan';
import { QueryState } from '../components/query-state';
import { StatusTag } from '../components/status-tag';
import { request } from '../graphql/client';
import { graphql } from '../graphql/graphql';
import { formatChineseDate } from '../lib/dates';
import { STATUS_LABELS, type StatusValue } from '../lib/labels';
import { completionRate, type Tally, tallyBy } from './overview/summarize';

const OverviewQuery = graphql(`
  query Overview($planId: String!, $asOf: Date, $filter: WorkItemFilter) {
    progressSummary(planId: $planId, asOf: $asOf, groupBy: [UNIT, CATEGORY]) {
      key { dimension value label }
      assignments
      byStatus { status count }
    }
    workItems(
      planId: $planId
      asOf: $asOf
      filter: $filter
      orderBy: { field: DUE_ON, direction: ASC }
      first: 8
    ) {
      edges {
        node {
          id
          content
          deadlineText
          dueOn
          keyTask { number }
          status(asOf: $asOf) { status workingDaysLeft }
        }
      }
    }
  }
`);

export default function OverviewPage() {
  return (
    <RequirePlan>
      <Overview />
    </RequirePlan>
  );
}

const pct = (r: number) => Math.round(r * 1000) / 10;

function daysText(days: number | null): string {
  if (days === null) return '';
  return days < 0 ? ` · 已逾期 ${-days} 个工作日` : ` · 剩余 ${days} 个工作日`;
}

function Overview() {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const own = visibleUnitId(viewer);
  const query = useQuery({
    queryKey: ['overview', plan.key, asOf, own],
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
        emptyText="该方案暂无任务分工"
      >
        {(data) => <OverviewBody data={data} own={own} />}
      </QueryState>
    </Space>
  );
}

function OverviewBody({ data, own }: { readonly data: OverviewShape; readonly own: string | null }) {
  const { all, byCategory, byUnit } = useMemo(() => summarizeData(data, own), [data, own]);
  const count = (s: StatusValue) => all?.counts[s] ?? 0;
  const categoryChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: byCategory.map((c) => c.label), inverse: true },
      series: [
        {
          type: 'bar',
          name: '完成率',
          data: byCategory.map((c) => pct(completionRate(c))),
          itemStyle: { color: '#b71c1c' },
        },
      ],
    }),
    [byCategory],
  );
  const statusChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          left: 120,
          label: { formatter: '{b}\n{c}' },
          data: Object.entries(all?.counts ?? {}).map(([status, value]) => ({
            name: STATUS_LABELS[status as StatusValue]?.label ?? status,
            value,
          })),
        },
      ],
    }),
    [all],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic title="任务分工" value={all?.assignments ?? 0} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic title="完成率" value={pct(all ? completionRate(all) : 0)} suffix="%" />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic
              title="已逾期"
              value={count('OVERDUE') + count('BEHIND')}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic
              title="即将到期"
              value={count('DUE_SOON')}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic title="等待前置事项" value={count('WAITING_FOR_EVENT')} />
          </Card>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Card>
            <Statistic title="久未报送" value={count('STALE')} styles={{ content: { color: '#d4380d' } }} />
          </Card>
        </Col>
      </Row>
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
            <List
              locale={{ emptyText: '暂无未完成且有截止日期的任务' }}
              dataSource={data.workItems.edges.map((e) => e.node)}
              renderItem={(item) => (
                <List.Item extra={<StatusTag status={item.status.status} />}>
                  <List.Item.Meta
                    title={<Link to={`/items/${encodeURIComponent(item.id)}`}>{item.content}</Link>}
                    description={`任务${item.keyTask.number} · ${item.deadlineText} · 截止 ${formatChineseDate(item.dueOn)}${daysText(item.status.workingDaysLeft)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="各单位完成情况">
            <Table<Tally>
              rowKey="key"
              size="small"
              dataSource={byUnit}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'label',
                  render: (label: string, t) => <Link to={`/units/${t.key}`}>{label}</Link>,
                },
                { title: '分工', dataIndex: 'assignments', width: 60 },
                {
                  title: '完成率',
                  key: 'rate',
                  width: 160,
                  sorter: (a, b) => completionRate(a) - completionRate(b),
                  render: (_, t) => <Progress percent={pct(completionRate(t))} size="small" />,
                },
                {
                  title: '逾期',
                  key: 'overdue',
                  width: 60,
                  sorter: (a, b) => (a.counts.OVERDUE ?? 0) - (b.counts.OVERDUE ?? 0),
                  render: (_, t) => (t.counts.OVERDUE ?? 0) + (t.counts.BEHIND ?? 0),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

interface OverviewShape {
  readonly progressSummary: Parameters<typeof tallyBy>[0];
  readonly workItems: {
    readonly edges: readonly {
      readonly node: {
        readonly id: string;
        readonly content: string;
        readonly deadlineText: string;
        readonly dueOn: string | null;
        readonly keyTask: { readonly number: number };
        readonly status: { readonly status: string; readonly workingDaysLeft: number | null };
      };
    }[];
  };
}

function summarizeData(data: OverviewShape, own: string | null) {
  const byCategory = tallyBy(data.progressSummary, 'CATEGORY', own).sort(
    (a, b) => Number(a.key) - Number(b.key),
  );
  const byUnit = tallyBy(data.progressSummary, 'UNIT', own).sort(
    (a, b) => completionRate(b) - completionRate(a),
  );
  const all = tallyBy(data.progressSummary, 'ALL', own)[0];
  return { all, byCategory, byUnit };
}
