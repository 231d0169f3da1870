import { CheckOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { showActionError, useAction } from '../../graphql/use-action';
import { importPlan } from './import-plan';
import { MetadataFields, withField } from './metadata-fields';
import type { PlanMetadata, PlanSource } from './parse-plan';
import { PreviewView } from './preview-view';
import { type SourceTab, SourceTabs } from './source-tabs';

/** Reads the plan in the browser for a preview (the core's readers), then imports it through the gateway. */
function usePlanImport() {
  const { message } = App.useApp();
  const parse = useMutation({
    mutationFn: async ({ source, metadata }: { source: PlanSource; metadata: PlanMetadata }) =>
      (await import('./parse-plan')).previewPlan(source, metadata),
    onError: (error) => showActionError(error, { message }),
  });
  const confirm = useAction({
    run: ({ source, metadata }: { source: PlanSource; metadata: PlanMetadata }) =>
      importPlan(source, metadata),
    invalidates: [QUERY_KEYS.plans, QUERY_KEYS.audit],
    success: '方案已导入',
  });
  return { parse, confirm };
}

export default function ImportPage() {
  const [tab, setTab] = useState<SourceTab>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; data: ArrayBuffer } | null>(null);
  const [metadata, setMetadata] = useState<PlanMetadata>({});
  const { parse, confirm } = usePlanImport();
  // Any change to the source or its particulars makes the preview stale.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      parse.reset();
    };

  const source: PlanSource | null =
    tab === 'text' ? (text.trim() ? { kind: 'text', text } : null) : file ? { kind: 'file', ...file } : null;
  const preview = parse.data ?? null;
  const errors = preview?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const imported = confirm.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入
      </Typography.Title>
      <Typography.Text type="secondary">
        粘贴已印发的实施方案全文(含附件任务分解表)或其网页,或上传方案文件(Word .docx、网页 .html、任务分解表
        .xlsx / .csv、文本 .txt;格式按文件内容识别)。先解析预览,核对问题后再确认导入。
      </Typography.Text>
      <Card>
        <SourceTabs
          tab={tab}
          onTab={changed(setTab)}
          text={text}
          onText={changed(setText)}
          onFile={changed(setFile)}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
          表格不含文号等发文信息时请填写(全文导入可留空,自动识别):
        </Typography.Paragraph>
        <MetadataFields
          value={metadata}
          onChange={(key, value) => changed(setMetadata)(withField(metadata, key, value))}
        />
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => source && parse.mutate({ source, metadata })}
            loading={parse.isPending}
            disabled={!source}
          >
            解析预览
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => source && confirm.mutate({ source, metadata })}
            loading={confirm.isPending}
            disabled={!preview?.plan || errors > 0}
          >
            确认导入
          </Button>
        </Space>
      </Card>
      {imported?.plan && (
        <Alert
          type="success"
          showIcon
          title={`已导入“${imported.plan.title}”:${imported.workItems ?? 0} 项工作任务,${imported.assignments ?? 0} 条任务分工。`}
        />
      )}
      {preview && <PreviewView preview={preview} />}
    </Space>
  );
}
