import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { Forbidden } from '../../components/forbidden';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { unitKindLabel } from '../../lib/vocabulary';
import { UnitEditModal } from '../units/unit-edit-modal';
import { UnitAssignments } from './unit-assignments';
import { UnitScore } from './unit-score';

const UnitQuery = graphql(`
  query Unit($key: String!) {
    unit(id: $key) { id key name kind aliases parent { key name } }
  }
`);

export default function UnitPage() {
  const { key = '' } = useParams();
  const own = visibleUnitId(useViewer());
  if (own !== null && own !== key) return <Forbidden />;
  return <UnitView unitKey={key} />;
}

function UnitView({ unitKey }: { readonly unitKey: string }) {
  const can = useViewer().can;
  const [editing, setEditing] = useState(false);
  const unit = useQuery({
    queryKey: [...QUERY_KEYS.unit, unitKey],
    queryFn: async () => (await request(UnitQuery, { key: unitKey })).unit,
  });
  return (
    <QueryState query={unit} isEmpty={(u) => u === null} emptyText="找不到该单位">
      {(u) =>
        u && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Card
              title={u.name}
              extra={can.manageUnits && <Button onClick={() => setEditing(true)}>编辑单位</Button>}
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 'kind', label: '类型', children: unitKindLabel(u.kind) },
                  { key: 'parent', label: '上级', children: u.parent?.name ?? '—' },
                  { key: 'aliases', label: '别名', children: u.aliases.length ? u.aliases.join('、') : '—' },
                ]}
              />
            </Card>
            <UnitScore unitKey={unitKey} />
            <UnitAssignments unitKey={unitKey} />
            {editing && <UnitEditModal unit={u} onClose={() => setEditing(false)} />}
          </Space>
        )
      }
    </QueryState>
  );
}
