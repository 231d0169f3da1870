import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { QueryState } from '../../components/query-state';
import { type UnitOption, unitsQuery } from '../../graphql/unit-options';
import { UNIT_KIND_OPTIONS, unitKindLabel } from '../../lib/vocabulary';

export default function UnitsPage() {
  const own = visibleUnitId(useViewer());
  if (own) return <Navigate to={`/units/${own}`} replace />;
  return <UnitList />;
}

function UnitList() {
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const units = useQuery(unitsQuery);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        单位
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label="搜索单位"
          placeholder="单位名称"
          allowClear
          onSearch={setQ}
          style={{ width: 220 }}
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
      <QueryState query={units} isEmpty={(u) => u.length === 0} emptyText="单位名录为空">
        {(all) => (
          <Table<UnitOption>
            rowKey="key"
            size="small"
            dataSource={all.filter((u) => (!kind || u.kind === kind) && (!q || u.name.includes(q)))}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              {
                title: '单位',
                dataIndex: 'name',
                render: (name: string, u) => <Link to={`/units/${u.key}`}>{name}</Link>,
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 180,
                render: (k: UnitOption['kind']) => unitKindLabel(k),
              },
              { title: '标识', dataIndex: 'key', width: 200 },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
