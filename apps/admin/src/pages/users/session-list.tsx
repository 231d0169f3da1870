import { Button, Popconfirm, Table, Tag } from 'antd';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { formatChineseDateTime } from '../../lib/dates';

export const SessionFields = graphql(`
  fragment SessionFields on Session { id createdAt expiresAt lastSeenAt userAgent address current }
`);

const RevokeSessionMutation = graphql(
  `
  mutation RevokeSession($input: RevokeSessionInput!) {
    revokeSession(input: $input) { revoked userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);

type Session = ResultOf<typeof SessionFields>;

/** A short name for a browser's User-Agent (Chrome 131, Firefox …), else the first words. */
function browserName(agent: string | null): string {
  if (!agent) return '未知';
  const m = /(Edg|Firefox|Chrome|Chromium|Safari)\/(\d+)/.exec(agent);
  return m ? `${m[1] === 'Edg' ? 'Edge' : m[1]} ${m[2]}` : agent.slice(0, 40);
}

/** A user's sessions, each with 注销 (ends it at once); the current one says so. */
export function SessionList({ sessions }: { readonly sessions: readonly Session[] }) {
  const revoke = useAction({
    run: async (sessionId: string) =>
      (await request(RevokeSessionMutation, { input: { sessionId } })).revokeSession,
    invalidates: [QUERY_KEYS.me, QUERY_KEYS.users, QUERY_KEYS.audit],
    success: '会话已注销',
  });
  return (
    <Table<Session>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...sessions]}
      locale={{ emptyText: '没有登录中的会话' }}
      columns={[
        {
          title: '浏览器',
          key: 'agent',
          render: (_, s) => (
            <>
              {browserName(s.userAgent)} {s.current && <Tag color="blue">当前会话</Tag>}
            </>
          ),
        },
        { title: '地址', dataIndex: 'address', width: 140, render: (a: string | null) => a ?? '—' },
        {
          title: '登录时间',
          dataIndex: 'createdAt',
          width: 170,
          render: (d: string) => formatChineseDateTime(d),
        },
        {
          title: '最近活动',
          dataIndex: 'lastSeenAt',
          width: 170,
          render: (d: string | null) => (d ? formatChineseDateTime(d) : '—'),
        },
        {
          title: '',
          key: 'revoke',
          width: 90,
          render: (_, s) => (
            <Popconfirm
              title={s.current ? '注销当前会话将退出登录,继续?' : '注销此会话?'}
              okText="注销"
              cancelText="取消"
              onConfirm={() => revoke.mutate(s.id)}
            >
              <Button size="small" danger loading={revoke.isPending && revoke.variables === s.id}>
                注销
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
