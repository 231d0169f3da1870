import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { request, saveBlob } from '../../graphql/client';
import { graphql, type VariablesOf } from '../../graphql/graphql';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { chinaToday } from '../../lib/dates';
import { UNIT_VIEWS } from './unit-edit-modal';
import { registryQuery } from './units-data';

const ImportUnitsMutation = graphql(
  `
  mutation ImportUnits($input: ImportUnitsInput!) {
    importUnits(input: $input) { created updated userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

type ImportRows = VariablesOf<typeof ImportUnitsMutation>['input']['units'];

/** 导出名录 / 导入名录: the unit registry as an XLSX workbook (written and read by @qxg/plan-io). */
export function RegistryIo() {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const importer = useAction({
    run: async (units: ImportRows) => (await request(ImportUnitsMutation, { input: { units } })).importUnits,
    invalidates: UNIT_VIEWS,
    success: (p) => `已导入:新增${p.created?.length ?? 0}个、更新${p.updated?.length ?? 0}个单位`,
  });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const [{ writeUnitRegistryXlsx }, units] = await Promise.all([
        import('@qxg/plan-io'),
        registryQuery('').queryFn(),
      ]);
      const bytes = await writeUnitRegistryXlsx(
        units.map((u) => ({
          id: u.key,
          name: u.name,
          kind: u.kind.toLowerCase() as never,
          ...(u.parent ? { parentId: u.parent.key } : {}),
          aliases: u.aliases,
        })),
      );
      saveBlob(
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
        `单位名录-${chinaToday()}.xlsx`,
      );
    } catch (error) {
      void message.error(`导出失败:${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  const importXlsx = async (file: File) => {
    const { readUnitRegistryXlsx } = await import('@qxg/plan-io');
    const { rows, problems } = await readUnitRegistryXlsx(new Uint8Array(await file.arrayBuffer()));
    if (problems.length > 0) {
      void message.error(problems.map((p) => p.message.zh).join(';'));
      return;
    }
    importer.mutate(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind.toUpperCase() as ImportRows[number]['kind'],
        parentId: r.parentId ?? null,
        aliases: [...r.aliases],
      })),
    );
  };

  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
        导出名录
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void importXlsx(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importer.isPending}>
          导入名录
        </Button>
      </Upload>
    </Space>
  );
}
