import { DownloadOutlined, PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { can } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { useAsOf } from '../components/as-of';
import { Forbidden } from '../components/forbidden';
import { RequirePlan, usePlan } from '../components/plan';
import { QueryState } from '../components/query-state';
import { request } from '../graphql/client';
import { graphql, userErrorText } from '../graphql/graphql';
import { formatChineseDate, formatChineseDateTime } from '../lib/dates';
import { exportSheet } from '../lib/export-xlsx';
import {
  AssessmentQuery,
  GRADE_COLORS,
  readResults,
  SchemesQuery,
  type UnitResult,
} from './assessment/assessment-data';
import { type IndicatorNode, readSchemeTree, setIndicatorPoints } from './assessment/scheme-tree';

const RunAssessmentMutation = graphql(`
  mutation RunAssessment($input: RunAssessmentInput!) {
    runAssessment(input: $input) {
      run { id }
      userErrors { code messageZh }
    }
  }
`);

const DefineSchemeMutation = graphql(`
  mutation DefineAssessmentScheme($input: DefineAssessmentSchemeInput!) {
    defineAssessmentScheme(input: $input) {
      scheme { id }
      userErrors { code messageZh }
    }
  }
`);

export default function AssessmentPage() {
  const viewer = useViewer();
  if (!can(viewer, 'viewAssessment')) return <Forbidden />;
  return (
    <RequirePlan>
      <Assessment />
    </RequirePlan>
  );
}

function Assessment() {
  const plan = usePlan();
  const schemes = useQuery({
    queryKey: ['schemes', plan.key],
    queryFn: async () => (await request(SchemesQuery, { planId: plan.key })).plan?.assessmentSchemes ?? [],
  });
  const [schemeId, setSchemeId] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        考核
      </Typography.Title>
      <QueryState query={schemes} isEmpty={(s) => s.length === 0} emptyText="本方案尚未设置考核方案">
        {(list) => {
          const scheme = list.find((s) => s.id === schemeId) ?? list[0];
          if (!scheme) return null;
          return (
            <>
              {list.length > 1 && (
                <Select
                  aria-label="考核方案"
                  value={scheme.id}
                  onChange={setSchemeId}
                  style={{ minWidth: 260 }}
                  options={list.map((s) => ({ value: s.id, label: s.name }))}
                />
              )}
              <Tabs
                items={[
                  {
                    key: 'ranking',
                    label: '排名与等次',
                    children: <Ranking schemeId={scheme.id} schemeName={scheme.name} />,
                  },
                  {
                    key: 'scheme',
                    label: '考核方案',
                    children: <SchemeEditor name={scheme.name} definition={scheme.definition} />,
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Space>
  );
}

function Ranking({ schemeId, schemeName }: { readonly schemeId: string; readonly schemeName: string }) {
  const plan = usePlan();
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const run = useQuery({
    queryKey: ['assessment', plan.key, schemeId, asOf],
    queryFn: async () =>
      (await request(AssessmentQuery, { planId: plan.key, schemeId, asOf, unitId: null })).assessment,
  });

  const onRun = async () => {
    setRunning(true);
    try {
      const { runAssessment } = await request(RunAssessmentMutation, {
        input: { planId: plan.key, schemeId, asOf },
      });
      const problem = userErrorText(runAssessment.userErrors);
      if (problem) void message.error(problem);
      else {
        void message.success(`已按${formatChineseDate(asOf)}完成考核`);
        await client.invalidateQueries({ queryKey: ['assessment'] });
        await client.invalidateQueries({ queryKey: ['unitScore'] });
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>考核日期:{formatChineseDate(asOf)}(在页头修改)</Typography.Text>
        {can(viewer, 'runAssessment') && (
          <Button type="primary" icon={<PlayCircleOutlined />} loading={running} onClick={() => void onRun()}>
            运行考核
          </Button>
        )}
      </Space>
      <QueryState query={run}>
        {(r) => {
          if (!r) return <Empty description={`尚未按${formatChineseDate(asOf)}运行考核`} />;
          const { units, classes } = readResults(r.results);
          const className = (id: string) => classes.find((c) => c.classId === id)?.name ?? id;
          const onExport = () =>
            void exportSheet({
              fileName: `考核排名-${plan.key}-${r.asOf}.xlsx`,
              sheetName: '考核排名',
              title: `${plan.title} ${schemeName}(截至${formatChineseDate(r.asOf)})`,
              header: ['类别', '排名', '单位', '得分', '等次'],
              rows: units.map((u) => [className(u.classId), u.rank, u.unitName, u.total, u.gradeLabel]),
              widths: [20, 8, 30, 10, 10],
            }).catch((e: unknown) => void message.error(String(e)));
          return (
            <Card
              size="small"
              title={`计算于 ${formatChineseDateTime(r.createdAt)}`}
              extra={
                <Button icon={<DownloadOutlined />} onClick={onExport}>
                  导出 XLSX
                </Button>
              }
            >
              <Table<UnitResult>
                rowKey="unitId"
                size="small"
                dataSource={units}
                pagination={{ pageSize: 30, showSizeChanger: false }}
                columns={[
                  { title: '类别', dataIndex: 'classId', width: 160, render: (id: string) => className(id) },
                  { title: '排名', dataIndex: 'rank', width: 70 },
                  {
                    title: '单位',
                    dataIndex: 'unitName',
                    render: (name: string, u) => <Link to={`/units/${u.unitId}`}>{name}</Link>,
                  },
                  { title: '得分', dataIndex: 'total', width: 90, render: (t: number) => t.toFixed(2) },
                  {
                    title: '等次',
                    dataIndex: 'gradeLabel',
                    width: 90,
                    render: (label: string, u) => (
                      <Tag color={GRADE_COLORS[u.grade] ?? 'default'}>{label}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
          );
        }}
      </QueryState>
    </Space>
  );
}

function SchemeEditor({ name, definition }: { readonly name: string; readonly definition: unknown }) {
  const plan = usePlan();
  const viewer = useViewer();
  const editable = can(viewer, 'editScheme');
  const client = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<unknown>(definition);
  const [json, setJson] = useState(() => JSON.stringify(definition, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setDraft(definition);
    setJson(JSON.stringify(definition, null, 2));
  }, [definition]);

  const update = (next: unknown) => {
    setDraft(next);
    setJson(JSON.stringify(next, null, 2));
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const parsed = JSON.parse(json) as unknown;
      const { defineAssessmentScheme } = await request(DefineSchemeMutation, {
        input: { planId: plan.key, name, definition: parsed },
      });
      const problem = userErrorText(defineAssessmentScheme.userErrors);
      if (problem) setError(problem);
      else {
        void message.success('考核方案已保存');
        await client.invalidateQueries({ queryKey: ['schemes'] });
      }
    } catch (e) {
      setError(
        e instanceof SyntaxError ? `JSON 格式错误:${e.message}` : e instanceof Error ? e.message : String(e),
      );
    } finally {
      setSaving(false);
    }
  };

  const classes = readSchemeTree(draft);
  const columns = [
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
            onChange={(v) => v !== null && update(setIndicatorPoints(draft, n.key, Number(v)))}
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

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      {classes.length === 0 && <Empty description="无法识别的考核方案" />}
      {classes.map((c) => (
        <Card key={c.id} size="small" title={c.name}>
          <Table<IndicatorNode>
            rowKey="key"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={c.indicators}
            expandable={{ defaultExpandAllRows: true }}
          />
          {c.bonuses.length > 0 && (
            <>
              <Typography.Title level={5}>加分项</Typography.Title>
              <Table<IndicatorNode>
                rowKey="key"
                size="small"
                pagination={false}
                columns={columns}
                dataSource={c.bonuses}
              />
            </>
          )}
        </Card>
      ))}
      {editable && (
        <Card size="small" title="高级:编辑方案 JSON">
          <Input.TextArea
            aria-label="考核方案JSON"
            value={json}
            onChange={(e) => setJson(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 24 }}
            style={{ fontFamily: 'monospace' }}
          />
        </Card>
      )}
      {editable && (
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          保存考核方案
        </Button>
      )}
    </Space>
  );
}
