import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDateTime } from '../../lib/dates';

const AuditQuery = graphql(`
  query AuditLog($after: String, $action: String, $entityType: String) {
    auditLog(first: 100, after: $after, action: $action, entityType: $entityType) {
      edges { node { id at action entityType entityId before after actor { username } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type Entry = ResultOf<typeof AuditQuery>['auditLog']['edges'][number]['node'];

const ACTION_LABELS: Readonly<Record<string, string>> = {
  login: '登录',
  logout: '退出',
  recordProgress: '报送进展',
  supersedeReport: '更正报送',
  attachEvidence: '补充佐证',
  bulkUpdateStatus: '批量更新',
  recordEvent: '登记事件',
  upsertUnit: '维护单位',
  addUnitAlias: '添加别名',
  defineAssessmentScheme: '保存考核方案',
  runAssessment: '运行考核',
  importPlan: '导入方案',
  createUser: '新建用户',
};

export default function AuditPage() {
  const [action, setAction] = useState<string | null>(null);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages.at(-1) ?? null;
  const log = useQuery({
    queryKey: [...QUERY_KEYS.audit, action, after],
    queryFn: async () => (await request(AuditQuery, { after, action, entityType: null })).auditLog,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        审计日志
      </Typography.Title>
      <Input.Search
        aria-label="按操作筛选"
        placeholder="操作(如 recordProgress)"
        allowClear
        style={{ width: 260 }}
        onSearch={(v) => {
          setAction(v.trim() || null);
          setPages([null]);
        }}
      />
      <QueryState query={log} isEmpty={(l) => l.edges.length === 0} emptyText="暂无审计记录">
        {(l) => (
          <>
            <Table<Entry>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={l.edges.map((e) => e.node)}
              expandable={{
                expandedRowRender: (e) => (
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
                    {JSON.stringify({ 修改前: e.before, 修改后: e.after }, null, 2)}
                  </pre>
                ),
              }}
              columns={[
                {
                  title: '时间',
                  dataIndex: 'at',
                  width: 180,
                  render: (at: string) => formatChineseDateTime(at),
                },
                { title: '操作人', key: 'actor', width: 140, render: (_, e) => e.actor?.username ?? '系统' },
                {
                  title: '操作',
                  dataIndex: 'action',
                  width: 140,
                  render: (a: string) => ACTION_LABELS[a] ?? a,
                },
                { title: '对象', key: 'entity', render: (_, e) => `${e.entityType} ${e.entityId}` },
              ]}
            />
            <Space>
              <Button disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
                上一页
              </Button>
              <Button
                disabled={!l.pageInfo.hasNextPage}
                onClick={() => l.pageInfo.endCursor && setPages([...pages, l.pageInfo.endCursor])}
              >
                下一页
              </Button>
            </Space>
          </>
        )}
      </QueryState>
    </Space>
  );
}
