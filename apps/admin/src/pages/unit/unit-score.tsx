import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { useAsOf } from '../../components/as-of';
import { EstimatedNotice } from '../../components/estimated-notice';
import { usePlan } from '../../components/plan';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDate } from '../../lib/dates';
import { AssessmentQuery, GRADE_COLORS, readResults, SchemesQuery } from '../assessment/assessment-data';
import { UnitExplanation } from '../assessment/unit-explanation';

/** The unit's score, rank and grade in the plan's first scheme's run as of the day, with the reasons. */
export function UnitScore({ unitKey }: { readonly unitKey: string }) {
  const plan = usePlan();
  const { asOf } = useAsOf();
  const score = useQuery({
    queryKey: [...QUERY_KEYS.unitScore, plan.key, unitKey, asOf],
    queryFn: async () => {
      const schemes = (await request(SchemesQuery, { planId: plan.key })).plan?.assessmentSchemes ?? [];
      const scheme = schemes[0];
      if (!scheme) return { scheme: null, run: null };
      const run = (await request(AssessmentQuery, { planId: plan.key, schemeId: scheme.id, asOf }))
        .assessment;
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
          const estimated = run.units.some((u) => u.unitId === unitKey && u.estimated);
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {estimated && <EstimatedNotice what="该单位的得分" />}
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
              <Typography.Text strong>得分说明</Typography.Text>
              <UnitExplanation planId={plan.key} schemeId={scheme.id} asOf={asOf} unitId={unitKey} />
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}
