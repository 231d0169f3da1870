import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDateTime } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/labels';
import { CreateUserModal } from './create-user-modal';
import { UserActions, type UserRow, UserRowFields } from './user-actions';

const UsersQuery = graphql(
  `
  query Users($after: String) {
    users(first: 100, after: $after) {
      edges { node { ...UserRowFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`,
  [UserRowFields],
);

type User = UserRow;

export default function UsersPage() {
  const [adding, setAdding] = useState(false);
  const users = useQuery({
    queryKey: QUERY_KEYS.users,
    queryFn: () => readAllPages(async (after) => (await request(UsersQuery, { after })).users),
  });
  return (
    <Page
      title="用户"
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          新建用户
        </Button>
      }
    >
      <QueryState query={users} isEmpty={(u) => u.length === 0}>
        {(list) => (
          <Table<User>
            rowKey="id"
            size="small"
            dataSource={list}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              {
                title: '角色',
                dataIndex: 'role',
                width: 160,
                render: (r: User['role']) => <Tag>{ROLE_LABELS[r]}</Tag>,
              },
              { title: '单位', key: 'unit', render: (_, u) => u.unit?.name ?? '—' },
              {
                title: '状态',
                dataIndex: 'disabled',
                width: 120,
                render: (d: boolean, u) =>
                  d ? (
                    <Tag color="red">已停用</Tag>
                  ) : u.mustChangePassword ? (
                    <Tag color="orange">待改初始密码</Tag>
                  ) : (
                    <Tag color="green">正常</Tag>
                  ),
              },
              {
                title: '创建时间',
                dataIndex: 'createdAt',
                width: 180,
                render: (c: string) => formatChineseDateTime(c),
              },
              { title: '操作', key: 'actions', width: 330, render: (_, u) => <UserActions user={u} /> },
            ]}
          />
        )}
      </QueryState>
      {adding && <CreateUserModal onClose={() => setAdding(false)} />}
    </Page>
  );
}
