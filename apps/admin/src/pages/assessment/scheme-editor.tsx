import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { validateScheme } from '@qxg/disclosure-core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useViewer } from '../../auth/session';
import { FormModal, required } from '../../components/form-modal';
import { fetchPlans, plansQueryKey, usePlan } from '../../components/plan';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { CopySchemeMutation, DefineSchemeMutation } from './assessment-data';
import { SchemeForm } from './scheme-form';

/** The core's issues with a draft, by path (the first message of each), and all of them in order. */
function checkDraft(draft: unknown): { byPath: Map<string, string>; list: string[] } {
  const checked = validateScheme(draft);
  const byPath = new Map<string, string>();
  const list: string[] = [];
  if (!checked.ok) {
    for (const i of checked.issues) {
      const path = i.location?.path ?? '';
      if (!byPath.has(path)) byPath.set(path, i.message.zh);
      list.push(path ? `${path}:${i.message.zh}` : i.message.zh);
    }
  }
  return { byPath, list };
}

interface CopyForm {
  readonly toPlanId: string;
  readonly name?: string;
}

/** Copies the scheme to another plan (the core makes it fit: the plan's period, its own items). */
function CopySchemeModal({ schemeId, onClose }: { readonly schemeId: string; readonly onClose: () => void }) {
  const plan = usePlan();
  const [form] = Form.useForm<CopyForm>();
  const plans = useQuery({ queryKey: plansQueryKey, queryFn: fetchPlans });
  const copy = useAction({
    run: async (v: CopyForm) =>
      (
        await request(CopySchemeMutation, {
          input: { schemeId, toPlanId: v.toPlanId, name: v.name?.trim() ? v.name.trim() : null },
        })
      ).copyAssessmentScheme,
    invalidates: [QUERY_KEYS.schemes, QUERY_KEYS.audit],
    success: (p) => `已复制为“${p.scheme?.name ?? ''}”`,
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal title="复制考核方案到其他实施方案" okText="复制" onClose={onClose} form={form} action={copy}>
      <Form.Item label="复制到" name="toPlanId" rules={[required('请选择实施方案')]}>
        <Select
          loading={plans.isPending}
          options={(plans.data ?? [])
            .filter((p) => p.key !== plan.key)
            .map((p) => ({ value: p.key, label: `${p.year}年 ${p.title}(${p.docNumber})` }))}
        />
      </Form.Item>
      <Form.Item label="名称(留空:沿用原名,年份改为该方案的年份)" name="name">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The scheme as a tree form (indicators, weights, methods, caps, bonuses, grade thresholds) and,
 * for experts, as JSON; the core's validateScheme checks the draft as it changes.
 */
export function SchemeEditor({
  schemeId,
  name,
  definition,
}: {
  readonly schemeId: string;
  readonly name: string;
  readonly definition: unknown;
}) {
  const plan = usePlan();
  const editable = useViewer().can.editScheme;
  const [draft, setDraft] = useState<unknown>(definition);
  const [json, setJson] = useState(() => JSON.stringify(definition, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  useEffect(() => {
    setDraft(definition);
    setJson(JSON.stringify(definition, null, 2));
    setJsonError(null);
  }, [definition]);
  const issues = useMemo(() => checkDraft(draft), [draft]);
  const change = (next: unknown) => {
    setDraft(next);
    setJson(JSON.stringify(next, null, 2));
    setJsonError(null);
  };
  const save = useAction({
    run: async () =>
      (await request(DefineSchemeMutation, { input: { planId: plan.key, name, definition: draft } }))
        .defineAssessmentScheme,
    invalidates: [QUERY_KEYS.schemes, QUERY_KEYS.assessment, QUERY_KEYS.unitScore, QUERY_KEYS.audit],
    success: '考核方案已保存',
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {jsonError ? (
        <Alert type="error" showIcon title={`JSON 格式错误:${jsonError}`} />
      ) : issues.list.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={`考核方案有${issues.list.length}处问题(保存前须改正)`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.list.slice(0, 12).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title="考核方案校验通过" />
      )}
      <Tabs
        items={[
          {
            key: 'form',
            label: '指标树',
            children: (
              <SchemeForm definition={draft} onChange={change} issues={issues.byPath} disabled={!editable} />
            ),
          },
          {
            key: 'json',
            label: 'JSON(专家)',
            children: (
              <Card size="small">
                <Input.TextArea
                  aria-label="考核方案JSON"
                  value={json}
                  readOnly={!editable}
                  onChange={(e) => {
                    setJson(e.target.value);
                    try {
                      setDraft(JSON.parse(e.target.value) as unknown);
                      setJsonError(null);
                    } catch (error) {
                      setJsonError(error instanceof Error ? error.message : String(error));
                    }
                  }}
                  autoSize={{ minRows: 8, maxRows: 30 }}
                  style={{ fontFamily: 'monospace' }}
                />
              </Card>
            ),
          },
        ]}
      />
      {editable && (
        <Space>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={jsonError !== null || issues.list.length > 0}
            onClick={() => save.mutate()}
          >
            保存考核方案
          </Button>
          <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
            复制到其他实施方案
          </Button>
        </Space>
      )}
      {copying && <CopySchemeModal schemeId={schemeId} onClose={() => setCopying(false)} />}
    </Space>
  );
}
