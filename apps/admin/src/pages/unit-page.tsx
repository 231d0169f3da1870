import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { visibleUnitId } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { useAsOf } from '../components/as-of';
import { Forbidden } from '../components/forbidden';
import { RequirePlan, usePlan } from '../components/plan';
import { QueryState } from '../components/query-state';
import { StatusTag } from '../components/status-tag';
import { request } from '../graphql/client';
import { graphql, type ResultOf } from '../graphql/graphql';
import { readAllPages } from '../graphql/pages';
import { formatChineseDate } from '../lib/dates';
import { ASSIGNMENT_ROLE_LABELS, UNIT_KIND_LABELS } from '../lib/labels';
import { AssessmentQuery, GRADE_COLORS, readResults, SchemesQuery } from './assessment/assessment-data';

const UnitQuery = graphql(`
  query Unit($key: String!) {
    unit(id: $key) { id key name kind aliases parent { key name } }
  }
`);

const UnitAssignmentsQuery = graphql(`
  query UnitAssignments($planId: String!, $asOf: Date, $unitKey: String!, $after: String) {
    assignments(planId: $planId, asOf: $asOf, filter: { unitIds: [$unitKey] }, first: 100, after: $after) {
      edges {
        node {
          id
          role
          expandedFrom
          status(asOf: $asOf) { status dueOn explanation { zh } }
          workItem { id content deadlineText keyTask { number title } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type UnitAssignment = ResultOf<typeof UnitAssignmentsQuery>['assignments']['edges'][number]['node'];

export default function UnitPage() {
  const { key = '' } = useParams();
  const viewer = useViewer();
  const own = visibleUnitId(viewer);
  if (own !== null && own !== key) return <Forbidden />;
  return (
    <RequirePlan>
      <UnitView unitKey={key} />
    </RequirePlan>
  );
}

function UnitView({ unitKey }: { readonly unitKey: string }) {
  const plan = usePlan();
  const { asOf } = useAsOf();
  const unit = useQuery({
    queryKey: ['unit', unitKey],
    queryFn: async () => (await request(UnitQuery, { key: unitKey })).unit,
  });
  const assignments = useQuery({
    queryKey: ['unitAssignments', plan.key, unitKey, asOf],
    queryFn: () =>
      readAllPages(
        async (after) =>
          (await request(UnitAssignmentsQuery, { planId: plan.key, asOf, unitKey, after })).assignments,
      ),
  });
  return (
    <QueryState query={unit} isEmpty={(u) => u === null} emptyText="找不到该单位">
      {(u) =>
        u && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card title={u.name}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'kind', label: '类型', children: UNIT_KIND_LABELS[u.kind] ?? u.kind },
                  { key: 'parent', label: '上级', children: u.parent?.name ?? '—' },
                  { key: 'aliases', label: '别名', children: u.aliases.length ? u.aliases.join('、') : '—' },
                ]}
              />
            </Card>
            <UnitScore unitKey={unitKey} />
            <Card title={`承担的工作任务(状态截至${formatChineseDate(asOf)})`}>
              <QueryState
                query={assignments}
                isEmpty={(a) => a.length === 0}
                emptyText="该单位在本方案中没有任务分工"
              >
                {(rows) => (
                  <Table<UnitAssignment>
                    rowKey="id"
                    size="small"
                    dataSource={rows}
                    pagination={false}
                    columns={[
                      { title: '任务', key: 'task', width: 70, render: (_, a) => a.workItem.keyTask.number },
                      {
                        title: '工作任务',
                        key: 'content',
                        render: (_, a) => (
                          <Link to={`/items/${encodeURIComponent(a.workItem.id)}`}>{a.workItem.content}</Link>
                        ),
                      },
                      {
                        title: '分工',
                        key: 'role',
                        width: 120,
                        render: (_, a) => (
                          <Space orientation="vertical" size={0}>
                            <Tag>{ASSIGNMENT_ROLE_LABELS[a.role]}</Tag>
                            {a.expandedFrom && (
                              <Typography.Text type="secondary">{a.expandedFrom}</Typography.Text>
                            )}
                          </Space>
                        ),
                      },
                      {
                        title: '完成时限',
                        key: 'deadline',
                        width: 140,
                        render: (_, a) => a.workItem.deadlineText,
                      },
                      {
                        title: '状态',
                        key: 'status',
                        width: 110,
                        render: (_, a) => (
                          <StatusTag status={a.status.status} title={a.status.explanation.zh} />
                        ),
                      },
                    ]}
                  />
                )}
              </QueryState>
            </Card>
          </Space>
        )
      }
    </QueryState>
  );
}

function UnitScore({ unitKey }: { readonly unitKey: string }) {
  const plan = usePlan();
  const { asOf } = useAsOf();
  const score = useQuery({
    queryKey: ['unitScore', plan.key, unitKey, asOf],
    queryFn: async () => {
      const schemes = (await request(SchemesQuery, { planId: plan.key })).plan?.assessmentSchemes ?? [];
      const scheme = schemes[0];
      if (!scheme) return { scheme: null, run: null };
      const run = (
        await request(AssessmentQuery, { planId: plan.key, schemeId: scheme.id, asOf, unitId: unitKey })
      ).assessment;
      return { scheme, run };
    },
  });
  return (
    <Card title={`考核得分(截至${formatChineseDate(asOf)})`}>
      <QueryState query={score}>
        {({ scheme, run }) => {
          if (!scheme) return <Empty description="本方案尚未设置考核方案" />;
          if (!run) return <Empty description={`“${scheme.name}”尚未按${formatChineseDate(asOf)}运行考核`} />;
          const result = readResults(run.results).units.find((u) => u.unitId === unitKey);
          if (!result) return <Empty description="该单位不在本次考核范围内" />;
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space size="large" wrap>
                <Statistic title="得分" value={result.total} precision={2} />
                <Statistic title="排名" value={`${result.rank} / ${result.classSize}`} />
                <div>
                  <Typography.Text type="secondary">等次</Typography.Text>
                  <div>
                    <Tag
                      color={GRADE_COLORS[result.grade] ?? 'default'}
                      style={{ fontSize: 16, padding: '4px 12px' }}
                    >
                      {result.gradeLabel}
                    </Tag>
                  </div>
                </div>
              </Space>
              <List
                size="small"
                header={<b>得分说明</b>}
                dataSource={run.explanationLines}
                locale={{ emptyText: '无说明' }}
                renderItem={(line) => (
                  <List.Item>
                    <Space>
                      {line.points !== null && (
                        <Tag color={line.points < 0 ? 'red' : 'green'}>
                          {line.points > 0 ? '+' : ''}
                          {line.points}
                        </Tag>
                      )}
                      <span>{line.text}</span>
                    </Space>
                  </List.Item>
                )}
              />
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
