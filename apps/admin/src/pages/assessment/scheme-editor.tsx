import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useViewer } from '../../auth/session';
import { usePlan } from '../../components/plan';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { DefineSchemeMutation } from './assessment-data';
import { type IndicatorNode, readSchemeTree, setIndicatorPoints } from './scheme-tree';

function parseDefinition(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (e) {
    throw new Error(`JSON 格式错误:${e instanceof Error ? e.message : String(e)}`);
  }
}

function indicatorColumns(editable: boolean, onPoints: (key: string, points: number) => void) {
  return [
    { title: '指标', dataIndex: 'name', key: 'name' },
    {
      title: '分值',
      key: 'points',
      width: 140,
      render: (_: unknown, n: IndicatorNode) =>
        editable ? (
          <InputNumber
            aria-label={`${n.name}分值`}
            min={0}
            step={0.5}
            value={n.points}
            onChange={(v) => v !== null && onPoints(n.key, Number(v))}
          />
        ) : (
          n.points
        ),
    },
    {
      title: '计分方法',
      dataIndex: 'method',
      key: 'method',
      width: 140,
      render: (m: string | null) => m ?? '—',
    },
    { title: '依据', dataIndex: 'rationale', key: 'rationale', render: (r: string | null) => r ?? '' },
  ];
}

/** The scheme's indicators by unit class; who may edit it changes points or the JSON and saves. */
export function SchemeEditor({ name, definition }: { readonly name: string; readonly definition: unknown }) {
  const plan = usePlan();
  const editable = useViewer().can.editScheme;
  const [draft, setDraft] = useState<unknown>(definition);
  const [json, setJson] = useState(() => JSON.stringify(definition, null, 2));
  useEffect(() => {
    setDraft(definition);
    setJson(JSON.stringify(definition, null, 2));
  }, [definition]);
  const save = useAction({
    run: async () =>
      (
        await request(DefineSchemeMutation, {
          input: { planId: plan.key, name, definition: parseDefinition(json) },
        })
      ).defineAssessmentScheme,
    invalidates: [QUERY_KEYS.schemes, QUERY_KEYS.unitScore, QUERY_KEYS.audit],
    success: '考核方案已保存',
  });

  const columns = indicatorColumns(editable, (key, points) => {
    const next = setIndicatorPoints(draft, key, points);
    setDraft(next);
    setJson(JSON.stringify(next, null, 2));
  });
  const tableProps = { rowKey: 'key', size: 'small', pagination: false, columns } as const;
  const classes = readSchemeTree(draft);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {classes.length === 0 && <Empty description="无法识别的考核方案" />}
      {classes.map((c) => (
        <Card key={c.id} size="small" title={c.name}>
          <Table<IndicatorNode>
            {...tableProps}
            dataSource={c.indicators}
            expandable={{ defaultExpandAllRows: true }}
          />
          {c.bonuses.length > 0 && (
            <>
              <Typography.Title level={5}>加分项</Typography.Title>
              <Table<IndicatorNode> {...tableProps} dataSource={c.bonuses} />
            </>
          )}
        </Card>
      ))}
      {editable && (
        <>
          <Card size="small" title="高级:编辑方案 JSON">
            <Input.TextArea
              aria-label="考核方案JSON"
              value={json}
              onChange={(e) => setJson(e.target.value)}
              autoSize={{ minRows: 8, maxRows: 24 }}
              style={{ fontFamily: 'monospace' }}
            />
          </Card>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            保存考核方案
          </Button>
        </>
      )}
    </Space>
  );
}
