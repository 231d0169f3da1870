import { CheckOutlined, FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  InputNumber,
  List,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { can } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { Forbidden } from '../components/forbidden';
import { request } from '../graphql/client';
import { graphql } from '../graphql/graphql';
import { CHINESE_DATE_FORMAT, formatChineseDate } from '../lib/dates';
import type { PlanPreview, PlanSource } from './import/parse-plan';

const SEVERITY: Readonly<Record<string, { label: string; color: string }>> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

const ImportPlanMutation = graphql(`
  mutation ImportPlan($input: ImportPlanInput!) {
    importPlan(input: $input) {
      plan { id key title }
      workItems
      assignments
      findings { severity code message { zh } }
      userErrors { code messageZh }
    }
  }
`);

interface Metadata {
  planId?: string;
  year?: number;
  docNumber?: string;
  issuedOn?: string;
  issuer?: string;
  title?: string;
}

export default function ImportPage() {
  const viewer = useViewer();
  if (!can(viewer, 'importPlan')) return <Forbidden />;
  return <Import />;
}

function toBase64(data: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(data);
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Import() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [tab, setTab] = useState<'text' | 'file'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; data: ArrayBuffer } | null>(null);
  const [meta, setMeta] = useState<Metadata>({});
  const setField = (key: keyof Metadata, value: string | number | null) => {
    setMeta((m) => {
      const next = { ...m };
      if (value === null || value === '') delete next[key];
      else (next as Record<string, unknown>)[key] = value;
      return next;
    });
    setPreview(null);
  };
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [busy, setBusy] = useState<'parse' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const source: PlanSource | null =
    tab === 'text' ? (text.trim() ? { kind: 'text', text } : null) : file ? { kind: 'file', ...file } : null;

  const parse = async () => {
    if (!source) return;
    setBusy('parse');
    setError(null);
    try {
      const { previewPlan } = await import('./import/parse-plan');
      setPreview(await previewPlan(source, meta));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!source) return;
    setBusy('import');
    setError(null);
    try {
      const xlsx = source.kind === 'file' && /\.xlsx$/i.test(source.name);
      const csv = source.kind === 'file' && /\.csv$/i.test(source.name);
      const content =
        source.kind === 'text'
          ? source.text
          : xlsx
            ? toBase64(source.data)
            : new TextDecoder('utf-8').decode(source.data);
      const input = {
        content,
        format: xlsx ? ('XLSX' as const) : csv ? ('CSV' as const) : ('TEXT' as const),
        dryRun: false,
        ...meta,
      };
      const { importPlan } = await request(ImportPlanMutation, { input });
      // The gateway reads the document again; its errors say why nothing was written.
      const problem = [
        ...importPlan.userErrors.map((e) => e.messageZh),
        ...(importPlan.plan
          ? []
          : importPlan.findings.filter((f) => f.severity === 'error').map((f) => f.message.zh)),
      ].join(';');
      if (problem || !importPlan.plan) setError(problem || '导入失败');
      else {
        setDone(
          `已导入“${importPlan.plan.title}”:${importPlan.workItems ?? 0} 项工作任务,${importPlan.assignments ?? 0} 条任务分工。`,
        );
        void message.success('方案已导入');
        await client.invalidateQueries({ queryKey: ['plans'] });
      }
    } catch (e) {
      setError(`导入失败:${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const errors = preview?.findings.filter((f) => f.severity === 'error').length ?? 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入
      </Typography.Title>
      <Typography.Text type="secondary">
        粘贴已印发的实施方案全文(含附件任务分解表),或上传任务分解表(.xlsx /
        .csv)。先解析预览,核对问题后再确认导入。
      </Typography.Text>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as 'text' | 'file');
            setPreview(null);
          }}
          items={[
            {
              key: 'text',
              label: '粘贴文本',
              children: (
                <Input.TextArea
                  aria-label="方案全文"
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    setPreview(null);
                  }}
                  autoSize={{ minRows: 10, maxRows: 24 }}
                  placeholder="毕节市七星关区人民政府办公室关于印发……的通知"
                />
              ),
            },
            {
              key: 'file',
              label: '上传表格',
              children: (
                <Upload.Dragger
                  accept=".xlsx,.csv,.txt"
                  maxCount={1}
                  beforeUpload={(f) => {
                    void f.arrayBuffer().then((data) => {
                      setFile({ name: f.name, data });
                      setPreview(null);
                    });
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p>点击或拖入任务分解表文件(.xlsx、.csv)或方案全文(.txt)</p>
                </Upload.Dragger>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
          表格不含文号等发文信息时请填写(全文导入可留空,自动识别):
        </Typography.Paragraph>
        <Space wrap>
          <Input
            aria-label="标题"
            placeholder="方案标题"
            style={{ width: 320 }}
            value={meta.title ?? ''}
            onChange={(e) => setField('title', e.target.value)}
          />
          <Input
            aria-label="方案标识"
            placeholder="方案标识(英文,如 qxg-2021)"
            style={{ width: 200 }}
            value={meta.planId ?? ''}
            onChange={(e) => setField('planId', e.target.value)}
          />
          <Input
            aria-label="文号"
            placeholder="文号,如 七星府办通〔2021〕1号"
            style={{ width: 240 }}
            value={meta.docNumber ?? ''}
            onChange={(e) => setField('docNumber', e.target.value)}
          />
          <Input
            aria-label="发文机关"
            placeholder="发文机关"
            style={{ width: 220 }}
            value={meta.issuer ?? ''}
            onChange={(e) => setField('issuer', e.target.value)}
          />
          <DatePicker
            aria-label="成文日期"
            placeholder="成文日期"
            format={CHINESE_DATE_FORMAT}
            value={meta.issuedOn ? dayjs(meta.issuedOn) : null}
            onChange={(d) => setField('issuedOn', d ? d.format('YYYY-MM-DD') : null)}
          />
          <InputNumber
            aria-label="年度"
            min={2000}
            max={2100}
            value={meta.year ?? null}
            onChange={(v) => setField('year', v)}
            placeholder="年度"
          />
        </Space>
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => void parse()}
            loading={busy === 'parse'}
            disabled={!source}
          >
            解析预览
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => void confirm()}
            loading={busy === 'import'}
            disabled={!preview?.plan || errors > 0}
          >
            确认导入
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {done && <Alert type="success" showIcon title={done} />}
      {preview && <PreviewView preview={preview} />}
    </Space>
  );
}

function PreviewView({ preview }: { readonly preview: PlanPreview }) {
  const { plan, counts, items, findings } = preview;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="解析结果">
        {plan ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'title', label: '标题', children: plan.title },
              { key: 'doc', label: '文号', children: plan.docNumber || '—' },
              { key: 'issuer', label: '发文机关', children: plan.issuer || '—' },
              { key: 'issued', label: '成文日期', children: formatChineseDate(plan.issuedOn) },
              { key: 'year', label: '年度', children: plan.year },
            ]}
          />
        ) : (
          <Alert type="error" showIcon title="未能解析出方案,请查看下方问题。" />
        )}
        <Space size="large" style={{ marginTop: 16 }}>
          <Statistic title="类别" value={counts.categories} />
          <Statistic title="重点任务" value={counts.keyTasks} />
          <Statistic title="工作任务" value={counts.workItems} />
          <Statistic title="问题" value={findings.length} />
        </Space>
      </Card>
      <Card title={`问题清单(${findings.length})`}>
        <List
          size="small"
          dataSource={[...findings]}
          locale={{ emptyText: '未发现问题' }}
          renderItem={(f) => {
            const s = SEVERITY[f.severity] ?? { label: f.severity, color: 'default' };
            const where = [
              f.location.sheet,
              f.location.line !== undefined ? `第${f.location.line}行` : undefined,
              f.location.row !== undefined ? `第${f.location.row}行` : undefined,
              f.location.column !== undefined ? `${f.location.column}列` : undefined,
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <List.Item>
                <Space align="start">
                  <Tag color={s.color}>{s.label}</Tag>
                  <span>{f.message.zh}</span>
                  {where && <Typography.Text type="secondary">({where})</Typography.Text>}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card title="任务分解表预览">
        <Table
          rowKey="key"
          size="small"
          bordered
          dataSource={[...items]}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '类别', dataIndex: 'category', width: 160 },
            { title: '重点任务', dataIndex: 'keyTask', width: 200 },
            { title: '工作任务', dataIndex: 'content' },
            { title: '牵头单位', dataIndex: 'lead', width: 160 },
            { title: '责任单位', dataIndex: 'responsible', width: 180 },
            { title: '完成时限', dataIndex: 'deadline', width: 140 },
          ]}
        />
      </Card>
    </Space>
  );
}
