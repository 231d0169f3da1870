import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Select } from 'antd';
import { FormModal, requiredText } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { UNIT_SEARCH, unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { UNIT_KIND_OPTIONS } from '../../lib/vocabulary';
import type { RegistryUnit } from './units-data';

const UpdateUnitMutation = graphql(
  `
  mutation UpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) { unit { id key name aliases } userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

const MergeUnitsMutation = graphql(
  `
  mutation MergeUnits($input: MergeUnitsInput!) {
    mergeUnits(input: $input) {
      unit { id key }
      moved { assignments folded reports users events manualScores children }
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

/** What a unit edit changes everywhere a unit shows. */
export const UNIT_VIEWS = [
  QUERY_KEYS.units,
  QUERY_KEYS.unit,
  QUERY_KEYS.audit,
  QUERY_KEYS.table,
  QUERY_KEYS.overview,
];

interface UnitForm {
  readonly name: string;
  readonly kind: RegistryUnit['kind'];
  readonly parentId?: string;
  readonly aliases: string[];
}

/** Edits a unit's name, kind, parent and aliases; a new name keeps the old one as an alias. */
export function UnitEditModal({
  unit,
  onClose,
}: {
  readonly unit: RegistryUnit;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<UnitForm>();
  const units = useQuery(unitsQuery);
  const save = useAction({
    run: async (v: UnitForm) =>
      (
        await request(UpdateUnitMutation, {
          input: {
            id: unit.key,
            name: v.name.trim(),
            kind: v.kind,
            parentId: v.parentId ?? null,
            aliases: v.aliases.map((a) => a.trim()).filter((a) => a !== ''),
          },
        })
      ).updateUnit,
    invalidates: UNIT_VIEWS,
    success: '单位已保存',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`编辑单位:${unit.name}`}
      okText="保存"
      onClose={onClose}
      form={form}
      action={save}
      width={560}
      initialValues={{
        name: unit.name,
        kind: unit.kind,
        aliases: [...unit.aliases],
        ...(unit.parent ? { parentId: unit.parent.key } : {}),
      }}
    >
      <Form.Item
        label="单位名称"
        name="name"
        extra="改名后,原名称自动保留为别名,旧文件中的写法仍能识别。"
        rules={[requiredText('请输入单位名称')]}
      >
        <Input aria-label="单位名称" />
      </Form.Item>
      <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
        <Select aria-label="类型" options={[...UNIT_KIND_OPTIONS]} />
      </Form.Item>
      <Form.Item label="上级单位" name="parentId">
        <Select
          aria-label="上级单位"
          allowClear
          showSearch={UNIT_SEARCH}
          options={unitSelectOptions(units.data).filter((o) => o.value !== unit.key)}
        />
      </Form.Item>
      <Form.Item label="别名" name="aliases" extra="回车添加;名称和别名在所有单位中不能重复。">
        <Select aria-label="别名" mode="tags" open={false} tokenSeparators={['、', ';', ',']} />
      </Form.Item>
    </FormModal>
  );
}

/** Merges another unit into this one: its duties, reports, users, events and scores move here. */
export function UnitMergeModal({
  unit,
  onClose,
}: {
  readonly unit: RegistryUnit;
  readonly onClose: () => void;
}) {
  const [form] = Form.useForm<{ mergeId: string }>();
  const units = useQuery(unitsQuery);
  const merge = useAction({
    run: async (v: { mergeId: string }) =>
      (await request(MergeUnitsMutation, { input: { keepId: unit.key, mergeId: v.mergeId } })).mergeUnits,
    invalidates: UNIT_VIEWS,
    success: (p) =>
      `已合并:迁移任务分工${(p.moved?.assignments ?? 0) + (p.moved?.folded ?? 0)}项、用户${p.moved?.users ?? 0}个、事件${p.moved?.events ?? 0}条`,
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`合并到:${unit.name}`}
      okText="合并"
      onClose={onClose}
      form={form}
      action={merge}
      width={560}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="合并后被并入的单位将被删除"
        description="其承担的任务分工、进展报送、用户、事件和人工评分都转到本单位,其名称和别名成为本单位的别名。同一工作任务两单位都有分工时,保留本单位的分工并转入对方的报送记录。"
      />
      <Form.Item label="被并入的单位" name="mergeId" rules={[{ required: true, message: '请选择单位' }]}>
        <Select
          aria-label="被并入的单位"
          showSearch={UNIT_SEARCH}
          options={unitSelectOptions(units.data).filter((o) => o.value !== unit.key)}
        />
      </Form.Item>
    </FormModal>
  );
}
