import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Result, Select, Typography } from 'antd';
import { FormModal, required, requiredText } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { UNIT_SEARCH, unitSelectOptions, unitsQuery } from '../../graphql/unit-options';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { labelOptions, ROLE_LABELS } from '../../lib/labels';

const CreateUserMutation = graphql(
  `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user { id username }
      password
      userErrors { ...UserErrorFields }
    }
  }
`,
  [UserErrorFields],
);

interface UserForm {
  readonly username: string;
  readonly role: 'ADMIN' | 'REPORTER' | 'ANALYST';
  readonly unitId?: string;
}

/** Shows a one-time password once (a new user, a reset): the user changes it at the first sign-in. */
export function OneTimePassword({
  username,
  password,
  onClose,
  reset = false,
}: {
  readonly username: string;
  readonly password: string;
  readonly onClose: () => void;
  readonly reset?: boolean;
}) {
  return (
    <Modal
      open
      title={reset ? '密码已重置' : '用户已创建'}
      onCancel={onClose}
      onOk={onClose}
      okText="我已记下密码"
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Result
        status="success"
        title={reset ? `用户 ${username} 的密码已重置` : `用户 ${username} 已创建`}
        subTitle="一次性密码只显示这一次,请转交本人;首次登录时须修改:"
        extra={
          <Typography.Text code copyable data-testid="one-time-password" style={{ fontSize: 18 }}>
            {password}
          </Typography.Text>
        }
      />
    </Modal>
  );
}

/** Creates a user (a reporter bound to its unit) and shows its one-time password once. */
export function CreateUserModal({ onClose }: { readonly onClose: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const create = useAction({
    run: async (v: UserForm) =>
      (
        await request(CreateUserMutation, {
          input: {
            username: v.username.trim(),
            role: v.role,
            unitId: v.role === 'REPORTER' ? (v.unitId ?? null) : null,
          },
        })
      ).createUser,
    invalidates: [QUERY_KEYS.users, QUERY_KEYS.audit],
    success: '用户已创建',
    form,
  });

  const created = create.data;
  if (created?.user && created.password) {
    return <OneTimePassword username={created.user.username} password={created.password} onClose={onClose} />;
  }
  return (
    <FormModal
      title="新建用户"
      okText="创建"
      onClose={onClose}
      form={form}
      action={create}
      initialValues={{ role: 'REPORTER' }}
    >
      <Form.Item label="用户名" name="username" rules={[requiredText('请输入用户名')]}>
        <Input autoComplete="off" />
      </Form.Item>
      <RoleUnitFields role={role} />
    </FormModal>
  );
}

/** The 角色 field and, for a reporter, 所属单位 (shared by creating and editing a user). */
export function RoleUnitFields({ role }: { readonly role: string | undefined }) {
  const units = useQuery(unitsQuery);
  return (
    <>
      <Form.Item label="角色" name="role" rules={[{ required: true }]}>
        <Select options={labelOptions(ROLE_LABELS)} />
      </Form.Item>
      {role === 'REPORTER' && (
        <Form.Item label="所属单位" name="unitId" rules={[required('报送员须绑定单位')]}>
          <Select
            aria-label="所属单位"
            showSearch={UNIT_SEARCH}
            loading={units.isPending}
            options={unitSelectOptions(units.data)}
          />
        </Form.Item>
      )}
    </>
  );
}
