import type { ImportFinding } from '@qxg/disclosure-core';
import { Alert, Card, Descriptions, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { formatChineseDate } from '../../lib/dates';
import { IMPORT_FORMAT_LABELS } from '../../lib/labels';
import type { PlanPreview } from './parse-plan';

const SEVERITY: Readonly<Record<string, { label: string; color: string }>> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

/** Where in the source a finding is: sheet, line or row, column. */
function whereText(f: ImportFinding): string {
  return [
    f.location.sheet,
    f.location.line !== undefined ? `第${f.location.line}行` : undefined,
    f.location.row !== undefined ? `第${f.location.row}行` : undefined,
    f.location.column !== undefined ? `${f.location.column}列` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

function FindingList({ findings }: { readonly findings: readonly ImportFinding[] }) {
  return (
    <List
      size="small"
      dataSource={[...findings]}
      locale={{ emptyText: '未发现问题' }}
      renderItem={(f) => {
        const s = SEVERITY[f.severity] ?? { label: f.severity, color: 'default' };
        const where = whereText(f);
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
  );
}

/** What the core read from the source: the plan's particulars, counts, findings and rows. */
export function PreviewView({ preview }: { readonly preview: PlanPreview }) {
  const { format, plan, counts, items, findings } = preview;
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
              { key: 'format', label: '读取格式', children: IMPORT_FORMAT_LABELS[format] },
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
        <FindingList findings={findings} />
      </Card>
      <Card title="任务分解表预览">
        <Table
          rowKey="key"
          size="small"
          bordered
          dataSource={[...items]}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 1200 }}
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
