import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { UNIT_KIND_OPTIONS, unitKindLabel } from '../../lib/vocabulary';
import { RegistryIo } from './registry-io';
import { UnitEditModal, UnitMergeModal } from './unit-edit-modal';
import { type RegistryUnit, registryProblemsQuery, registryQuery } from './units-data';

export default function UnitsPage() {
  const own = visibleUnitId(useViewer());
  if (own) return <Navigate to={`/units/${own}`} replace />;
  return <UnitList />;
}

/** Rules the stored registry breaks (written past the app): what reads leave out until it is fixed. */
function RegistryProblems() {
  const problems = useQuery(registryProblemsQuery);
  if (!problems.data || problems.data.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="单位名录存在问题(统计时已自动忽略相关名称或上级关系),请编辑相关单位:"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {problems.data.map((p) => (
            <li key={`${p.code}-${p.path}`}>{p.message.zh}</li>
          ))}
        </ul>
      }
    />
  );
}

function UnitList() {
  const can = useViewer().can;
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ unit: RegistryUnit; mode: 'edit' | 'merge' } | null>(null);
  const units = useQuery(registryQuery(q.trim()));
  return (
    <Page title="单位" wrap extra={can.manageUnits && <RegistryIo />}>
      {can.manageUnits && <RegistryProblems />}
      <Space wrap>
        <Input.Search
          aria-label="搜索单位"
          placeholder="名称、别名或简称"
          allowClear
          onSearch={setQ}
          style={{ width: 240 }}
        />
        <Select
          aria-label="单位类型"
          placeholder="单位类型"
          allowClear
          style={{ width: 180 }}
          value={kind}
          onChange={(v: string | undefined) => setKind(v ?? null)}
          options={[...UNIT_KIND_OPTIONS]}
        />
      </Space>
      <QueryState
        query={units}
        isEmpty={(u) => u.length === 0}
        emptyText={q ? `没有名称或别名与“${q}”相符的单位` : '单位名录为空'}
      >
        {(all) => (
          <Table<RegistryUnit>
            rowKey="key"
            size="small"
            dataSource={all.filter((u) => !kind || u.kind === kind)}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              {
                title: '单位',
                dataIndex: 'name',
                render: (name: string, u) => <Link to={`/units/${u.key}`}>{name}</Link>,
              },
              {
                title: '别名',
                dataIndex: 'aliases',
                render: (a: readonly string[]) => (a.length > 0 ? a.join('、') : '—'),
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 150,
                render: (k: RegistryUnit['kind']) => unitKindLabel(k),
              },
              { title: '上级', key: 'parent', width: 170, render: (_, u) => u.parent?.name ?? '—' },
              { title: '标识', dataIndex: 'key', width: 170 },
              ...(can.manageUnits
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 130,
                      render: (_: unknown, u: RegistryUnit) => (
                        <Space size={4}>
                          <Button size="small" onClick={() => setEditing({ unit: u, mode: 'edit' })}>
                            编辑
                          </Button>
                          <Button size="small" onClick={() => setEditing({ unit: u, mode: 'merge' })}>
                            合并
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {editing?.mode === 'edit' && <UnitEditModal unit={editing.unit} onClose={() => setEditing(null)} />}
      {editing?.mode === 'merge' && <UnitMergeModal unit={editing.unit} onClose={() => setEditing(null)} />}
    </Page>
  );
}
