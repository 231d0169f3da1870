import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useViewer } from '../../auth/session';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { FormModal, required, requiredText } from '../../components/form-modal';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import type { ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { UNIT_SEARCH, unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { useAction } from '../../graphql/use-action';
import { formatChineseDateTime } from '../../lib/dates';
import { ClearManualScoreMutation, ManualScoresQuery, SetManualScoreMutation } from './assessment-data';

type SchemeNode = Extract<
  NonNullable<ResultOf<typeof ManualScoresQuery>['node']>,
  { manualIndicators: unknown }
>;
type Score = SchemeNode['manualScores'][number];
type Indicator = SchemeNode['manualIndicators'][number];

interface ScoreForm {
  readonly unitId: string;
  readonly indicatorId: string;
  readonly points: number;
  readonly reason: string;
}

const INVALIDATES = [QUERY_KEYS.schemes, QUERY_KEYS.assessment, QUERY_KEYS.unitScore, QUERY_KEYS.audit];

function ScoreModal(props: {
  readonly schemeId: string;
  readonly indicators: readonly Indicator[];
  readonly initial?: ScoreForm;
  readonly onClose: () => void;
}) {
  const { schemeId, indicators, initial, onClose } = props;
  const [form] = Form.useForm<ScoreForm>();
  const units = useQuery(unitsQuery);
  const indicatorId = Form.useWatch('indicatorId', form) ?? initial?.indicatorId;
  const indicator = indicators.find((i) => i.id === indicatorId);
  const save = useAction({
    run: async (v: ScoreForm) =>
      (
        await request(SetManualScoreMutation, {
          input: {
            schemeId,
            unitId: v.unitId,
            indicatorId: v.indicatorId,
            points: v.points,
            reason: v.reason.trim(),
          },
        })
      ).setManualScore,
    invalidates: INVALIDATES,
    success: '人工评分已保存(请重新运行考核以更新排名)',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={initial ? '修改人工评分' : '录入人工评分'}
      okText="保存"
      onClose={onClose}
      form={form}
      action={save}
      {...(initial ? { initialValues: initial } : {})}
    >
      <Form.Item label="指标" name="indicatorId" rules={[required('请选择指标')]}>
        <Select
          disabled={initial !== undefined}
          options={indicators.map((i) => ({
            value: i.id,
            label: `${i.className} · ${i.name}(满分${i.points}分)`,
          }))}
        />
      </Form.Item>
      <Form.Item label="单位" name="unitId" rules={[required('请选择单位')]}>
        <Select
          disabled={initial !== undefined}
          showSearch={UNIT_SEARCH}
          loading={units.isPending}
          options={unitSelectOptions(units.data)}
        />
      </Form.Item>
      <Form.Item
        label={indicator ? `分数(0–${indicator.points}分)` : '分数'}
        name="points"
        rules={[required('请输入分数')]}
      >
        <InputNumber min={0} {...(indicator ? { max: indicator.points } : {})} step={0.5} precision={2} />
      </Form.Item>
      <Form.Item label="评分理由" name="reason" rules={[requiredText('请填写评分理由')]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** The scheme's manual (人工评分) scores: the office enters, changes and clears them per unit. */
export function ManualScores({ schemeId }: { readonly schemeId: string }) {
  const editable = useViewer().can.editScheme;
  const [editing, setEditing] = useState<ScoreForm | 'new' | null>(null);
  const query = useQuery({
    queryKey: [...QUERY_KEYS.schemes, 'manual', schemeId],
    queryFn: async () => {
      const node = (await request(ManualScoresQuery, { id: schemeId })).node;
      return node && 'manualIndicators' in node ? node : null;
    },
  });
  const clear = useAction({
    run: async (s: Score) =>
      (
        await request(ClearManualScoreMutation, {
          input: { schemeId, unitId: s.unit?.key ?? '', indicatorId: s.indicatorId },
        })
      ).clearManualScore,
    invalidates: INVALIDATES,
    success: '人工评分已清除',
  });
  return (
    <QueryState query={query}>
      {(scheme) => {
        if (!scheme) return null;
        const name = (id: string) => scheme.manualIndicators.find((i) => i.id === id);
        return (
          <Card
            size="small"
            title="人工评分"
            extra={
              editable &&
              scheme.manualIndicators.length > 0 && (
                <Button type="primary" onClick={() => setEditing('new')}>
                  录入人工评分
                </Button>
              )
            }
          >
            {scheme.manualIndicators.length === 0 ? (
              <Typography.Text type="secondary">本考核方案没有人工评分指标。</Typography.Text>
            ) : (
              <Table<Score>
                rowKey="id"
                size="small"
                pagination={{ pageSize: 20, showSizeChanger: false }}
                dataSource={scheme.manualScores}
                locale={{ emptyText: '尚未录入人工评分(未评分的指标暂计0分)' }}
                columns={[
                  { title: '单位', key: 'unit', render: (_, s) => s.unit?.name ?? '—' },
                  {
                    title: '指标',
                    key: 'indicator',
                    render: (_, s) => {
                      const i = name(s.indicatorId);
                      return i ? `${i.className} · ${i.name}` : s.indicatorId;
                    },
                  },
                  { title: '分数', dataIndex: 'points', width: 80 },
                  { title: '理由', dataIndex: 'reason' },
                  {
                    title: '录入',
                    key: 'by',
                    width: 200,
                    render: (_, s) => `${s.enteredBy?.username ?? '—'} ${formatChineseDateTime(s.updatedAt)}`,
                  },
                  ...(editable
                    ? [
                        {
                          title: '操作',
                          key: 'actions',
                          width: 120,
                          render: (_: unknown, s: Score) => (
                            <EditDeleteActions
                              onEdit={() =>
                                setEditing({
                                  unitId: s.unit?.key ?? '',
                                  indicatorId: s.indicatorId,
                                  points: s.points,
                                  reason: s.reason,
                                })
                              }
                              onDelete={() => clear.mutate(s)}
                              confirm="清除这条人工评分?"
                              deleteLabel="清除"
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
            {editing && (
              <ScoreModal
                schemeId={schemeId}
                indicators={scheme.manualIndicators}
                {...(editing === 'new' ? {} : { initial: editing })}
                onClose={() => setEditing(null)}
              />
            )}
          </Card>
        );
      }}
    </QueryState>
  );
}
