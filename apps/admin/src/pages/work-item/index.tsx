import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { visibleUnitId } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import { useAsOf } from '../../components/as-of';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { AssignmentsCard } from './assignments-card';
import { ItemDetails } from './item-details';
import { RecordProgressModal } from './record-progress-modal';
import { ReportHistory } from './report-history';
import { type Assignment, type Item, WorkItemQuery } from './work-item-data';

export default function WorkItemPage() {
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const query = useQuery({
    queryKey: [...QUERY_KEYS.workItem, id, asOf],
    queryFn: async () => {
      const node = (await request(WorkItemQuery, { id, asOf })).node;
      return node && 'content' in node ? (node as Item) : null;
    },
  });
  return (
    <QueryState query={query} isEmpty={(item) => item === null} emptyText="找不到该工作任务,或无权查看。">
      {(item) => <WorkItemView item={item as Item} />}
    </QueryState>
  );
}

function WorkItemView({ item }: { readonly item: Item }) {
  const viewer = useViewer();
  const { asOf } = useAsOf();
  const [recording, setRecording] = useState<Assignment | null>(null);
  const own = visibleUnitId(viewer);
  const assignments = item.assignments.edges
    .map((e) => e.node)
    .filter((a) => own === null || a.unit.key === own);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ItemDetails item={item} asOf={asOf} />
      <AssignmentsCard
        assignments={assignments}
        canRecord={(a) => a.viewerCan.recordProgress}
        onRecord={setRecording}
      />
      <ReportHistory assignments={assignments} />
      {recording && <RecordProgressModal assignment={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
