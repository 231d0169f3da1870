import { CheckOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/page';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { showActionError, useAction } from '../../graphql/use-action';
import { nextPlanFromParams } from '../plans/plans-data';
import { importPlan } from './import-plan';
import { MetadataFields, withField } from './metadata-fields';
import type { PlanMetadata, PlanSource } from './parse-plan';
import { PreviewView } from './preview-view';
import { type SourceTab, SourceTabs } from './source-tabs';

/** Reads the plan in the browser for a preview (the core's readers), then imports it through the gateway. */
function usePlanImport(next: ReturnType<typeof nextPlanFromParams>) {
  const { message } = App.useApp();
  const parse = useMutation({
    mutationFn: async ({ source, metadata }: { source: PlanSource; metadata: PlanMetadata }) =>
      (await import('./parse-plan')).previewPlan(source, metadata),
    onError: (error) => showActionError(error, { message }),
  });
  const confirm = useAction({
    run: ({ source, metadata }: { source: PlanSource; metadata: PlanMetadata }) =>
      importPlan(source, metadata, next),
    invalidates: [QUERY_KEYS.plans, QUERY_KEYS.planAdmin, QUERY_KEYS.audit],
    success: '方案已导入',
  });
  return { parse, confirm };
}

export default function ImportPage() {
  const [tab, setTab] = useState<SourceTab>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; data: ArrayBuffer } | null>(null);
  // Opened from “起草下一年度方案” (pages/plans): 文号, 成文日期 … prefilled, the previous plan linked.
  const [params] = useSearchParams();
  const [next] = useState(() => nextPlanFromParams(params));
  const [metadata, setMetadata] = useState<PlanMetadata>(next.metadata as PlanMetadata);
  const { parse, confirm } = usePlanImport(next);
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
    <Page title="导入" size="large">
      <Typography.Text type="secondary">
        粘贴已印发的实施方案全文(含附件任务分解表)或其网页,或上传方案文件(Word .docx、网页 .html、任务分解表
        .xlsx / .csv、文本 .txt;格式按文件内容识别)。先解析预览,核对问题后再确认导入。
      </Typography.Text>
      {next.previousPlanId && (
        <Alert
          type="info"
          showIcon
          data-testid="next-plan-notice"
          title={`下一年度方案:接续方案 ${next.previousPlanId},沿用其考核方案${next.carryOver.length > 0 ? `,延续 ${next.carryOver.length} 项长期坚持事项` : ''}。文号与成文日期已预填,请按正式文件补全核对。`}
        />
      )}
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
    </Page>
  );
}
