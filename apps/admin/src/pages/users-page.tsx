import { UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../auth/permissions';
import { useViewer } from '../auth/session';
import { Forbidden } from '../components/forbidden';
import { QueryState } from '../components/query-state';
import { request } from '../graphql/client';
import { graphql, type ResultOf, userErrorText } from '../graphql/graphql';
import { readAllPages } from '../graphql/pages';
import { formatChineseDateTime } from '../lib/dates';
import { ROLE_LABELS } from '../lib/labels';
import { fetchUnits } from './table/table-data';

const UsersQuery = graphql(`
  query Users($after: String) {
    users(first: 100, after: $after) {
      edges { node { id username role disabled createdAt unit { key name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { id username }
      password
      userErrors { code messageZh }
    }
  }
`);

type User = ResultOf<typeof UsersQuery>['users']['edges'][number]['node'];

export default function UsersPage() {
  const viewer = useViewer();
  if (!can(viewer, 'manageUsers')) return <Forbidden />;
  return <Users />;
}

function Users() {
  const [adding, setAdding] = useState(false);
  const users = useQuery({
    queryKey: ['users'],
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
                render: (r: string) => <Tag>{ROLE_LABELS[r] ?? r}</Tag>,
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

interface UserForm {
  readonly username: string;
  readonly role: 'ADMIN' | 'REPORTER' | 'ANALYST';
  readonly unitId?: string;
}

function CreateUserModal({ onClose }: { readonly onClose: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const units = useQuery({ queryKey: ['units'], queryFn: fetchUnits, staleTime: 10 * 60_000 });

  const submit = async (v: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      const { createUser } = await request(CreateUserMutation, {
        input: {
          username: v.username.trim(),
          role: v.role,
          unitId: v.role === 'REPORTER' ? (v.unitId ?? null) : null,
        },
      });
      const problem = userErrorText(createUser.userErrors);
      if (problem || !createUser.user || !createUser.password) setError(problem ?? '创建失败');
      else {
        setCreated({ username: createUser.user.username, password: createUser.password });
        void message.success('用户已创建');
        await client.invalidateQueries({ queryKey: ['users'] });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Modal
        open
        title="用户已创建"
        onCancel={onClose}
        onOk={onClose}
        okText="我已记下密码"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Result
          status="success"
          title={`用户 ${created.username} 已创建`}
          subTitle="初始密码只显示这一次,请转交本人:"
          extra={
            <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 18 }}>
              {created.password}
            </Typography.Text>
          }
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={{ role: 'REPORTER' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true }]}>
          <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {role === 'REPORTER' && (
          <Form.Item label="所属单位" name="unitId" rules={[{ required: true, message: '报送员须绑定单位' }]}>
            <Select
              aria-label="所属单位"
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.key, label: u.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
