import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { readAllPages } from '../../graphql/pages';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { formatChineseDateTime } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/labels';
import { CreateUserModal } from './create-user-modal';

const UsersQuery = graphql(`
  query Users($after: String) {
    users(first: 100, after: $after) {
      edges { node { id username role disabled createdAt unit { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

type User = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];

export default function UsersPage() {
  const [adding, setAdding] = useState(false);
  const users = useQuery({
    queryKey: QUERY_KEYS.users,
    queryFn: () => readAllPages(async (after) => (await request(UsersQuery, { after })).users),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户
        </Typography.Title>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          新建用户
        </Button>
      </Space>
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
                width: 90,
                render: (d: boolean) => (d ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>),
              },
              {
                title: '创建时间',
                dataIndex: 'createdAt',
                width: 180,
                render: (c: string) => formatChineseDateTime(c),
              },
            ]}
          />
        )}
      </QueryState>
      {adding && <CreateUserModal onClose={() => setAdding(false)} />}
    </Space>
  );
}
