import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { UnitExplanationQuery } from './assessment-data';

/** Points as the lines show them: +2, −5, 0. */
function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}

/**
 * A unit's explanation in a stored run: one block per scored indicator (its place in the scheme,
 * score and most points), the lines that make the score under it, in Chinese.
 */
export function UnitExplanation(props: {
  readonly planId: string;
  readonly schemeId: string;
  readonly asOf: string;
  readonly unitId: string;
}) {
  const { planId, schemeId, asOf, unitId } = props;
  const query = useQuery({
    queryKey: [...QUERY_KEYS.assessment, 'explanation', planId, schemeId, asOf, unitId],
    queryFn: async () =>
      (await request(UnitExplanationQuery, { planId, schemeId, asOf, unitId })).assessment?.explanation ?? [],
  });
  return (
    <QueryState query={query}>
      {(groups) =>
        groups.length === 0 ? (
          <Empty description="无说明" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid={`explanation-${unitId}`}>
            {groups.map((g) => (
              <Card
                key={g.indicatorId || 'other'}
                size="small"
                title={
                  <Space>
                    {g.bonus && <Tag color="gold">加分项</Tag>}
                    <span>{g.path.join(' › ') || '其他'}</span>
                  </Space>
                }
                extra={
                  <Typography.Text strong>
                    {g.score} / {g.max} 分
                  </Typography.Text>
                }
              >
                <List
                  size="small"
                  dataSource={g.lines}
                  renderItem={(line) => (
                    <List.Item>
                      <Space align="start">
                        {line.points !== null && (
                          <Tag color={line.points < 0 ? 'red' : line.points > 0 ? 'green' : 'default'}>
                            {signed(line.points)}
                          </Tag>
                        )}
                        <span>{line.text}</span>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            ))}
          </Space>
        )
      }
    </QueryState>
  );
}
