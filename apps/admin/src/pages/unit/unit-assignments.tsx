import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAsOf } from '../../components/as-of';
import { EstimatedTag } from '../../components/estimated-notice';
import { usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDate } from '../../lib/dates';
import { ASSIGNMENT_ROLE_LABELS } from '../../lib/labels';

const UnitAssignmentsQuery = graphql(`
  query UnitAssignments($planId: String!, $asOf: Date, $unitKey: String!, $after: String) {
    assignments(planId: $planId, asOf: $asOf, filter: { unitIds: [$unitKey] }, first: 100, after: $after) {
      edges {
        node {
          id
          role
          expandedFrom
          status(asOf: $asOf) { status dueOn estimated explanation { zh } }
          workItem { id content deadlineText keyTask { number title } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type UnitAssignment = ResultOf<typeof UnitAssignmentsQuery>['assignments']['edges'][number]['node'];

/** The work items the unit carries in the plan, with its role and status on each. */
export function UnitAssignments({ unitKey }: { readonly unitKey: string }) {
  const plan = usePlan();
  const { asOf } = useAsOf();
  const assignments = useQuery({
    queryKey: [...QUERY_KEYS.unitAssignments, plan.key, unitKey, asOf],
    queryFn: () =>
      readAllPages(
        async (after) =>
          (await request(UnitAssignmentsQuery, { planId: plan.key, asOf, unitKey, after })).assignments,
      ),
  });
  return (
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
                    {a.expandedFrom && <Typography.Text type="secondary">{a.expandedFrom}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: '完成时限',
                key: 'deadline',
                width: 140,
                render: (_, a) => (
                  <>
                    {a.workItem.deadlineText}
                    {a.status.estimated && <EstimatedTag />}
                  </>
                ),
              },
              {
                title: '状态',
                key: 'status',
                width: 110,
                render: (_, a) => <StatusTag status={a.status.status} title={a.status.explanation.zh} />,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
