import { Button, Form, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { request } from '../../graphql/client';
import { graphql, type ResultOf } from '../../graphql/graphql';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { UserErrorFields } from '../../graphql/user-errors';
import { OneTimePassword, RoleUnitFields } from './create-user-modal';
import { SessionFields, SessionList } from './session-list';

export const UserRowFields = graphql(
  `
  fragment UserRowFields on User {
    id username role disabled mustChangePassword createdAt unit { key name }
    sessions { ...SessionFields }
  }
`,
  [SessionFields],
);

export type UserRow = ResultOf<typeof UserRowFields>;

const UpdateUserMutation = graphql(
  `
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) { user { id } userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);
const ResetPasswordMutation = graphql(
  `
  mutation ResetPassword($input: UserIdInput!) {
    resetPassword(input: $input) { password userErrors { ...UserErrorFields } }
  }
`,
  [UserErrorFields],
);
const DisableUserMutation = graphql(
  `
  mutation DisableUser($input: UserIdInput!) { disableUser(input: $input) { user { id } userErrors { ...UserErrorFields } } }
`,
  [UserErrorFields],
);
const EnableUserMutation = graphql(
  `
  mutation EnableUser($input: UserIdInput!) { enableUser(input: $input) { user { id } userErrors { ...UserErrorFields } } }
`,
  [UserErrorFields],
);

const CHANGED = [QUERY_KEYS.users, QUERY_KEYS.audit];

interface RoleForm {
  readonly role: UserRow['role'];
  readonly unitId?: string;
}

function EditRoleModal({ user, onClose }: { readonly user: UserRow; readonly onClose: () => void }) {
  const [form] = Form.useForm<RoleForm>();
  const role = Form.useWatch('role', form);
  const save = useAction({
    run: async (v: RoleForm) =>
      (
        await request(UpdateUserMutation, {
          input: { userId: user.id, role: v.role, unitId: v.role === 'REPORTER' ? (v.unitId ?? null) : null },
        })
      ).updateUser,
    invalidates: CHANGED,
    success: '已保存',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={`修改用户 ${user.username}`}
      okText="保存"
      onClose={onClose}
      form={form}
      action={save}
      initialValues={{ role: user.role, ...(user.unit ? { unitId: user.unit.key } : {}) }}
    >
      <RoleUnitFields role={role} />
    </FormModal>
  );
}

/** The office's actions on one user: role and unit, a new one-time password, disable/enable, sessions. */
export function UserActions({ user }: { readonly user: UserRow }) {
  const [open, setOpen] = useState<'role' | 'sessions' | null>(null);
  const reset = useAction({
    run: async () => (await request(ResetPasswordMutation, { input: { userId: user.id } })).resetPassword,
    invalidates: CHANGED,
  });
  const disable = useAction({
    run: async () => (await request(DisableUserMutation, { input: { userId: user.id } })).disableUser,
    invalidates: CHANGED,
    success: `已停用 ${user.username},其登录已全部注销`,
  });
  const enable = useAction({
    run: async () => (await request(EnableUserMutation, { input: { userId: user.id } })).enableUser,
    invalidates: CHANGED,
    success: `已启用 ${user.username}`,
  });
  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setOpen('role')}>
        修改角色
      </Button>
      <Popconfirm
        title="重置密码?"
        description="将生成新的一次性密码,并注销该用户所有登录。"
        okText="重置"
        cancelText="取消"
        onConfirm={() => reset.mutate()}
      >
        <Button size="small" loading={reset.isPending}>
          重置密码
        </Button>
      </Popconfirm>
      {user.disabled ? (
        <Button size="small" onClick={() => enable.mutate()} loading={enable.isPending}>
          启用
        </Button>
      ) : (
        <Popconfirm
          title={`停用 ${user.username}?`}
          description="该用户将立即退出所有登录,且不能再登录。"
          okText="停用"
          cancelText="取消"
          onConfirm={() => disable.mutate()}
        >
          <Button size="small" danger loading={disable.isPending}>
            停用
          </Button>
        </Popconfirm>
      )}
      <Button size="small" onClick={() => setOpen('sessions')}>
        会话({user.sessions?.length ?? 0})
      </Button>
      {open === 'role' && <EditRoleModal user={user} onClose={() => setOpen(null)} />}
      {open === 'sessions' && (
        <Modal
          open
          title={`${user.username} 的登录会话`}
          footer={null}
          width={820}
          onCancel={() => setOpen(null)}
        >
          <SessionList sessions={user.sessions ?? []} />
        </Modal>
      )}
      {reset.data?.password && (
        <OneTimePassword
          username={user.username}
          password={reset.data.password}
          reset
          onClose={() => reset.reset()}
        />
      )}
    </Space>
  );
}
